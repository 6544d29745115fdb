import { describe, expect, it } from 'vitest';
import { hashUser } from '../../../functions/store/hash.ts';
import { CONTENT } from '../../../knowledge/content.ts';
import { loggedQuestions } from '../../support/dynamo.ts';
import {
  ADMIN_USER_ID,
  BOT_ID,
  BOT_TOKEN,
  BOT_USER_ID,
  CHANNEL_ID,
  DM_CHANNEL_ID,
  nextTs,
  signedEvent,
  signedUrlVerification,
  USER_HASH_SALT,
  USER_ID,
} from '../../support/slack.ts';
import { slackStack } from '../../support/slack-stack.ts';

const stack = slackStack();

/** Every text the bot put in a message: the fallback and each block's text. */
function shown(args: Record<string, unknown>): string {
  return JSON.stringify([args.text, args.blocks]);
}

describe('the Slack Lambda, for Events API requests', () => {
  it('answers a signed url_verification with its challenge', async () => {
    const response = await stack.send(signedUrlVerification('challenge-3f9a'));
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body ?? '')).toEqual({ challenge: 'challenge-3f9a' });
    expect(stack.slack.calls).toEqual([]);
  });

  it('answers a mention in a channel in a new thread under the question, as the bot', async () => {
    const ts = nextTs();
    const response = await stack.send(
      signedEvent({ text: `<@${BOT_USER_ID}> Kan Malmö söka bidraget?`, ts }),
    );
    expect(response.statusCode).toBe(200);
    const [post, ...more] = stack.slack.callsTo('chat.postMessage');
    expect(more).toEqual([]);
    expect(post?.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(post?.args).toMatchObject({ channel: CHANNEL_ID, thread_ts: ts });
    expect(post?.args.text).toContain('*Malmö*');
    expect(post?.args.blocks).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'section' })]));
  });

  it('answers a mention inside a thread in that same thread', async () => {
    const parent = nextTs();
    await stack.send(signedEvent({ text: `<@${BOT_USER_ID}> hur mycket pengar 2019?`, thread_ts: parent }));
    const [post] = stack.slack.callsTo('chat.postMessage');
    expect(post?.args).toMatchObject({ channel: CHANNEL_ID, thread_ts: parent });
    expect(post?.args.text).toContain('1,35 miljarder');
  });

  it('gives help for a mention with no question', async () => {
    await stack.send(signedEvent({ text: `<@${BOT_USER_ID}>` }));
    const [post] = stack.slack.callsTo('chat.postMessage');
    expect(post?.args.text).toMatch(/Prova till exempel/);
  });

  it('answers a direct message in the DM, not in a thread', async () => {
    const response = await stack.send(signedEvent({ type: 'message', text: 'Vem är presskontakt?' }));
    expect(response.statusCode).toBe(200);
    const [post, ...more] = stack.slack.callsTo('chat.postMessage');
    expect(more).toEqual([]);
    expect(post?.args.channel).toBe(DM_CHANNEL_ID);
    expect(post?.args.thread_ts).toBeUndefined();
    expect(post?.args.text).toContain(String(CONTENT.facts['contact.press.name']?.value));
  });

  it.each([
    ['its own messages', { type: 'message', user: BOT_USER_ID, bot_id: BOT_ID }],
    [
      'its own bot_message posts',
      { type: 'message', subtype: 'bot_message', bot_id: BOT_ID, user: undefined },
    ],
    ['other bots in a DM', { type: 'message', bot_id: 'B0OTHERBOT', user: 'U0OTHERBOT' }],
    ['other bots mentioning it', { type: 'app_mention', bot_id: 'B0OTHERBOT', user: 'U0OTHERBOT' }],
    ['edits', { type: 'message', subtype: 'message_changed', message: { text: 'Kan Malmö söka?' } }],
    ['deletions', { type: 'message', subtype: 'message_deleted', previous_message: { text: 'x' } }],
    ['other subtypes (channel_join)', { type: 'message', subtype: 'channel_join' }],
    ['messages outside DMs', { type: 'message', channel: CHANNEL_ID, channel_type: 'channel' }],
  ])('ignores %s with a 200 and posts nothing', async (_name, overrides) => {
    const response = await stack.send(signedEvent(overrides));
    expect(response.statusCode).toBe(200);
    expect(stack.slack.calls).toEqual([]);
  });

  it('logs each question with a salted hash of the asker, never the raw user id', async () => {
    const question = 'Vem vinner melodifestivalen i år?';
    await stack.send(signedEvent({ type: 'message', text: question }));
    expect(stack.slack.callsTo('chat.postMessage')).toHaveLength(1);
    const stats = await stack.store.stats();
    const logged = stats.latestUnanswered.find((q) => q.question === question);
    expect(logged).toBeDefined();
    const raw = JSON.stringify(await rawQuestions());
    expect(raw).toContain(hashUser(USER_ID, USER_HASH_SALT));
    expect(raw).not.toContain(USER_ID);
  });

  it('publishes the App Home with the programme and the usage stats when the Home tab opens', async () => {
    const response = await stack.send(
      signedEvent({ type: 'app_home_opened', tab: 'home', user: ADMIN_USER_ID }),
    );
    expect(response.statusCode).toBe(200);
    const [publish, ...more] = stack.slack.callsTo('views.publish');
    expect(more).toEqual([]);
    expect(publish?.args.user_id).toBe(ADMIN_USER_ID);
    const view = publish?.args.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe('home');
    const text = JSON.stringify(view.blocks);
    expect(text).toMatch(/Användning/);
    // The question logged by the test above is among the latest unanswered: an admin may read it.
    expect(text).toContain('Vem vinner melodifestivalen i år?');
  });

  it('publishes nothing when the Messages tab opens', async () => {
    await stack.send(signedEvent({ type: 'app_home_opened', tab: 'messages' }));
    expect(stack.slack.calls).toEqual([]);
  });

  it('replies with plain text and blocks that both show the answer', async () => {
    await stack.send(signedEvent({ text: `<@${BOT_USER_ID}> Vem fördelar pengarna?` }));
    const [post] = stack.slack.callsTo('chat.postMessage');
    expect(typeof post?.args.text).toBe('string');
    expect(shown(post?.args ?? {})).toMatch(/Källa/);
  });
});

/** Every logged question of this month, straight from the table. */
const rawQuestions = () => loggedQuestions(stack.docClient, stack.tableName);
