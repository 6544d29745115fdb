// Terminal door into the engine: `npm start` opens a chat; `npm start -- "Kan Malmö söka bidraget?"`
// answers once and exits. No Slack, AWS or network needed.
import { createInterface } from 'node:readline/promises';
import { createEngine } from '../knowledge/engine.ts';
import { commandLine } from './args.ts';
import { createConversation, localeLang } from './conversation.ts';
import { wrap } from './format.ts';

const { words } = commandLine({
  run: 'npm start --',
  about: [
    'Chat with the bot in the terminal: type a question, or the number of a suggestion; Ctrl-D or "exit"',
    'ends. With QUESTION, answers it and exits. No Slack, AWS or network needed.',
  ].join('\n'),
  flags: {},
  words: { kind: 'many', name: 'QUESTION' },
  more: ['The welcome is in the language of the locale (LANG=sv_SE.UTF-8: Swedish), then in yours.'],
});

// Read at every print, so a resized window gets lines of its new width; not a terminal: 80.
const print = (text: string) => console.log(wrap(text, process.stdout.columns || 80));

const conversation = createConversation(createEngine(), localeLang(process.env));
const once = words.join(' ').trim();
if (once) {
  const reply = conversation.reply(once);
  if (reply.kind === 'text') print(reply.text);
} else {
  print(`${conversation.welcome()}\n`);
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  rl.setPrompt('> ');
  rl.prompt();
  for await (const line of rl) {
    const reply = conversation.reply(line);
    if (reply.kind === 'exit') break;
    if (reply.kind === 'text') print(`\n${reply.text}\n`);
    rl.prompt();
  }
  rl.close();
}
