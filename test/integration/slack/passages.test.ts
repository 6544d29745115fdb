// The release's own words through a signed Slack event, with the markup people type: a link and *bold*.
// The answer quotes the sentences whole. (A "> quoted" line is left out: the listener joins the lines of
// a message, so the quote would swallow the question; that is issue 17's point 1.)
import { describe, expect, it } from 'vitest';
import { BOT_USER_ID, signedEvent } from '../../support/slack.ts';
import { slackStack } from '../../support/slack-stack.ts';

const stack = slackStack();

describe("the Slack Lambda, for a request of the release's own words", () => {
  it('gives the headline for a question with a link and bold text', async () => {
    const text = `<@${BOT_USER_ID}> *Vad heter* <https://www.regeringen.se/pressmeddelanden/2018/|pressmeddelandet>?`;
    expect((await stack.send(signedEvent({ text }))).statusCode).toBe(200);
    const [post, ...more] = stack.slack.callsTo('chat.postMessage');
    expect(more).toEqual([]);
    expect(post?.args.text).toContain('”Sverige ska hålla ihop – segregationen ska brytas”');
  });

  it("gives the minister's exact words, in English, from bold markup", async () => {
    const text = `<@${BOT_USER_ID}> What were the *exact words* of the minister?`;
    await stack.send(signedEvent({ text }));
    const [post] = stack.slack.callsTo('chat.postMessage');
    expect(post?.args.text).toMatch(/^This is what it says, word for word \(in Swedish\):/);
    expect(post?.args.text).toContain(
      '”Investeringar i samhällsbygget går före skattesänkningar, säger samordnings- och energiminister Ibrahim Baylan.”',
    );
  });
});
