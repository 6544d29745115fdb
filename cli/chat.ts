// Terminal door into the engine: `npm start` opens a chat; `npm start -- "Kan Malmö söka bidraget?"`
// answers once and exits. No Slack, AWS or network needed.
import { createInterface } from 'node:readline/promises';
import { createEngine } from '../knowledge/engine.ts';
import { toPlainText } from './format.ts';

const engine = createEngine();
const once = process.argv.slice(2).join(' ').trim();

if (once) {
  console.log(toPlainText(engine.answer(once)));
} else {
  console.log(`${toPlainText(engine.help('sv'))}\n\n(Ctrl-D eller "exit" avslutar / ends the chat)\n`);
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  rl.setPrompt('> ');
  rl.prompt();
  for await (const line of rl) {
    if (/^\s*(exit|quit|avsluta)\s*$/i.test(line)) break;
    if (line.trim()) console.log(`\n${toPlainText(engine.answer(line))}\n`);
    rl.prompt();
  }
  rl.close();
}
