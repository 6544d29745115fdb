// The press desk through Slack: signed mentions carrying Slack's markup (a `>` quote, a link, *bold*)
// and several questions, answered in one reply with each part; a draft line's claim is set right, the
// verdict first.
import { describe, expect, it } from 'vitest';
import { BOT_USER_ID, signedEvent } from '../../support/slack.ts';
import { slackStack } from '../../support/slack-stack.ts';

const stack = slackStack();

async function replyTo(text: string): Promise<string> {
  const response = await stack.send(signedEvent({ text: `<@${BOT_USER_ID}> ${text}` }));
  expect(response.statusCode).toBe(200);
  const posts = stack.slack.callsTo('chat.postMessage');
  expect(posts).toHaveLength(1);
  return String(posts[0]?.args.text ?? '');
}

describe('the press desk, through a signed Slack event', () => {
  it("answers each question of a pasted mail with a link and *bold*, after the asker's own line", async () => {
    const text = await replyTo(
      'Ringde precis P4 Örebro, de läste <https://www.regeringen.se/x|pressmeddelandet>:\n1) *hur mycket* avsätts 2019?\n2) vem är presskontakt?',
    );
    expect(text).toMatch(/1,35 miljarder/);
    expect(text).toMatch(/Sami Mashial/);
    expect(text.indexOf('1,35')).toBeLessThan(text.indexOf('Sami Mashial'));
    expect(text).not.toMatch(/följdfråga|regeringen\.se/);
  });

  it('reads a reported question past its lead-in, with *bold* and a link', async () => {
    const reported = await replyTo(
      '*Kommunalarbetaren* frågar vem som fördelar pengarna <https://x.se/a|i år> (2018).',
    );
    expect(reported).toMatch(/Tillväxtverket/);
    expect(reported).not.toMatch(/425 miljoner/);
  });

  it('answers the quoted question of a forwarded mail, not its sign-off', async () => {
    const text = await replyTo('Mejl från *Altinget*:\n> Vilka myndigheter är inblandade?\n/Erik');
    expect(text).toMatch(/Tillväxtverket/);
    expect(text).toMatch(/Delegationen mot segregation/);
  });

  it('sets a quoted draft line right, with the verdict first', async () => {
    const text = await replyTo('> Bidraget fördelas av *Boverket* 2019\nstämmer det?');
    expect(text.split('\n')[0]).toMatch(
      /^❌ Nej, det stämmer inte – inte Boverket, utan Delegationen mot segregation/,
    );
  });

  it('answers an English draft line put as a question, and a claimed ordinance number', async () => {
    const text = await replyTo('Draft says: *SFS 2018:115* – is that the right ordinance?');
    expect(text.split('\n')[0]).toMatch(/^❌ No, that is not right – not 2018:115, but 2018:151/);
  });
});
