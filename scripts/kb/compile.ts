// Reads knowledge/content/*.yaml, checks every file against its shape and every stated fact against its
// document, and builds the one JSON object the engine reads. Each problem is reported as
// `file:line: what is wrong, and how to fix it`, in words for the person who edits the file.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import {
  type Agency,
  type AmountRun,
  type Content,
  type DocumentInfo,
  type EligibilityList,
  type Fact,
  type KnownName,
  kronor,
} from '../../knowledge/content.ts';
import { cueSources, foldedWords } from '../../knowledge/cues.ts';
import { entryTerms } from '../../knowledge/matcher.ts';
import { indexPassages } from '../../knowledge/passages.ts';
import { createTopicTerms } from '../../knowledge/terms.ts';
import { editDistance, words as splitWords } from '../../knowledge/text.ts';
import { closestName, listDifference, namesUnder, pathLabel, quoteDifference } from './hints.ts';
import { FILES } from './schema.ts';
import { aliasProblem, yamlProblem } from './yaml-errors.ts';

/** One thing wrong with the content, where it is, and how to fix it. */
export interface Problem {
  file: string;
  line: number;
  message: string;
}

/** `file:line: message`, as editors and their tools read it. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}: ${p.message}`;
}

type Parsed = { [K in keyof typeof FILES]: z.infer<(typeof FILES)[K]> };
type Path = (string | number)[];

/** Where the content lives: the YAML folder and the folder of the documents' texts. */
export interface ContentFolders {
  content: string;
  sources: string;
  /** The official municipality names (knowledge/sources/kommuner.json). */
  municipalities: readonly { name: string; county: string }[];
}

const PLACEHOLDER = /\{([A-Za-z0-9][\w.-]*)\}/g;
const MONTHS_SV =
  'januari februari mars april maj juni juli augusti september oktober november december'.split(' ');
const MONTHS_EN =
  'January February March April May June July August September October November December'.split(' ');

/** "2016-05-25" as the documents write it ("25 maj 2016") or in English ("25 May 2016"). */
export function longDate(iso: string, lang: 'sv' | 'en'): string {
  const [y, m, d] = iso.split('-').map(Number);
  const month = (lang === 'sv' ? MONTHS_SV : MONTHS_EN)[(m ?? 1) - 1];
  return `${d} ${month} ${y}`;
}

/** Reads, checks and compiles the content; `content` is set only when there are no problems. */
export function compileContent(folders: ContentFolders): { content?: Content; problems: Problem[] } {
  const problems: Problem[] = [];
  const lines = new Map<string, (path: Path) => number>();
  const display = (file: string) => relative(process.cwd(), join(folders.content, file)) || file;
  const parsed: Partial<Parsed> = {};

  for (const [file, schema] of Object.entries(FILES) as [keyof typeof FILES, z.ZodType][]) {
    const path = join(folders.content, file);
    if (!existsSync(path)) {
      problems.push({
        file: display(file),
        line: 1,
        message: 'the file is missing; every content folder has it',
      });
      continue;
    }
    const counter = new LineCounter();
    const source = readFileSync(path, 'utf8');
    const doc = parseDocument(source, { lineCounter: counter, uniqueKeys: true });
    const lineOf = (p: Path): number => {
      // A field's own line (its key), not its value's: a list's first item is a line further down.
      const parent = doc.getIn(p.slice(0, -1), true);
      const key = p.at(-1);
      if (isMap(parent) && typeof key === 'string') {
        const pair = parent.items.find((i) => isScalar(i.key) && i.key.value === key);
        const range = isScalar(pair?.key) ? pair.key.range : undefined;
        if (range) return counter.linePos(range[0]).line;
      }
      for (let n = p.length; n >= 0; n--) {
        const node = doc.getIn(p.slice(0, n), true) as { range?: [number, number, number] } | undefined;
        if (node?.range) return counter.linePos(node.range[0]).line;
      }
      return 1;
    };
    lines.set(file, lineOf);
    const unreadable = yamlProblem(source, doc.errors);
    if (unreadable) {
      problems.push({ file: display(file), ...unreadable });
      continue;
    }
    let data: unknown;
    try {
      data = doc.toJS();
    } catch (error) {
      const alias = aliasProblem(source, error);
      if (!alias) throw error;
      problems.push({ file: display(file), ...alias });
      continue;
    }
    const result = schema.safeParse(data);
    if (!result.success) {
      for (const issue of result.error.issues)
        problems.push({
          file: display(file),
          line: lineOf(issue.path as Path),
          message: shapeMessage(data, issue.path, issue.message, folders),
        });
      continue;
    }
    (parsed as Record<string, unknown>)[file] = result.data;
  }
  if (problems.length) return { problems };
  const p = parsed as Parsed;
  const at = (file: keyof typeof FILES, path: Path, message: string) =>
    problems.push({ file: display(file), line: lines.get(file)?.(path) ?? 1, message });

  // Documents, and the text of each, for the quotes.
  const documents: DocumentInfo[] = p['documents.yaml'].documents.map(({ sha256: _, ...d }) => d);
  const texts = new Map<string, string>();
  p['documents.yaml'].documents.forEach((d, i) => {
    if (texts.has(d.id))
      at(
        'documents.yaml',
        ['documents', i, 'id'],
        `the id "${d.id}" is used twice; give each document its own id`,
      );
    const file = join(folders.sources, d.file);
    if (!existsSync(file)) {
      at(
        'documents.yaml',
        ['documents', i, 'file'],
        `knowledge/sources/${d.file} does not exist; put the document's text there first`,
      );
      texts.set(d.id, '');
    } else {
      const bytes = readFileSync(file);
      if (createHash('sha256').update(bytes).digest('hex') !== d.sha256)
        at(
          'documents.yaml',
          ['documents', i, 'sha256'],
          `knowledge/sources/${d.file} is not the text as published (its sha256 differs); never edit a published document: put a correction in a new document. For a document just added, run  ${sha256Command(folders, d.file)}  and copy the 64 letters it prints into sha256`,
        );
      texts.set(d.id, bytes.toString('utf8'));
    }
  });
  const dateOf = (doc: string) => documents.find((d) => d.id === doc)?.date ?? '';

  /** Checks that a document exists and states the quote word for word. */
  function quoted(file: keyof typeof FILES, path: Path, item: { quote: string; document: string }): boolean {
    const text = texts.get(item.document);
    if (text === undefined) {
      at(
        file,
        [...path, 'document'],
        `there is no document "${item.document}" in documents.yaml; use one of: ${[...texts.keys()].join(', ')}`,
      );
      return false;
    }
    if (!text.includes(item.quote)) {
      at(
        file,
        [...path, 'quote'],
        `the quote is not word for word in knowledge/sources/${basename(documents.find((d) => d.id === item.document)?.file ?? '')}${quoteDifference(item.quote, text) || firstDifference(item.quote, text)}; copy the sentence exactly from the document`,
      );
      return false;
    }
    return true;
  }

  // Facts: from facts.yaml and contacts.yaml, plus those that amounts, agencies, roles and lists state.
  const stated = new Map<string, { fact: Fact; file: keyof typeof FILES; path: Path }[]>();
  const state = (id: string, fact: Fact, file: keyof typeof FILES, path: Path) =>
    stated.set(id, [...(stated.get(id) ?? []), { fact, file, path }]);

  // A fact whose quote is wrong is reported once, there; its placeholders are not reported again.
  const misquoted = new Set<string>();
  p['facts.yaml'].facts.forEach((f, i) => {
    if (!quoted('facts.yaml', ['facts', i], f)) {
      misquoted.add(f.id);
      return;
    }
    const fact: Fact = { value: f.value, quote: f.quote, document: f.document };
    if (f.en !== undefined) fact.en = f.en;
    state(f.id, fact, 'facts.yaml', ['facts', i]);
  });
  p['contacts.yaml'].contacts.forEach((c, i) => {
    if (!quoted('contacts.yaml', ['contacts', i], c)) {
      misquoted.add(c.id);
      return;
    }
    if (!c.quote.includes(c.value))
      at(
        'contacts.yaml',
        ['contacts', i, 'value'],
        `"${c.value}" is not in its quote; the value must stand in the quoted line`,
      );
    const fact: Fact = { value: c.value, quote: c.quote, document: c.document };
    if (c.en !== undefined) fact.en = c.en;
    state(c.id, fact, 'contacts.yaml', ['contacts', i]);
    // The line as the document gives it ("Telefon (växel) 08-405 10 00"): {contact.press.phone.line}.
    state(`${c.id}.line`, { value: c.quote, quote: c.quote, document: c.document }, 'contacts.yaml', [
      'contacts',
      i,
    ]);
  });
  p['contacts.yaml'].roles.forEach((r, i) => {
    if (!quoted('contacts.yaml', ['roles', i], r)) return;
    for (const [key, want] of [
      ['sv', r.sv],
      ['from', longDate(r.from, 'sv')],
      ['to', longDate(r.to, 'sv')],
    ] as const)
      if (!r.quote.includes(want))
        at(
          'contacts.yaml',
          ['roles', i, key],
          `"${want}" is not in the quote; the role and its dates must stand in the quoted sentence`,
        );
    const source = { quote: r.quote, document: r.document };
    state(r.id, { value: r.sv, en: r.en, ...source }, 'contacts.yaml', ['roles', i]);
    state(
      `${r.id}.period`,
      {
        value: `${longDate(r.from, 'sv')} – ${longDate(r.to, 'sv')}`,
        en: `${longDate(r.from, 'en')} – ${longDate(r.to, 'en')}`,
        ...source,
      },
      'contacts.yaml',
      ['roles', i],
    );
  });

  const amounts: AmountRun[] = [];
  p['amounts.yaml'].amounts.forEach((a, i) => {
    if (a.to < a.from)
      at('amounts.yaml', ['amounts', i, 'to'], `"to" (${a.to}) is before "from" (${a.from})`);
    if (!quoted('amounts.yaml', ['amounts', i], a)) return;
    const figure = kronor(a.kronor, 'sv').split(' ')[0] ?? '';
    if (!a.quote.includes(figure))
      at(
        'amounts.yaml',
        ['amounts', i, 'kronor'],
        `the quote does not state ${kronor(a.kronor, 'sv')} (no "${figure}" in it); check the number of zeros`,
      );
    amounts.push(a);
    for (let y = a.from; y <= a.to; y++)
      state(
        `amount.${y}`,
        { value: a.kronor, unit: 'kronor', quote: a.quote, document: a.document },
        'amounts.yaml',
        ['amounts', i],
      );
  });
  const lastAmountYear = Math.max(0, ...amounts.map((a) => a.to));

  const agencies: Agency[] = [];
  p['agencies.yaml'].agencies.forEach((a, i) => {
    if (!quoted('agencies.yaml', ['agencies', i], a)) return;
    if (!a.quote.includes(a.name))
      at('agencies.yaml', ['agencies', i, 'name'], `"${a.name}" is not in the quote`);
    agencies.push({ ...a, to: a.to ?? null, temporary: a.temporary ?? false });
    for (let y = a.from; y <= (a.to ?? Math.max(a.from, lastAmountYear)); y++)
      state(`agency.${y}`, { value: a.name, quote: a.quote, document: a.document }, 'agencies.yaml', [
        'agencies',
        i,
      ]);
  });

  const official = new Set(folders.municipalities.map((m) => m.name));
  const lists: EligibilityList[] = [];
  p['eligibility.yaml'].lists.forEach((l, i) => {
    if (!quoted('eligibility.yaml', ['lists', i], { quote: l.heading, document: l.document })) return;
    const text = texts.get(l.document) ?? '';
    const after = new Set(
      text
        .slice(text.indexOf(l.heading))
        .split('\n')
        .map((s) => s.trim()),
    );
    l.municipalities.forEach((name, j) => {
      if (!official.has(name))
        at(
          'eligibility.yaml',
          ['lists', i, 'municipalities', j],
          `"${name}" is not an official municipality name (knowledge/sources/kommuner.json); ${
            closestName(name, official)
              ? `did you mean "${closestName(name, official)}"?`
              : 'check the spelling'
          }`,
        );
      else if (!after.has(name))
        at(
          'eligibility.yaml',
          ['lists', i, 'municipalities', j],
          `"${name}" does not stand on a line of its own after the heading in the document`,
        );
    });
    const twice = l.municipalities.filter((n, j) => l.municipalities.indexOf(n) !== j);
    if (twice.length)
      at('eligibility.yaml', ['lists', i, 'municipalities'], `listed twice: ${twice.join(', ')}`);
    const count = l.heading.match(/\b(\d+)\b/)?.[1];
    if (count && Number(count) !== l.municipalities.length)
      at(
        'eligibility.yaml',
        ['lists', i, 'municipalities'],
        `the heading says ${count} municipalities but ${l.municipalities.length} are listed${
          listDifference(l.municipalities, namesUnder(l.heading, text, official))
            ? `: ${listDifference(l.municipalities, namesUnder(l.heading, text, official))}`
            : ''
        }`,
      );
    lists.push(l);
    const source = { quote: l.heading, document: l.document };
    state(`list.${l.year}.count`, { value: l.municipalities.length, ...source }, 'eligibility.yaml', [
      'lists',
      i,
    ]);
  });

  // A later document supersedes an earlier one; the same document may not state a fact twice.
  const facts: Record<string, Fact> = {};
  for (const [id, all] of stated) {
    const sorted = [...all].sort((a, b) => dateOf(b.fact.document).localeCompare(dateOf(a.fact.document)));
    const [latest, next] = sorted;
    if (!latest) continue;
    if (
      next &&
      dateOf(next.fact.document) === dateOf(latest.fact.document) &&
      !sameFact(next.fact, latest.fact)
    )
      at(
        latest.file,
        latest.path,
        `"${id}" is stated twice with different values by documents of the same date; keep one, or date the newer document later`,
      );
    facts[id] = latest.fact;
  }
  contactTogether(p['contacts.yaml'].contacts, facts, stated, at, dateOf);
  // The facts that are names (a contact, a title, an agency): a template must never write them out.
  const named = Object.fromEntries(
    Object.entries(facts).filter(([id]) =>
      (stated.get(id) ?? []).some((s) => s.file === 'contacts.yaml' || s.file === 'agencies.yaml'),
    ),
  );

  // The same for lists and agencies: the latest document's list for a year wins.
  const latestLists = [
    ...new Map(
      [...lists].sort((a, b) => dateOf(a.document).localeCompare(dateOf(b.document))).map((l) => [l.year, l]),
    ).values(),
  ].sort((a, b) => a.year - b.year);
  const latestAgencies = [
    ...new Map(
      [...agencies]
        .sort((a, b) => dateOf(a.document).localeCompare(dateOf(b.document)))
        .map((a) => [a.from, a]),
    ).values(),
  ].sort((a, b) => a.from - b.from);

  // Templates: every placeholder is a fact, a document field, or a declared slot.
  const documentFields = new Set(['document.title', 'document.publisher', 'document.kind', 'document.date']);
  function placeholders(file: keyof typeof FILES, path: Path, template: string, slots: string[] = []) {
    const literal = literalFact(template, named, p['words.yaml'].known);
    if (literal) at(file, path, literal);
    for (const [, name] of template.matchAll(PLACEHOLDER)) {
      if (
        name === undefined ||
        facts[name] ||
        misquoted.has(name) ||
        slots.includes(name) ||
        documentFields.has(name)
      )
        continue;
      // Likely meant: a fact of the same family ("contact.press.…") or one a typo away ("ordinanse").
      const near = Object.keys(facts).filter(
        (f) => f.split('.')[0] === name.split('.')[0] || editDistance(f, name, 2) <= 2,
      );
      at(
        file,
        path,
        `{${name}} is not a fact${slots.length ? ` nor one of the slots (${slots.join(', ')})` : ''}; ${
          near.length
            ? `did you mean one of: ${near
                .slice(0, 6)
                .map((n) => `{${n}}`)
                .join(', ')}?`
            : 'see facts.yaml for the fact ids'
        }`,
      );
    }
  }

  const faq = p['faq.yaml'].entries.map((e, i) => {
    const path: Path = ['entries', i];
    if (p['faq.yaml'].entries.findIndex((x) => x.id === e.id) !== i)
      at(
        'faq.yaml',
        [...path, 'id'],
        `the id "${e.id}" is used by an earlier entry; give each entry its own id`,
      );
    if (e.composer && e.answer)
      at(
        'faq.yaml',
        [...path, 'composer'],
        'an entry has either an answer or a composer, not both; remove one',
      );
    if (!e.composer && !e.answer)
      at(
        'faq.yaml',
        path,
        `"${e.id}" has no answer; write answer: with sv: and en: texts (and sources:), or name a composer:`,
      );
    if (e.answer) {
      if (!e.sources?.length)
        at(
          'faq.yaml',
          [...path, 'answer'],
          `"${e.id}" has an answer but no sources:; list the ids of the facts it rests on`,
        );
      placeholders('faq.yaml', [...path, 'answer', 'sv'], e.answer.sv);
      placeholders('faq.yaml', [...path, 'answer', 'en'], e.answer.en);
    }
    (e.sources ?? []).forEach((s, j) => {
      if (!facts[s] && !misquoted.has(s))
        at('faq.yaml', [...path, 'sources', j], `"${s}" is not a fact id; see facts.yaml`);
    });
    for (const key of ['keywords', 'weak'] as const) {
      const seen = new Map<string, number>();
      (e[key] ?? []).forEach((k, j) => {
        const folded = foldWord(k);
        if (seen.has(folded))
          at('faq.yaml', [...path, key, j], `"${k}" is listed twice in ${key} of "${e.id}"; remove one`);
        seen.set(folded, j);
      });
    }
    const both = (e.weak ?? []).filter((w) => e.keywords.some((k) => foldWord(k) === foldWord(w)));
    if (both.length)
      at(
        'faq.yaml',
        [...path, 'weak'],
        `${both.join(', ')} is both a keyword and a weak word of "${e.id}"; keep one`,
      );
    return {
      id: e.id,
      intent: e.intent,
      examples: e.examples,
      keywords: e.keywords,
      weak: e.weak ?? [],
      ...(e.answer ? { answer: e.answer } : {}),
      sources: e.sources ?? [],
      ...(e.composer ? { composer: e.composer } : {}),
    };
  });

  const phrases = Object.fromEntries(
    Object.entries(p['phrases.yaml'].phrases).map(([pid, ph]) => {
      placeholders('phrases.yaml', ['phrases', pid, 'sv'], ph.sv, ph.slots);
      placeholders('phrases.yaml', ['phrases', pid, 'en'], ph.en, ph.slots);
      return [pid, { slots: ph.slots ?? [], sv: ph.sv, en: ph.en }];
    }),
  );
  for (const [key, b] of Object.entries(p['phrases.yaml'].summary))
    for (const lang of ['sv', 'en'] as const) placeholders('phrases.yaml', ['summary', key, lang], b[lang]);

  // Word lists: a word listed twice is a slip; places must name real municipalities.
  const words = p['words.yaml'];
  const once = (file: keyof typeof FILES) => (list: string[], path: Path) => {
    const seen = new Set<string>();
    list.forEach((w, j) => {
      const f = foldWord(w);
      if (seen.has(f)) at(file, [...path, j], `"${w}" is listed twice; remove one`);
      seen.add(f);
    });
  };
  walkLists(words, [], once('words.yaml'));
  const glossary = p['glossary.yaml'];
  for (const key of ['quote', 'frame', 'headline', 'documents'] as const)
    once('glossary.yaml')(glossary[key], [key]);
  glossary.terms.forEach((group, i) => {
    once('glossary.yaml')(group.en, ['terms', i, 'en']);
    once('glossary.yaml')(group.sv, ['terms', i, 'sv']);
  });
  const places = p['places.yaml'];
  for (const key of ['aliases', 'districts'] as const)
    for (const [name, target] of Object.entries(places[key]))
      if (!official.has(target))
        at(
          'places.yaml',
          [key, name],
          `"${target}" is not an official municipality name (knowledge/sources/kommuner.json)`,
        );
  const counties = new Set(folders.municipalities.map((m) => m.county));
  const countyHint = (name: string) => {
    const near = closestName(name, counties);
    return near
      ? `did you mean "${near}"?`
      : 'write its name as in kommuner.json, with "län" ("Gävleborgs län")';
  };
  for (const county of Object.keys(places.county_prefixes))
    if (!counties.has(county))
      at(
        'places.yaml',
        ['county_prefixes', county],
        `"${county}" is not a county name in kommuner.json; ${countyHint(county)}`,
      );
  const unlisted = [...counties].filter((c) => !(c in places.county_prefixes));
  if (unlisted.length)
    at(
      'places.yaml',
      ['county_prefixes'],
      `every county needs a line here, [] if it has no other name: add ${unlisted.map((c) => `"${c}: []"`).join(', ')}`,
    );
  for (const [region, { counties: parts }] of Object.entries(places.regions)) {
    if (counties.has(region) || official.has(region))
      at(
        'places.yaml',
        ['regions', region],
        `"${region}" is already a county or municipality name; a region needs a name of its own`,
      );
    parts.forEach((c, j) => {
      if (!counties.has(c))
        at(
          'places.yaml',
          ['regions', region, 'counties', j],
          `"${c}" is not a county name in kommuner.json; ${countyHint(c)}`,
        );
    });
    const twice = parts.filter((c, j) => parts.indexOf(c) !== j);
    if (twice.length) at('places.yaml', ['regions', region, 'counties'], `listed twice: ${twice.join(', ')}`);
  }

  if (problems.length) return { problems };
  return {
    problems,
    content: {
      documents,
      facts,
      amounts,
      lists: latestLists,
      agencies: latestAgencies,
      faq,
      phrases,
      examples: p['phrases.yaml'].examples,
      summary: p['phrases.yaml'].summary,
      assistant: p['phrases.yaml'].assistant,
      words,
      places,
      derived: derive(words, places, faq, facts, (folded) =>
        indexPassages(
          documents.map((d) => ({ id: d.id, title: d.title, text: texts.get(d.id) ?? '' })),
          glossary,
          new Set(folded.stopwords),
        ),
      ),
    },
  };
}

/** What the engine would otherwise work out at every cold start: patterns, folded lists, tokenized words. */
function derive(
  words: Content['words'],
  places: Content['places'],
  faq: Content['faq'],
  facts: Content['facts'],
  passages: (folded: Content['derived']['folded']) => Content['derived']['passages'],
): Content['derived'] {
  const folded = foldedWords(words, places.name_suffixes);
  const tokenize = createTopicTerms(folded);
  const quotes = new Set(Object.values(facts).map((f) => f.quote));
  return {
    cues: cueSources(words),
    folded,
    // An entry is found by its examples and keywords, and by the words of the sentences it quotes: a new
    // topic's document gives its own words ("följer upp", "redovisar") before anyone writes examples.
    terms: Object.fromEntries(
      faq.map((e) => {
        const terms = entryTerms(e, tokenize);
        const quoted = (e.sources ?? []).flatMap((s) => (facts[s] ? tokenize(facts[s].quote) : []));
        return [e.id, { ...terms, weak: [...new Set([...terms.weak, ...quoted])] }];
      }),
    ),
    quoted: [...new Set([...quotes].flatMap((q) => splitWords(q).map((x) => x.folded)))],
    passages: passages(folded),
  };
}

function sameFact(a: Fact, b: Fact): boolean {
  return a.value === b.value && a.en === b.en;
}

/** Case aside: "Vår" and "vår" are the same word; "vår" and "var" are not. */
function foldWord(w: string): string {
  return w.toLowerCase().normalize('NFC').trim();
}

function walkLists(node: unknown, path: Path, visit: (list: string[], path: Path) => void): void {
  if (Array.isArray(node) && node.every((x) => typeof x === 'string')) visit(node as string[], path);
  // A list of named entries (words.yaml → known): each entry's own lists, and their names across entries.
  else if (Array.isArray(node)) {
    visit(
      node.flatMap((x: { name?: unknown; also?: unknown }) => [
        ...(typeof x.name === 'string' ? [x.name] : []),
        ...(Array.isArray(x.also) ? x.also.filter((a): a is string => typeof a === 'string') : []),
      ]),
      path,
    );
  } else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) walkLists(v, [...path, k], visit);
}

/** Where a quote first leaves the document's text, to point the editor at the changed word. */
function firstDifference(quote: string, text: string): string {
  let lo = 0;
  let hi = quote.length;
  // The longest beginning of the quote that the text has.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (text.includes(quote.slice(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  if (lo < 10) return '';
  const near = quote.slice(Math.max(0, lo - 20), lo + 20);
  return ` (it differs from the document at "…${near}…")`;
}

/** The command that prints a document's sha256, as the editor would type it in the repository. */
function sha256Command(folders: ContentFolders, file: string): string {
  const path = relative(process.cwd(), join(folders.sources, file)) || file;
  return `sha256sum ${path}`;
}

/** A shape problem (a missing or wrong field) in words: where, counted from 1, and what to write. */
function shapeMessage(
  data: unknown,
  path: readonly PropertyKey[],
  message: string,
  folders: ContentFolders,
): string {
  const where = pathLabel(data, path);
  const value = pathValue(data, path);
  const field = path.at(-1);
  if (field === 'sha256') {
    const item = pathValue(data, path.slice(0, -1)) as { file?: unknown } | undefined;
    const file = typeof item?.file === 'string' ? item.file : 'FILE';
    return `${where}: ${value === undefined ? 'is missing' : 'is not a sha256'}; run  ${sha256Command(folders, file)}  and write the 64 letters it prints: sha256: 3c60…`;
  }
  if (field === 'intent')
    return `${where}: "${String(value ?? '')}" is not an intent; ${message} (docs/editing-content.md, "Intents")`;
  if (value === undefined && path.length) return `${where}: is missing; it ${message}`;
  return `${where ? `${where}: ` : ''}${message}`;
}

const pathValue = (data: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>((node, key) => (node as Record<PropertyKey, unknown> | undefined)?.[key], data);

/**
 * A template that writes a fact out ("pressekreterare hos …", "08-405 10 00", "Tillväxtverket") goes
 * stale when a later document changes it: answers must name facts by placeholder. Returns what is wrong.
 */
export function literalFact(
  template: string,
  facts: Record<string, Fact>,
  known: { agencies: KnownName[]; parties: KnownName[]; titles: KnownName[] },
): string | null {
  const text = template.replace(PLACEHOLDER, ' ').toLowerCase();
  if (/\d{2,}/.test(text))
    return `a number stands in the text ("${/\d[\d\s:-]*\d/.exec(text)?.[0] ?? ''}"); numbers are facts: use the fact's {placeholder}`;
  for (const [id, f] of Object.entries(facts)) {
    const value = String(f.value).toLowerCase();
    if (value.length >= 5 && !/^\d+$/.test(value) && text.includes(value))
      return `"${f.value}" is the fact {${id}} written out; write {${id}} instead, so a later document changes it here too`;
  }
  const names = [...known.agencies, ...known.parties, ...known.titles];
  const said = names.find((n) => [n.name, n.en].some((x) => x.length >= 5 && text.includes(x.toLowerCase())));
  return said
    ? `"${said.name}" is a name (agency, party or title) written out; name it by the fact that states it, as {placeholder}`
    : null;
}

/**
 * A contact's name, title and phone belong together: a later document that changes one of them must give
 * them all, or the answer would join a new name to the old person's title and number.
 */
function contactTogether(
  contacts: { id: string; document: string }[],
  facts: Record<string, Fact>,
  stated: Map<string, { fact: Fact; file: keyof typeof FILES; path: Path }[]>,
  at: (file: keyof typeof FILES, path: Path, message: string) => void,
  dateOf: (document: string) => string,
): void {
  const groups = new Map<string, string[]>();
  for (const c of contacts) {
    const group = c.id.split('.').slice(0, -1).join('.');
    if (group.startsWith('contact.')) groups.set(group, [...new Set([...(groups.get(group) ?? []), c.id])]);
  }
  for (const ids of groups.values()) {
    const docs = new Map(ids.map((id) => [id, facts[id]?.document]));
    const latest = [...docs.values()].sort((a, b) => dateOf(a ?? '').localeCompare(dateOf(b ?? ''))).at(-1);
    const newest = ids.find((id) => docs.get(id) === latest) ?? '';
    const stale = ids.filter((id) => docs.get(id) !== docs.get(newest));
    const where = stated.get(newest)?.[0];
    if (stale.length && where)
      at(
        where.file,
        where.path,
        `"${newest}" comes from ${docs.get(newest)}, but ${stale.map((s) => `"${s}"`).join(', ')} still from an older document; a contact's name, title and phone belong together: give ${stale.join(', ')} from ${docs.get(newest)} too`,
      );
  }
}
