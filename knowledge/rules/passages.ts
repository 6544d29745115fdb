// Rules that answer with a document's own sentences, quoted whole (knowledge/passages.ts): `quote` when a
// part asks for the exact words, early in the table; `passage` when no typed fact answers, just before
// "not stated", "did you mean" and the fallback, so those are said only when no sentence says it.
import type { Parts } from '../answers.ts';
import type { Passage } from '../passages.ts';
import type { Rule } from './rule.ts';
import { type Decision, made, type Scope } from './scope.ts';

/**
 * A sentence must cover this much of a question's weight to be its answer: "Vad kostar en kaffe i
 * Sverige?" finds "Sverige" in a sentence, but "kaffe" nowhere, and is not about that sentence.
 */
export const PASSAGE_AT = 0.6;
/** Before the typed facts, a request for the exact words must be surer of its sentence. */
export const QUOTE_AT = 0.75;

/** The sentences, word for word, each its own source. */
function quoted(s: Scope, passages: readonly Passage[]): Parts {
  const { kb } = s.kit;
  return {
    text: [kb.say(s.lang, 'passage'), ...passages.map((p) => `”${p.text}”`)].join('\n'),
    sources: passages.map((p) => ({ quote: p.text, document: kb.documentLabel(p.document) })),
    outcome: 'answered',
  };
}

function found(s: Scope, name: string, quote: boolean): Decision | null {
  const hits = s.kit.passages.find(s.r.text);
  const top = hits[0];
  if (!top || top.score < (quote ? QUOTE_AT : PASSAGE_AT)) return null;
  const chosen = s.kit.passages.select(hits, quote);
  return made(s, name, quoted(s, chosen), 'background', 'passage', Math.round(top.score * 100) / 100, null);
}

export const quote: Rule = {
  name: 'quote',
  examples: ['Citera Baylan ordagrant', 'What were the exact words of the minister?'],
  decide: (s) => (s.kit.passages.asksQuote(s.r.f) ? found(s, 'quote', true) : null),
};

export const passage: Rule = {
  name: 'passage',
  examples: ['Vad står det om beständiga resultat?', 'What does cross-sectoral work mean here?'],
  decide: (s) => found(s, 'passage', false),
};

/** The rule, but where it would say "not stated", a sentence that says it answers instead. */
export function unlessStated(rule: Rule): Rule {
  return {
    ...rule,
    decide(s) {
      const d = rule.decide(s);
      return d && (passage.decide(s) ?? d);
    },
  };
}
