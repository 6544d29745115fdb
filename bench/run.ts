// `npm run bench`: every benchmark, each printing its own table. Machines here are shared and noisy:
// compare ratios and medians, not single numbers.
import { run as bundle } from './bundle.ts';
import { run as engine } from './engine.ts';
import { run as load } from './load.ts';
import { run as slack } from './slack.ts';

import { closeBenchStack } from './stack.ts';

// The cold starts first: their children talk to servers in this process, which later benches load.
for (const bench of [engine, bundle, slack, load]) await bench();
await closeBenchStack();
