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

// Addresses as people type them; the domain needs a dot and a two-letter ending so "@Bidrag" is not one.
// The lookbehind starts a match only where a run of address characters starts: without it, a long run
// with no "@" would be scanned again from each of its characters.
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

// Swedish personal identity numbers (personnummer) and co-ordination numbers (samordningsnummer, day
// + 60): YYMMDD-XXXX, YYMMDD+XXXX (over 100), YYYYMMDD-XXXX, YYYYMMDDXXXX, YYMMDDXXXX, also with a
// space. The date must be plausible (month 01–12, day 01–31 or 61–91), so amounts and year ranges
// stay; the check digit is not required, because a mistyped number still points at a person.
const ID_NUMBER =
  /(?<![\p{N}])(?:(?:18|19|20)\d{2}|\d{2})(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]|6[1-9]|[78]\d|9[01])[-+ ]?\d{4}(?![\p{N}])/gu;

// Phone numbers: international (+46 70 123 45 67, +46 (0)8-123 456 78, 0046 8 123 45) or Swedish
// national, which always start with 0 (070-123 45 67, 08-123 456 78, 0771-123 123): a run of digits,
// spaces, dashes, slashes and brackets that starts with + or 0 and holds at least 7 digits. Years
// (2019–2021) and amounts (1,35 miljarder) never start with 0; "0 av 32" has too few digits. One flat
// character class and no nested repetition, so a long run of digits cannot make the regex backtrack.
const PHONE = /(?<![\p{L}\p{N}+])[+0][\d ()\-/]*\d/gu;
const MIN_PHONE_DIGITS = 7;

function phoneOrKeep(match: string): string {
  return match.replace(/\D/g, '').length >= MIN_PHONE_DIGITS ? REDACTED.phone : match;
}

/**
 * The text with personal data replaced by placeholders: Swedish personal identity and co-ordination
 * numbers, phone numbers, e-mail addresses, and Slack user, channel and group mentions (with bare
 * user ids). Idempotent; text without such data is returned unchanged.
 *
 * @example
 * scrubPersonalData('Får <@U0ANNA0001> (19800101-1234, 070-123 45 67) söka?')
 * // → 'Får [användare] ([personnummer], [telefon]) söka?'
 */
export function scrubPersonalData(text: string): string {
  return (
    text
      .replace(SLACK_USER, REDACTED.user)
      .replace(SLACK_CHANNEL, REDACTED.channel)
      .replace(SLACK_SPECIAL, REDACTED.mention)
      .replace(BARE_USER_ID, REDACTED.user)
      // E-mail before numbers: an address may hold digits ("anna.1980@…") that are part of it.
      .replace(EMAIL, REDACTED.email)
      // Phones before identity numbers: a mobile number written without spaces (0701234567) has the
      // shape of a personal identity number too. One that starts with 0 is then called a phone number;
      // either way it is gone.
      .replace(PHONE, phoneOrKeep)
      .replace(ID_NUMBER, REDACTED.idNumber)
  );
}
