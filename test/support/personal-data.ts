// fast-check generators for the personal data people type into a question: identity numbers, phone
// numbers, e-mail addresses and Slack mentions, placed in sentences without other digits. The unit test
// of scrubPersonalData uses the plain spellings; the reliability test passes every spelling seen (dashes,
// dots, full-width digits, invisible characters) through the same generators.
import fc from 'fast-check';

const two = (n: number) => String(n).padStart(2, '0');
const asIs = (text: string): fc.Arbitrary<string> => fc.constant(text);

/** How a generator writes its value: the separators it may use and a spelling applied to the result. */
export interface Spellings {
  separators: readonly string[];
  spell?: (text: string) => fc.Arbitrary<string>;
}

/** A Swedish personal identity (or co-ordination, day + 60) number, with or without the century. */
export const idNumber = ({ separators, spell = asIs }: Spellings) =>
  fc
    .record({
      year: fc.integer({ min: 1900, max: 2025 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
      coordination: fc.boolean(),
      serial: fc.integer({ min: 0, max: 9999 }),
      century: fc.boolean(),
      separator: fc.constantFrom(...separators),
    })
    .chain(({ year, month, day, coordination, serial, century, separator }) =>
      spell(
        `${century ? year : two(year % 100)}${two(month)}${two(coordination ? day + 60 : day)}${separator}${String(serial).padStart(4, '0')}`,
      ),
    );

/** An e-mail address; `at` lists the ways the @ is written. */
export const email = ({ at = ['@'], local = /^[a-z][a-z0-9._+-]{0,15}[a-z0-9]$/, upper = false } = {}) =>
  fc
    .record({
      local: fc.stringMatching(local),
      domain: fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/),
      tld: fc.constantFrom('se', 'com', 'org', 'nu', 'gov.se', 'kommun.se'),
      at: fc.constantFrom(...at),
      upper: upper ? fc.boolean() : fc.constant(false),
    })
    .map(({ local, domain, tld, at, upper }) => {
      const address = `${local}${at}${domain}.${tld}`;
      return upper ? address.toUpperCase() : address;
    });

const slackId = (first: string) => fc.stringMatching(/^[A-Z0-9]{8,10}$/).map((rest) => `${first}${rest}1`);
const label = fc.stringMatching(/^[a-zåäö .-]{1,20}$/);

/** Slack's markup as it arrives in an event, and in its escaped form (&lt;…&gt;) too. */
export const mention = fc
  .oneof(
    slackId('U').map((id) => `<@${id}>`),
    fc.tuple(slackId('W'), label).map(([id, name]) => `<@${id}|${name}>`),
    fc.tuple(slackId('C'), label).map(([id, name]) => `<#${id}|${name}>`),
    fc.constantFrom('<!here>', '<!channel>', '<!everyone>', '<!subteam^S0TEAM0001|@grant-team>'),
  )
  .chain((markup) => fc.constantFrom(markup, markup.replace(/</g, '&lt;').replace(/>/g, '&gt;')));

/** Words around the personal data: letters, Swedish ones too, and punctuation, no digits, so any digit left is a leak. */
export const words = fc
  .array(fc.stringMatching(/^[A-Za-zÅÄÖåäö?,.!:]{1,12}$/), { maxLength: 6 })
  .map((w) => w.join(' '));

/** The personal datum placed in a sentence. */
export const inSentence = (datum: fc.Arbitrary<string>) =>
  fc
    .tuple(words, datum, words)
    .map(([before, value, after]) => ({ value, text: `${before} ${value} ${after}` }));
