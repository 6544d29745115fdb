// A line about the press contact ("Presskontakt: Sami Mashial, kommunikationschef på …", 'Draft lists the
// press contact as "Sami Mashiel"'), checked field by field against the contact the documents give: the
// name (a word a letter or two from the surname is a misspelling of it), the title (one of words.yaml →
// query.contact_titles) and the phone number.
import type { Knowledge, KnownName } from '../content.ts';
import { editDistance, fold, words } from '../text.ts';
import type { Claimed, ClaimVerdict, ContactFacts, QueryRule } from './types.ts';

const is = (re: RegExp, f: string) => {
  re.lastIndex = 0;
  return re.test(f);
};

/** A phone number as people write it in Sweden: "08-405 10 00", "+46 8 405 10 00". */
const PHONE = /(?:\+46\s*(?:\(0\)\s*)?|(?<!\d)0)\d{1,3}(?:[\s-]*\d{2,3}){2,4}(?!\d)/u;
/** Its digits, the country code written as the 0 it replaces. */
const digits = (s: string) => s.replace(/^\+46\s*(?:\(0\)\s*)?/u, '0').replace(/\D/g, '');

/** How far a typed surname may be from the contact's and still be his, misspelt. */
const misspelt = (surname: string) => (surname.length >= 7 ? 2 : 1);

const lastName = (name: string) => words(name).at(-1)?.folded ?? '';

/** The contact's name as the line writes it, if it writes it (perhaps misspelt): "Sami Mashiel". */
function nameIn(raw: string, name: string): string | null {
  const own = words(name).map((w) => w.folded);
  const surname = own[own.length - 1];
  if (!surname) return null;
  const said = words(raw);
  // "Sami Mashials mejladress": the genitive is his name.
  const near = (x: string) =>
    x.length >= 4 &&
    (x.replace(/'?s$/, '') === surname || editDistance(x, surname, misspelt(surname)) <= misspelt(surname));
  const at = said.findIndex((w) => near(w.folded));
  const found = said[at];
  if (!found) return null;
  const before = said[at - 1];
  const first = own.length > 1 && before && editDistance(before.folded, own[0] ?? '', 1) <= 1 ? before : null;
  const typed = found.folded.replace(/'?s$/, '') === surname ? found.raw.replace(/'?s$/, '') : found.raw;
  return first ? `${first.raw} ${typed}` : typed;
}

/**
 * The title the line gives, as typed, with the minister, person or agency it names after it ("press
 * secretary to the Minister for Finance"): the whole is set against the documents' title.
 */
function titleIn(raw: string, f: string, re: RegExp, names: readonly KnownName[]): string | null {
  re.lastIndex = 0;
  const m = re.exec(f);
  if (!m) return null;
  const title = f.length === raw.length ? raw.slice(m.index, m.index + m[0].length) : m[0];
  const after = names.filter((n) => [n.name, n.en, ...n.also].some((x) => f.indexOf(fold(x)) > m.index));
  return after.length ? `${title} (${after.map((n) => n.name).join(', ')})` : title;
}

/** A title claimed is the documents' when its words, and each name it gives, stand in their title. */
function sameTitle(kb: Knowledge, claimed: string, titles: readonly string[]): boolean {
  const [title = '', names = ''] = claimed.split(/\s*\((.*)\)$/u);
  const known = kb.content.words.known;
  const all = [...known.titles, ...known.people, ...known.agencies];
  const inTitle = (x: string) => titles.some((t) => fold(t).includes(fold(x)));
  return (
    inTitle(title) &&
    names
      .split(', ')
      .filter(Boolean)
      .every((n) => {
        const name = all.find((k) => k.name === n);
        return name ? [name.name, name.en].some(inTitle) : inTitle(n);
      })
  );
}

export const claimContact: QueryRule<Claimed[]> = {
  name: 'claim-contact',
  examples: [
    'Presskontakt: Sami Mashial, kommunikationschef på Statsrådsberedningen. Stämmer?',
    'Draft lists the press contact as "Sami Mashiel" — is the spelling ok?',
  ],
  read: ({ raw, f, years, cues, contact, known }) => {
    const name = nameIn(raw, contact.name);
    const phone = PHONE.exec(raw)?.[0] ?? null;
    // His name alone, right, is no claim unless the line is about the contact ("Presskontakten är Sami
    // Mashial, rätt?"): "Sami Mashial är väl ministern?" claims something else of him.
    const spelt = name !== null && fold(name) !== fold(contact.name) && fold(name) !== lastName(contact.name);
    // A line checked ("stämmer?", "can I write …"), or a question that gives a number or a spelling ("Is
    // his number 08-405 10 01?"); not a question about his e-mail or his direct line.
    const checked = is(cues.check, f) || is(cues.draft, f);
    // Asked, not checked, a right number is no claim: "Är 08-405 10 00 ett direktnummer?" asks what it is.
    const otherPhone = phone !== null && digits(phone) !== digits(contact.phone);
    if (!checked && !(is(cues.yesNo, f) && (otherPhone || spelt))) return null;
    if (!name && !is(cues.contactClaim, f)) return null;
    const title = titleIn(raw, f, cues.contactTitle, [
      ...known.titles.find(raw, f),
      ...known.people.find(raw, f),
      ...known.agencies.find(raw, f),
    ]);
    if (!title && !phone && !spelt && !is(cues.contactClaim, f)) return null;
    const claims: Claimed[] = [
      ...(name ? [{ attribute: 'contact-name' as const, claimed: name, years }] : []),
      ...(title ? [{ attribute: 'contact-title' as const, claimed: title, years }] : []),
      ...(phone ? [{ attribute: 'contact-phone' as const, claimed: phone.trim(), years }] : []),
    ];
    return claims.length ? claims : null;
  },
};

/** The press contact of the content's facts. */
export function contactFacts(kb: Knowledge): ContactFacts {
  const value = (id: string) => String(kb.content.facts[id]?.value ?? '');
  const titles = (['sv', 'en'] as const).map((lang) => kb.fill(lang, '{contact.press.title}'));
  return { name: value('contact.press.name'), titles, phone: value('contact.press.phone') };
}

const FACT = {
  'contact-name': 'contact.press.name',
  'contact-title': 'contact.press.title',
  'contact-phone': 'contact.press.phone',
} as const;

/** One field of a line about the contact, right or wrong, with the documents' value and its source. */
export function checkContact(kb: Knowledge, lang: 'sv' | 'en', claim: Claimed): ClaimVerdict | null {
  if (!(claim.attribute in FACT)) return null;
  const factId = FACT[claim.attribute as keyof typeof FACT];
  const facts = contactFacts(kb);
  const said = fold(String(claim.claimed));
  const right =
    claim.attribute === 'contact-name'
      ? words(said).every((w) => words(facts.name).some((x) => x.folded === w.folded))
      : claim.attribute === 'contact-title'
        ? sameTitle(kb, String(claim.claimed), facts.titles)
        : digits(String(claim.claimed)) === digits(facts.phone);
  return {
    attribute: claim.attribute,
    claimed: String(claim.claimed),
    verdict: right ? 'right' : 'wrong',
    correct: kb.fill(lang, `{${factId}}`),
    source: kb.source(factId),
  };
}
