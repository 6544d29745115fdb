// Rules that answer with a document's own sentences, quoted whole (knowledge/passages.ts): `quote` when a
// part asks for the exact words, early in the table; `passage` when no typed fact answers, just before
// "not stated", "did you mean" and the fallback, so those are said only when no sentence says it.
import { askedYears, type Parts } from '../answers.ts';
import type { KnownName } from '../content.ts';
import type { Hit, Passage } from '../passages.ts';
import { swedishStem } from '../stem.ts';
import { fold, words } from '../text.ts';
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
  const topic = quote ? speakerTopic(s, chosen) : null;
  return made(s, name, quoted(s, chosen), 'background', 'passage', Math.round(top.score * 100) / 100, topic);
}

/**
 * The FAQ entry of the person whose statement the sentences are (the one that names them first), so the
 * thread can ask on about them: "vem var det som sa det?", "can you give me that in English?".
 */
function speakerTopic(s: Scope, chosen: readonly Passage[]): string | null {
  const texts = new Set(chosen.map((p) => p.text));
  const said = s.kit.passages.statements().find((x) => x.passages.some((p) => texts.has(p.text)));
  const surname = said?.speaker.trim().split(/\s+/).pop();
  if (!surname) return null;
  const at = (id: string) => s.kit.compose(id, s.ctx).text.indexOf(surname);
  const people = [...s.kit.entries.values()].filter((e) => e.intent === 'contact' && at(e.id) >= 0);
  return people.sort((a, b) => at(a.id) - at(b.id))[0]?.id ?? null;
}

/** A line in quotation marks, of three words or more: what a draft says. */
const QUOTATION =
  /(?:^|[\s(:–*_-])["“”«'‘’]((?:[^"“”«»'‘’\n]|(?<=\p{L})['’](?=\p{L}))+?)["“”»'‘’](?=$|[\s,.;:!?)*_–-])/gu;
/** A line set against the documents must match a sentence this well to be called a misquote of it. */
const MISQUOTE_AT = 0.5;
/** Below this, no sentence is near enough to quote as the nearest. */
const NEAREST_AT = 0.2;
/** A difference of more words than this is a different sentence: its own words are named, not the document's. */
const MAX_SHOWN = 5;

/** What a draft line says: the words in quotation marks, or what follows "can I say". */
export function statementOf(s: Scope): string | null {
  const { r } = s;
  // The longest: "Is 'integration' the right word?" names a word of the line quoted before it.
  const quoted = [...r.text.matchAll(QUOTATION)]
    .map((m) => (m[1] ?? '').trim())
    .sort((a, b) => b.length - a.length)[0];
  if (quoted && words(quoted).length >= 3) return quoted;
  if (!r.cue.draft) return null;
  // Folding keeps the length of the text, so the frame found in the folded text cuts the text as typed.
  const m = s.kit.cues.draft.exec(r.f);
  if (!m) return null;
  return r.text
    .slice(m.index + m[0].length)
    .replace(/^\s*(?:att|that)\s+/iu, '')
    .trim();
}

/** The words of a difference as the answer names them. */
const named = (xs: string[]) => xs.map((x) => `”${x}”`).join(', ');

function differenceLine(s: Scope, statement: string, top: Passage, misquote: boolean): string | null {
  // English words against a Swedish sentence differ in every word: only the verdict and the sentence.
  if (s.lang !== 'sv') return null;
  const { missing, extra } = s.kit.passages.compare(statement, top);
  if (!missing.length) return null;
  const { kb } = s.kit;
  // A misquote names the words swapped; a line the documents do not say, what it adds.
  return misquote && extra.length && extra.length <= MAX_SHOWN
    ? kb.say(s.lang, 'draft.words', { missing: named(missing), extra: named(extra) })
    : kb.say(s.lang, 'draft.words-missing', { missing: named(missing.slice(0, MAX_SHOWN)) });
}

/** A statement of the documents, and who makes it. */
type Statement = ReturnType<Scope['kit']['passages']['statements']>[number];

/**
 * "said Prime Minister Stefan Löfven": the person or title a quote is given to, when the documents give
 * their statement to someone else; null when the line names no one, or the one who says it.
 */
function wrongSpeaker(s: Scope, statement: Statement | undefined, quoting: boolean): string | null {
  if (!statement?.speaker || !quoting) return null;
  const { known } = s.kit;
  const { text: raw, f } = s.r;
  const speaker = fold(statement.speaker);
  const said = (n: KnownName) => [n.name, ...n.also].some((x) => x.length > 2 && speaker.includes(fold(x)));
  const people = known.people.find(raw, f);
  if (people.some(said)) return null;
  const titles = known.titles.find(raw, f).filter((t) => !said(t));
  const claimed = [...titles.map((t) => (s.lang === 'en' ? t.en : t.name)), ...people.map((p) => p.name)];
  return claimed.length ? claimed.join(' ') : null;
}

/** Who says it, as the document names him (with the title in English when asked in English). */
function speakerLabel(s: Scope, statement: Statement): string {
  const [title] = s.kit.known.titles.find(statement.speaker, fold(statement.speaker));
  return s.lang === 'en' && title ? `${statement.speaker} (${title.en})` : statement.speaker;
}

/**
 * 'stämmer det? "Det här är en viktig satsning för ett tryggt och jämlikt Sverige"', "can I say the
 * money may go to tax cuts?": the line set against the documents' sentences. The verdict (the same words,
 * a misquote, or not said), the nearest sentences quoted whole, and the words that differ.
 */
function draftLineDecision(s: Scope): Decision | null {
  const { r, kit } = s;
  // "stämmer?", "can I say", or "står det 'X' i citatet?": a line to check.
  if (!(r.cue.check || r.cue.draft || kit.passages.asksQuote(r.f))) return null;
  const years = askedYears(r.period);
  if (years.length && years.every((y) => y > kit.kb.lastYear || y < kit.kb.firstYear)) return beyond(s);
  // A place, a county, a year or a figure: the typed facts answer those (the list, the amounts).
  if (s.named || r.county || r.statedKronor !== null || years.length) return null;
  const statement = statementOf(s);
  if (!statement || words(statement).length < 3) return null;
  // An agency or a party named: the typed claims check it against the facts.
  if (kit.known.agencies.find(r.text, r.f).length || kit.known.parties.find(r.text, r.f).length) return null;
  const { hits, speaker, statedBy, spoken } = speakerOf(s, statement);
  // "Presskontakt: Sami Mashial, pressekreterare …": a person named with no words put in his mouth is
  // a contact or a minister, which the typed facts answer.
  if (!speaker && !spoken && kit.known.people.find(r.text, r.f).length) return null;
  const [top] = hits;
  if (!top || (top.score < NEAREST_AT && !speaker)) return null;
  const parts = speaker ? misattributed(s, hits, speaker, statedBy) : setAgainst(s, statement, hits, top);
  return made(s, 'draft-line', parts, 'background', 'passage', Math.round(top.score * 100) / 100, null);
}

/** "Satsningen fortsätter även efter 2027": a year no document gives money for; the years they do give. */
function beyond(s: Scope): Decision {
  const { kb } = s.kit;
  const body = s.kit.compose('duration', s.ctx);
  const text = `${kb.say(s.lang, 'draft.unstated-years')}\n${body.text}`;
  return made(s, 'draft-line:years', { ...body, text, outcome: 'unstated' }, 'amount', 'duration', 1);
}

/** The sentences near a line, and whether the line gives a statement of the documents to someone else. */
function speakerOf(s: Scope, statement: string) {
  const { kit, r } = s;
  let hits = kit.passages.find(statement);
  const first = hits[0];
  const spoken = first ? hits.find((h) => h.passage.speech && h.score >= first.score * 0.75) : undefined;
  const statements = kit.passages.statements();
  const statedBy =
    statements.find((x) => spoken && x.passages.includes(spoken.passage)) ??
    (statements.length === 1 ? statements[0] : undefined);
  const speaker = wrongSpeaker(s, statedBy, spoken !== undefined || kit.passages.asksWords(r.f));
  // "står det 'finansminister Magdalena Andersson' i citatet?": the statement the documents do quote.
  if (speaker && statedBy && !spoken) hits = statedBy.passages.map((passage) => ({ passage, score: 1 }));
  return { hits, speaker, statedBy, spoken };
}

/** ❌ with the one who says it in the documents, and his whole statement. */
function misattributed(s: Scope, hits: Hit[], claimed: string, statedBy: Statement | undefined): Parts {
  const { kb } = s.kit;
  const speaker = statedBy ? speakerLabel(s, statedBy) : '';
  const chosen = s.kit.passages.select(hits, true);
  return {
    text: [kb.say(s.lang, 'draft.speaker', { claimed, speaker }), ...chosen.map((p) => `”${p.text}”`)].join(
      '\n',
    ),
    sources: chosen.map((p) => ({ quote: p.text, document: kb.documentLabel(p.document) })),
    outcome: 'answered',
  };
}

/** The statement is a line the message puts in quotation marks. */
const quotes = (s: Scope, statement: string) =>
  [...s.r.text.matchAll(QUOTATION)].some((m) => (m[1] ?? '').trim() === statement);

/** The line's words, as one run of the sentence's words (case, accents and punctuation aside). */
function runOf(line: string, sentence: string): boolean {
  const plain = (x: string) =>
    ` ${words(x)
      .map((w) => w.folded)
      .join(' ')} `;
  return plain(sentence).includes(plain(line));
}

/** ✅, ❌ (a misquote) or ❔ (not said), the nearest sentences whole, and the words that differ. */
function setAgainst(s: Scope, statement: string, hits: Hit[], top: Hit): Parts {
  const { kit } = s;
  const { kb } = kit;
  // Of sentences about as near, the one the line differs from least ("2027" is in one of three).
  const missing = (h: Hit) => kit.passages.compare(statement, h.passage).missing.length;
  const near = hits.filter((h) => h.score >= top.score * 0.95).sort((a, b) => missing(a) - missing(b));
  const best = near[0] ?? top;
  const same = top.score >= 0.9 && missing(best) === 0;
  // Most of its words in one sentence, some swapped: a misquote of that sentence, not a new claim.
  const { missing: swapped, words: counted } = kit.passages.compare(statement, best.passage);
  const misquote = top.score >= MISQUOTE_AT || (counted >= 4 && swapped.length / counted <= 0.4);
  const diff = same ? null : differenceLine(s, statement, best.passage, misquote);
  // English words set against Swedish ones: a translation may be right or not, so no ✅. A line in
  // quotation marks is a quote: its words all in the sentence but not as one run is right in substance,
  // not word for word ("förstärker arbetet med …" for "förstärker nu regeringens arbete med …").
  const verbatim = !quotes(s, statement) || runOf(statement, best.passage.text);
  const said = same
    ? s.lang === 'sv'
      ? verbatim
        ? 'draft.same'
        : 'draft.not-verbatim'
      : 'draft.nearest'
    : null;
  const verdict = kb.say(s.lang, said ?? (misquote ? 'draft.differs' : 'draft.unstated'));
  const selected = kit.passages.select(hits, false);
  const chosen = selected.includes(best.passage) ? selected : [best.passage, ...selected].slice(0, 3);
  return {
    text: [verdict, ...chosen.map((p) => `”${p.text}”`), ...(diff ? [diff] : [])].join('\n'),
    sources: chosen.map((p) => ({ quote: p.text, document: kb.documentLabel(p.document) })),
    outcome: same || misquote ? 'answered' : 'unstated',
  };
}

export const draftLine: Rule = {
  name: 'draft-line',
  examples: [
    'korrekt? "Det här är en viktig satsning för ett tryggt och jämlikt Sverige"',
    'Can I say "the lessons learned are that short projects work best"?',
  ],
  decide: draftLineDecision,
};

/** A sentence asked for ("the sentence about the Left Party"), not whether someone is quoted. */
const SENTENCE = /\b(?:sentence|meningen|mening|stycket|passage|line|raden)\b/;
/** A question for a person: "who can I quote", "vem citeras", "which minister". */
const WHO = /^(?:vem|vilka|vilken|vilket|who|whom|which)\b/;

/** The people and parties a question names whom no statement of the documents is by. */
function unquoted(s: Scope, statements: Statement[]): KnownName[] {
  const { known } = s.kit;
  return [...known.people.find(s.r.text, s.r.f), ...known.parties.find(s.r.text, s.r.f)].filter(
    (n) => !statements.some((x) => fold(x.speaker).includes(fold(n.name))),
  );
}

/** The question names the one who makes a statement ("Baylans citat", "the minister's quote"). */
function namesSpeaker(s: Scope, statement: Statement): boolean {
  const theirs = words(statement.speaker).map((w) => swedishStem(w.folded));
  return s.r.all.some((w) => {
    // "Baylans" is Baylan's, "ministerns" the minister's; "minister" is the head of "energiminister".
    const own = swedishStem(w.folded.replace(/'s$/, ''));
    const forms = [own, own.replace(/s$/, ''), swedishStem(own.replace(/n?s$|n$/, ''))].filter(
      (x) => x.length >= 5,
    );
    return forms.some((f) => theirs.some((x) => x === f || x.endsWith(f)));
  });
}

/**
 * "Behöver Baylans exakta citat", "who can I quote from the government?", "does the Left Party get a
 * quote?": the whole statement of the one the documents quote, or that they quote no one else.
 */
function speakerQuoteDecision(s: Scope): Decision | null {
  const { kit, r } = s;
  if (!kit.passages.asksWords(r.f) || s.named) return null;
  const statements = kit.passages.statements();
  const named = statements.find((x) => namesSpeaker(s, x));
  const others = unquoted(s, statements);
  const only = statements.length === 1 ? statements[0] : undefined;
  // "Who can I quote?"; "Vem är pressekreterare som jag kan citera?" asks for the contact, which its
  // entry answers.
  const asksWho = WHO.test(r.f) && !named && !r.strong;
  const statement = named ?? (others.length || asksWho ? only : undefined);
  if (!statement) return null;
  const { kb } = kit;
  const speaker = speakerLabel(s, statement);
  const claimed = others.map((n) => (s.lang === 'en' ? n.en : n.name)).join(', ');
  const lead = claimed
    ? kb.say(s.lang, 'speaker.only', { speaker, claimed })
    : kb.say(s.lang, 'speaker.says', { speaker });
  const parts: Parts = {
    text: [lead, ...statement.passages.map((p) => `”${p.text}”`)].join('\n'),
    sources: statement.passages.map((p) => ({ quote: p.text, document: kb.documentLabel(p.document) })),
    outcome: 'answered',
  };
  // ":only": the claims of the part (a party named) are about whom the release quotes, which this says.
  return made(s, claimed ? 'speaker-quote:only' : 'speaker-quote', parts, 'contact', 'passage', 1, null);
}

export const speakerQuote: Rule = {
  name: 'speaker-quote',
  examples: [
    'Behöver Baylans exakta citat till en artikel',
    'Behöver ministerns citat till nyhetsbrevet',
    'Does the Left Party get a quote in the release?',
  ],
  decide: speakerQuoteDecision,
};

export const quote: Rule = {
  name: 'quote',
  examples: ['Citera Baylan ordagrant', 'What were the exact words of the minister?'],
  // "Does the Left Party get a quote?" asks whom the release quotes: speaker-quote says.
  decide: (s) =>
    s.kit.passages.asksQuote(s.r.f) &&
    (SENTENCE.test(s.r.f) || !unquoted(s, s.kit.passages.statements()).length)
      ? found(s, 'quote', true)
      : null,
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
