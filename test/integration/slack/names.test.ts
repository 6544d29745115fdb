// Names as people type them (issue 17, point 3), through the whole Slack path: a signed event whose text
// carries Slack markup (a `>` quote, a link, *bold*) around a short form, a region or a county adjective.
import { describe, expect, it } from 'vitest';
import { BOT_USER_ID, signedEvent } from '../../support/slack.ts';
import { slackStack } from '../../support/slack-stack.ts';

const stack = slackStack();

let people = 0;

/** The bot's reply to a mention; each from another person, so no earlier test's question is read with it. */
async function reply(text: string): Promise<string> {
  people += 1;
  const user = `U0NAMES${String(people).padStart(3, '0')}`;
  const response = await stack.send(signedEvent({ text: `<@${BOT_USER_ID}>\n${text}`, user }));
  expect(response.statusCode).toBe(200);
  const [post, ...more] = stack.slack.callsTo('chat.postMessage');
  expect(more).toEqual([]);
  return String(post?.args.text ?? '');
}

describe('names people type, in a Slack message with markup', () => {
  it('reads a short form with "kn" in bold after a quoted line, as the municipality', async () => {
    const text = await reply(
      '&gt; Hur går det för Hbg?\nKan *Hbg kn* söka? Se <https://www.regeringen.se/pressmeddelanden|pressmeddelandet>',
    );
    expect(text).toMatch(/^✅ \*Helsingborg\* är en av de 32 kommuner/);
  });

  it('answers a region asked about in English like a county, naming its counties', async () => {
    const text = await reply(
      'Our reader asks: which *Smaland* municipalities can apply? <https://www.regeringen.se|release>',
    );
    expect(text).toMatch(
      /^Småland is not a municipality but a part of Sweden: Jönköpings län, Kronobergs län and Kalmar län\./,
    );
    expect(text).toContain('2 can apply in 2018: Jönköping and Växjö');
  });

  it('answers an agency by its short form', async () => {
    expect(await reply('vad gör *TVV*?')).toContain('Tillväxtverket');
  });
});
