// What may be kept of a question. The question log exists so content owners can see what people ask;
// who asked, and about whom, is not part of that. People paste whole sentences ("Min kollega Anna,
// 19800101-1234, …"), so identifiers are removed before a question is stored, and the question log
// keeps the asker only as a salted hash (store/hash.ts). Names in free text are not recognised: no
// rule can tell "Anna" from a municipality's name without a list of people; the README says so.

/** What replaces each kind of personal data: readable in the report, and not itself personal. */
export const REDACTED = {
  idNumber: '[personnummer]',
  phone: '[telefon]',
  email: '[e-post]',
  user: '[användare]',
  channel: '[kanal]',
  mention: '[omnämnande]',
} as const;

// Slack's own markup, as it arrives (<@U…>, <@U…|name>, <#C…|name>, <!here>, <!subteam^S…|@team>).
// Slack escapes a typed "<" as &lt;, so both spellings are removed: questionFrom() unescapes first.
// The label after "|" may hold anything but the closing bracket, in either spelling.
// No "<" (or "&lt;") inside either: a run of "<@<@<@…" then costs one pass, not one pass per "<".
const SLACK_USER = /(?:<|&lt;)@[^<>|\s&]*(?:\|(?:(?!&[lg]t;)[^<>])*)?(?:>|&gt;)/g;
const SLACK_CHANNEL = /(?:<|&lt;)#[^<>|\s&]*(?:\|(?:(?!&[lg]t;)[^<>])*)?(?:>|&gt;)/g;
const SLACK_SPECIAL = /(?:<|&lt;)!(?:(?!&[lg]t;)[^<>])*(?:>|&gt;)/g;
// A user id typed or pasted bare ("fråga U0VICTIM01"): U or W, then at least eight capitals and digits,
// one of them a digit, so Swedish words in capitals ("UTBETALNING") are left alone.
const BARE_USER_ID = /\b[UW](?=[A-Z]*\d)[A-Z0-9]{8,}\b/g;

// The patterns match a normalised copy, so the spelling of a number does not hide it: NFKC (full-width
// digits and the @ become ASCII, no-break spaces plain ones), format characters (soft hyphen, zero-width
// space) dropped, and every dash (\p{Pd}: hyphen, non-breaking hyphen U+2011, en and em dash…) and the
// minus sign U+2212 a plain "-". Dots and spaces inside a number are allowed by the patterns below. What
// they find is replaced in the text as written, so everything else stays exactly as the person wrote it.
const FORMAT = /^\p{Cf}$/u;
const DASH = /^[\p{Pd}\u2212]$/u;
const SPACE = /^\p{Zs}$/u;
const ASCII_ONLY = /^[ -~\t\n\r]*$/;

function normaliseChar(char: string): string {
  if (FORMAT.test(char)) return '';
  if (DASH.test(char)) return '-';
  if (SPACE.test(char)) return ' ';
  return char.normalize('NFKC').replace(/[\p{Pd}\u2212]/gu, '-');
}

/** The normalised text, and for each of its UTF-16 units the span of the original it came from. */
interface Normalised {
  text: string;
  from: number[];
  to: number[];
}

function normalised(text: string): Normalised | undefined {
  // Most questions are plain ASCII: nothing to normalise, and positions map to themselves.
  if (ASCII_ONLY.test(text)) return undefined;
  let out = '';
  const from: number[] = [];
  const to: number[] = [];
  let at = 0;
  for (const char of text) {
    const piece = ASCII_ONLY.test(char) ? char : normaliseChar(char);
    for (let k = 0; k < piece.length; k++) {
      from.push(at);
      to.push(at + char.length);
    }
    out += piece;
    at += char.length;
  }
  return { text: out, from, to };
}

// Addresses as people type them; the domain needs a dot and a two-letter ending so "@Bidrag" is not one.
// The lookbehind starts a match only where a run of address characters starts: without it, a long run
// with no "@" would be scanned again from each of its characters.
// "anna(at)example.se" and "anna [at] example.se" are the same address spelled to dodge scrapers.
const EMAIL =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+(?:@|\s?[([{]at[)\]}]\s?)[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/giu;

// Swedish personal identity numbers (personnummer) and co-ordination numbers (samordningsnummer, day
// + 60): YYMMDD-XXXX, YYMMDD+XXXX (over 100), YYYYMMDD-XXXX, YYYYMMDDXXXX, YYMMDDXXXX, also with a
// space, or a dash with spaces around it ("850709 - 9805"), or a dot. The date must be plausible (month 01–12, day 01–31 or 61–91), so amounts and year ranges
// stay; the check digit is not required, because a mistyped number still points at a person.
const ID_NUMBER =
  /(?<![\p{N}])(?:(?:18|19|20)\d{2}|\d{2})(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]|6[1-9]|[78]\d|9[01])(?: ?[-+] ?|[ .])?\d{4}(?![\p{N}])/gu;
// The same with a separator, or with its century: looked for before phone numbers, so a phone number
// next to it ("850709 9805 070…", "070 123 45 67 850709-9805") cannot take half of it and leave the rest.
// Only the bare ten digits (8507099805) wait until after the phone numbers: 0701234567 is one of those.
const ID_NUMBER_SPELLED =
  /(?<![\p{N}])(?:(?:(?:18|19|20)\d{2}|\d{2})(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]|6[1-9]|[78]\d|9[01])(?: ?[-+] ?|[ .])|(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]|6[1-9]|[78]\d|9[01]))\d{4}(?![\p{N}])/gu;

// Phone numbers: international (+46 70 123 45 67, +46 (0)8-123 456 78, 0046 8 123 45) or Swedish
// national, which always start with 0 (070-123 45 67, 08-123 456 78, 0771-123 123): a run of digits,
// spaces, dots, dashes, slashes and brackets that starts with + or 0 and holds at least 7 digits. Years
// (2019–2021) and amounts (1,35 miljarder) never start with 0; "0 av 32" has too few digits. Written
// without + or 00 ("46701234567"), the country code 46 and a national number not starting with 0 make
// 10 to 12 digits (a 9-digit one, 46 and a Stockholm number of seven, looks like an amount and is
// left); amounts that start with 46 ("460 000 000", "46 miljoner") have a 0 next, or fewer
// digits. One flat character class and no nested repetition, so a long run of digits cannot make the
// regex backtrack.
// Not right after a number and a dash or dot: that "0" ends an identity number ("19000101-0000").
// A run may go on over an identity number found inside it ("070 280161 0046 70…": "280161 0046" has the
// shape of one), which the mask (U+E0FF) stands for: the whole run goes, not the halves around it.
const PHONE = /(?<![\p{L}\p{N}+])(?<!\p{N} ?[-+.] ?)(?:[+0]|46(?=[ -]?[1-9]))[\d ()\-/.\uE0FF]*\d/gu;
const MIN_PHONE_DIGITS = 7;
const COUNTRY_CODE_DIGITS_MIN = 10;

function isPhone(match: string): boolean {
  const digits = match.replace(/\D/g, '').length;
  // No upper bound: a run may hold two numbers side by side ("4670100100 070…"), both to go.
  if (match.startsWith('46')) return digits >= COUNTRY_CODE_DIGITS_MIN;
  return digits >= MIN_PHONE_DIGITS;
}

/** In order: a later pattern never sees what an earlier one matched. */
const RULES: readonly [RegExp, string, ((match: string) => boolean)?][] = [
  [SLACK_USER, REDACTED.user],
  [SLACK_CHANNEL, REDACTED.channel],
  [SLACK_SPECIAL, REDACTED.mention],
  // E-mail before numbers and bare ids: an address may hold digits ("anna.1980@…") or an id's shape
  // ("A@UA00AAAAA.SE") that are part of it.
  [EMAIL, REDACTED.email],
  [BARE_USER_ID, REDACTED.user],
  // Phones before identity numbers: a mobile number written without spaces (0701234567) has the shape
  // of a personal identity number too. One that starts with 0 is then called a phone number; either
  // way it is gone.
  [ID_NUMBER_SPELLED, REDACTED.idNumber],
  [PHONE, REDACTED.phone, isPhone],
  [ID_NUMBER, REDACTED.idNumber],
];

// What stands in for a match while the later patterns run: no letter, digit, @ or bracket, so it
// starts no match, as the placeholder it becomes would not; only a phone run goes on over it (PHONE).
const MASK = '\uE0FF';

/**
 * The text with personal data replaced by placeholders: Swedish personal identity and co-ordination
 * numbers, phone numbers, e-mail addresses, and Slack user, channel and group mentions (with bare
 * user ids), however their digits, dashes and spaces are written. Idempotent; text without such data
 * is returned unchanged.
 *
 * @example
 * scrubPersonalData('Får <@U0ANNA0001> (19800101-1234, 070-123 45 67) söka?')
 * // → 'Får [användare] ([personnummer], [telefon]) söka?'
 */
export function scrubPersonalData(text: string): string {
  const norm = normalised(text);
  let masked = norm?.text ?? text;
  const found: { start: number; end: number; with: string }[] = [];
  for (const [pattern, placeholder, accept] of RULES) {
    // The patterns have no capturing groups, so the second argument is the match's offset.
    masked = masked.replace(pattern, (match: string, offset: number) => {
      if (accept && !accept(match)) return match;
      const end = offset + match.length;
      // What an earlier pattern found inside this match is part of it.
      for (let i = found.length - 1; i >= 0; i--) {
        const f = found[i];
        if (f && f.start >= offset && f.end <= end) found.splice(i, 1);
      }
      found.push({ start: offset, end, with: placeholder });
      return MASK.repeat(match.length);
    });
  }
  if (found.length === 0) return text;
  found.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const { start, end, with: placeholder } of found) {
    const from = norm ? (norm.from[start] ?? start) : start;
    const to = norm ? (norm.to[end - 1] ?? end) : end;
    out += text.slice(at, from) + placeholder;
    at = to;
  }
  return out + text.slice(at);
}
