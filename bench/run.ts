// `npm run bench`: every benchmark, each printing its own table. Machines here are shared and noisy:
// compare ratios and medians, not single numbers.
import { run as bundle } from './bundle.ts';
import { run as engine } from './engine.ts';
import { run as load } from './load.ts';
import { run as slack } from './slack.ts';

import { closeBenchStack } from './stack.ts';

for (const bench of [engine, slack, load, bundle]) await bench();
await closeBenchStack();
