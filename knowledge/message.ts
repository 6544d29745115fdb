// A message cut into what it asks: Slack markup unwrapped, sentences found, the question sentences told
// from the rest (which is context: its places, years and topic), and each question cut into its parts
// ("Vem fördelar pengarna och hur mycket är det 2021?" is two).
import type { Kit } from './kit.ts';
import { isQuestion, ownTopic, type Reading, read } from './reading.ts';
import { clean, fold, MAX_MESSAGE_CHARS, QUOTED, sentences, unmarkup, words } from './text.ts';

/** A message is answered in at most this many parts; the answer says so when it held more. */
export const MAX_PARTS = 5;

/** "1) …", "2. …", "a) …", "b. …" anywhere, "•" or "-" first: a numbered, lettered or bulleted item. */
const MARKER = /(?:^|\s)(?:\d{1,2}|[a-hA-H])[).]\s+(?=[\p{L}*_"'”“])|^[•▪◦*-]\s+(?=[\p{L}*_"'”“])/u;

/** The message as the engine reads it: line by line, so quoted lines keep their mark and sentences their ends. */
export function cleanMessage(question: string): string {
  return unmarkup(question)
    .split('\n')
    .map((line) => (line.startsWith(QUOTED) ? QUOTED + clean(line.slice(1)) : clean(line)))
    .filter((line) => line.replace(QUOTED, '').length > 0)
    .join('\n')
    .slice(0, MAX_MESSAGE_CHARS);
}

/** The question sentences of a message, and the rest of it as one context text. */
export function questionsOf(kit: Kit, text: string): { questions: string[]; contextText: string } {
  // A sentence that runs on into its question ("… Uddevalla kommun Fråga: kan vi söka?") is two.
  const cut = sentences(text)
    .flatMap((sentence) => {
      const at = fold(sentence).search(kit.cues.colonQuestion);
      return at > 0 ? [sentence.slice(0, at + 1), sentence.slice(at + 1).trim()] : [sentence];
    })
    .flatMap(listed)
    .flatMap((s) => checkedQuote(kit, s));
  const all = reportedAsked(kit, cut);
  const asks = (s: string) => isQuestion(kit, s);
  const asked = all.filter((s) => !s.startsWith(QUOTED) && asks(s));
  // A message that is only a quote ("> Vilken myndighet …?"), or a quote framed by lines that ask nothing
  // ("Fick detta från Barometern:", "Mejl från Altinget: / > Vilka myndigheter …? / /Erik"), asks the
  // quoted question.
  const quotedAsks = all
    .filter((s) => s.startsWith(QUOTED))
    .map((s) => s.replace(QUOTED, ''))
    .filter(asks);
  const own = all.filter((s) => !s.startsWith(QUOTED));
  // "och Falun? nej förresten, Ludvika menar jag": a correction after the question takes its place, and
  // the question it corrects is read as what came before (its topic is the correction's).
  const last = asked.length ? all.lastIndexOf(asked[asked.length - 1] ?? '') : -1;
  const correction = all
    .slice(last + 1)
    .find((s) => !s.startsWith(QUOTED) && kit.cues.correction.test(fold(s)));
  const found =
    correction && asked.length
      ? [correction]
      : asked.length
        ? asked
        : own.length && !quotedAsks.length
          ? own.slice(-1)
          : quotedAsks.slice(-MAX_PARTS);
  // "> Presskontakt: Sami Mashial, kommunikationschef / rätt titel?", 'stämmer det här? "Östergötland:
  // Linköping …"', "… antar att hen menar Södertälje. Stämmer?": a bare check asks about the statement
  // itself (the quoted lines, else the lines in quotation marks, else the sentence just before it), so
  // the statement is the question and the check its last words.
  const [only] = found;
  const bare =
    found.length === 1 &&
    only !== undefined &&
    words(only).length <= 4 &&
    (kit.cues.check.test(fold(only)) || kit.cues.draft.test(fold(only)));
  const checked = bare ? statements(kit, all, only) : [];
  // In quotation marks, as a draft line: the rules set it against the documents' sentences.
  const line = checked.map(unquoted).join(' ');
  const questions = checked.length ? [`${IN_QUOTES.test(line) ? line : `”${line}”`} ${only}`] : found;
  const contextText = all
    .filter((s) => !questions.includes(s) && !(checked.length && (s === only || checked.includes(s))))
    .join(' ')
    .replaceAll(QUOTED, '');
  return { questions, contextText };
}

/**
 * The sentences, a reported question among them read as asked, unless the message asks a complete
 * question of its own: then what the mail reports ("Kommunstyrelsens ordförande vill veta om …") is its
 * background. A short follow-up ("Och Strömstad?", "Kan du räkna ihop?") leans on the reported one.
 */
function reportedAsked(kit: Kit, all: string[]): string[] {
  const rewritten = all.map((s) => reported(kit, s));
  if (rewritten.every((s, i) => s === all[i])) return all;
  const own = all.filter((s) => !s.startsWith(QUOTED) && isQuestion(kit, s));
  // "… vill veta om Eslöv och Höör är med. Det gäller hela Skåne.": the county's answer, which gives
  // each place named its verdict, answers the whole (rules/places.ts).
  const county = all.some((s, i) => rewritten[i] === s && kit.gazetteer.county(words(s)));
  return county || own.some((s) => ownTopic(kit, read(kit, s, 'sv'))) ? all : rewritten;
}

/**
 * "Kommunalarbetaren frågar vem som fördelar pengarna i år." → "vem som fördelar pengarna i år?": a
 * question reported in the third person is read as the journalist put it, without the outlet and the
 * verb (words.yaml → questions.reported). A lead-in that names a place or a year is kept ("Malmö undrar
 * om de kan söka"), and a sentence that already asks is left as it is.
 */
function reported(kit: Kit, sentence: string): string {
  // "Reuters asks (pasting verbatim):" introduces what follows.
  if (sentence.startsWith(QUOTED) || isQuestion(kit, sentence) || /:\s*$/u.test(sentence)) return sentence;
  const f = fold(sentence);
  const m = f.length === sentence.length ? kit.cues.reported.exec(f) : null;
  if (!m) return sentence;
  const lead = words(sentence.slice(0, m[0].length));
  const { gazetteer } = kit;
  // Recognised, not just a place's word: the name in "Upsala Nya Tidning wants to know if …" is the paper's.
  const keeps =
    lead.some((x) => /\d/.test(x.folded)) ||
    gazetteer.recognise(lead, kit.isWord).mentions.length > 0 ||
    gazetteer.county(lead);
  return `${(keeps ? sentence : sentence.slice(m[0].length)).replace(/[\s.!:;]+$/u, '')}?`;
}

/** "> De viktigaste lärdomarna är … snabba. stämmer?" on one line: the quote, and the check typed after it. */
function checkedQuote(kit: Kit, sentence: string): string[] {
  if (!sentence.startsWith(QUOTED)) return [sentence];
  const m = /^(.*[.!"”])\s+(\S[^.!]{0,40})$/u.exec(sentence);
  const [head, tail] = [m?.[1], m?.[2]];
  if (!head || !tail || words(tail).length > 4 || !kit.cues.check.test(fold(tail))) return [sentence];
  return [head, tail];
}

/** A line in quotation marks, perhaps with Slack's emphasis around it: a line of a draft. */
const IN_QUOTES = /^[*_]*["“”«]/u;
const unquoted = (s: string) => s.replace(QUOTED, '').trim();

/** What a bare check ("stämmer?", "is that right?") asks about: the quoted lines, the lines in quotes, or the sentence before. */
function statements(kit: Kit, all: readonly string[], check: string): string[] {
  const quotedLines = all.filter((s) => s.startsWith(QUOTED));
  if (quotedLines.length) return quotedLines;
  const others = all.filter((s) => s !== check);
  const inQuotes = others.filter((s) => IN_QUOTES.test(s) || /["“”«][^"“”«»]{8,}["“”»]/u.test(s));
  if (inQuotes.length) return inQuotes;
  const before = all[all.indexOf(check) - 1];
  return before && !isQuestion(kit, before) ? [before] : [];
}

/** "Två frågor: 1) … 2) …": a sentence of numbered, lettered or bulleted items, as its items. */
function listed(sentence: string): string[] {
  const quoted = sentence.startsWith(QUOTED);
  const items = sentence
    .replace(QUOTED, '')
    .split(new RegExp(MARKER.source, 'gmu'))
    .map((x) => x.trim())
    .filter((x) => words(x).length > 0);
  // One item on its own line ("1) hur mycket …?"): the item without its number.
  if (items.length < 2)
    return [items.length === 1 && MARKER.test(sentence) ? `${quoted ? QUOTED : ''}${items[0]}` : sentence];
  return items.map((x) => (quoted ? `${QUOTED}${x}` : x));
}

/** Every part of every question, at most MAX_PARTS, and whether there were more. */
export function partsOf(kit: Kit, questions: readonly string[]): { parts: string[]; capped: boolean } {
  const all = questions.flatMap((q) => splitParts(kit, q));
  return { parts: all.slice(0, MAX_PARTS), capped: all.length > MAX_PARTS };
}

/**
 * "Vem hanterar bidraget och hur mycket är det 2021?" → its two questions. A piece that is no question
 * of its own ("Om jag jobbar för Motala, kan vi ansöka?") stays with the question it belongs to, and a
 * preface ("Two things: …") is dropped.
 */
export function splitParts(kit: Kit, sentence: string): string[] {
  const { cues, gazetteer } = kit;
  // "hur mkt 2018 + vem e presskontakt?": a plus joins two questions too; before a figure it adds it.
  const joined = sentence.replace(/\s+[+&]\s+(?!\d)/g, ', ');
  // A preface of plain words is dropped ("Two things: …"); one that names a place or a year is part of
  // the question ("Karlskrona Municipality: eligible?", "Östergötland: which municipalities …?").
  let listed = false;
  // A longer preface goes only before a bare place ("Mitt i ringde, de undrar om fyra kommuner: Uppsala?").
  const body = joined.replace(/^[^:?]{1,120}:\s+(?=\S)/u, (preface, _at: number, whole: string) => {
    const said = words(preface);
    if (/\d/.test(preface) || said.some((x) => gazetteer.isPlaceWord(x.folded)) || gazetteer.county(said))
      return preface;
    // "Fact check: …", "Kan jag skriva: …": the preface says the rest is a line to check.
    if (cues.check.test(fold(preface)) || cues.draft.test(fold(preface))) return preface;
    const rest = words(whole.slice(preface.length));
    if (preface.length > 31 && !(rest.length <= 3 && rest.some((x) => gazetteer.isPlaceWord(x.folded))))
      return preface;
    listed = true;
    return '';
  });
  // "Two things: the 2019 amount, and who distributes it that year?": after such a preface every
  // "…, and …" is another question, whether or not it begins with a question word.
  if (listed && /,\s*(?:och|and)\s+/iu.test(body))
    return body
      .split(/,\s*(?:och|and)\s+|;\s*/iu)
      .map((p) => p.trim())
      .filter((p) => words(p).length > 0);
  return alsoParts(kit, body).flatMap((question) => {
    const pieces = cutFolded(question, cues.join).filter((p) => words(p).length > 0);
    return gather(kit, pieces);
  });
}

/** "the amount for 2021, and also who the press contact is": two questions, if each says something. */
function alsoParts(kit: Kit, part: string): string[] {
  const pieces = cutFolded(part, kit.cues.alsoJoin);
  if (pieces.length < 2 || pieces.some((p) => words(p).length < 2)) return [part];
  return pieces.filter((p) => p.length > 0);
}

/**
 * The text as typed, cut where a (global) pattern matches its folded copy: folding keeps the length of
 * Swedish text. Text whose folding changes its length is left whole.
 */
function cutFolded(text: string, re: RegExp): string[] {
  const folded = fold(text);
  if (folded.length !== text.length) return [text.trim()];
  const out: string[] = [];
  let at = 0;
  re.lastIndex = 0;
  for (const m of folded.matchAll(re)) {
    out.push(text.slice(at, m.index).trim());
    at = (m.index ?? 0) + m[0].length;
  }
  out.push(text.slice(at).trim());
  return out;
}

/**
 * A short piece that asks for something by its own words ("Total for 2018–2019", "Beloppet 2021"), other
 * than the question after it. A place ("Hässleholm har ju …, kan de söka?"), a clause ("Since Tillväxtverket
 * runs it until 2027, how …") or the same topic ("mellan 2018 och 2019, hur mycket totalt?") is that
 * question's setting instead.
 */
const MAX_ALONE_WORDS = 5;
function standsAlone(kit: Kit, piece: string, next: string): boolean {
  const w = words(piece);
  if (w.length < 2 || w.length > MAX_ALONE_WORDS) return false;
  const r = read(kit, piece, 'sv');
  if (r.mentions.length || r.ambiguous.length || r.county || !ownTopic(kit, r)) return false;
  return topicOf(r) !== topicOf(read(kit, next, 'sv'));
}

/** What a piece asks about, by its cue words or its nearest entry. */
const topicOf = (r: Reading) =>
  r.cue.amount || r.cue.money || r.cue.total
    ? 'amount'
    : r.cue.eligibility
      ? 'eligibility'
      : (r.strong?.intent ?? null);

/** Pieces into questions: a piece with no question word of its own joins the question beside it. */
function gather(kit: Kit, pieces: readonly string[]): string[] {
  const asks = (x: string) => kit.cues.questionStart.test(fold(x));
  const parts: string[] = [];
  let pending = '';
  for (const piece of pieces) {
    // "Total for 2018–2019, and who handles it in 2019?": a piece with a topic of its own is a question
    // put without a question word, not the start of the next one.
    if (pending && asks(piece) && standsAlone(kit, pending, piece)) {
      parts.push(pending);
      pending = '';
    }
    const text = pending ? `${pending}, ${piece}` : piece;
    if (!asks(text)) {
      pending = text;
      continue;
    }
    if (!asks(piece) && parts.length) parts[parts.length - 1] += `, ${piece}`;
    else parts.push(text);
    pending = '';
  }
  if (pending) {
    if (parts.length) parts[parts.length - 1] += `, ${pending}`;
    else parts.push(pending);
  }
  return parts;
}
