import { createEngine } from './knowledge/engine.ts';

const e = createEngine();
for (const q of process.argv.slice(2)) {
  const a = e.answer(q);
  console.log(
    q,
    '→',
    a.rule,
    a.intent,
    JSON.stringify(a.municipalities.map((m) => m.name)),
    a.text.slice(0, 200).replace(/\n/g, ' ¶ '),
  );
}
