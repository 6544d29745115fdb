import { describe, expect, it } from 'vitest';
import { ACTION } from '../../../functions/render.ts';
import { hashUser } from '../../../functions/store/hash.ts';
import {
  BOT_USER_ID,
  CHANNEL_ID,
  DM_CHANNEL_ID,
  nextTs,
  signedAction,
  signedCommand,
  signedEvent,
  USER_HASH_SALT,
  USER_ID,
} from '../../support/slack.ts';
import { slackStack } from '../../support/slack-stack.ts';

const stack = slackStack();

interface Button {
  action_id: string;
  value: string;
}

/** The buttons of one actions block in a posted message. */
function buttons(blocks: unknown, blockIdPrefix: string): Button[] {
  const list = (blocks ?? []) as { type: string; block_id?: string; elements?: Button[] }[];
  return list.find((b) => b.type === 'actions' && b.block_id?.startsWith(blockIdPrefix))?.elements ?? [];
}

describe('/bidrag', () => {
  it('acknowledges at once and answers privately through the response_url', async () => {
    const response = await stack.send(
      signedCommand({ text: 'Hur mycket avsätts 2019?', response_url: stack.slack.responseUrl('cmd') }),
    );
    expect(response).toEqual({ statusCode: 200, body: '' });
    const [answer, ...more] = stack.slack.callsTo('response_url');
    expect(more).toEqual([]);
    expect(answer?.path).toBe('/response/cmd');
    expect(answer?.args.response_type).toBe('ephemeral');
    expect(answer?.args.text).toContain('1,35 miljarder');
    expect(buttons(answer?.args.blocks, 'feedback')).toHaveLength(2);
    // Nothing is posted publicly.
    expect(stack.slack.callsTo('chat.postMessage')).toEqual([]);
  });

  it('gives help when called with no text', async () => {
    await stack.send(signedCommand({ text: '', response_url: stack.slack.responseUrl() }));
    const [answer] = stack.slack.callsTo('response_url');
    expect(answer?.args.response_type).toBe('ephemeral');
    expect(answer?.args.text).toMatch(/Prova till exempel/);
  });
});

describe('the 👍 / 👎 buttons under an answer', () => {
  it('store the vote against the answer they rate and thank the clicker privately', async () => {
    await stack.send(signedEvent({ text: `<@${BOT_USER_ID}> Vem fördelar pengarna?` }));
    const [answer] = stack.slack.callsTo('chat.postMessage');
    const down = buttons(answer?.args.blocks, 'feedback').find((b) => b.action_id === ACTION.feedbackDown);
    expect(down?.value).toMatch(/^[0-9a-f-]{36}$/);
    const answerId = down?.value ?? '';

    const response = await stack.send(
      signedAction({
        action_id: ACTION.feedbackDown,
        value: answerId,
        response_url: stack.slack.responseUrl('fb'),
      }),
    );
    expect(response.statusCode).toBe(200);
    const votes = await stack.store.feedbackFor(answerId);
    expect(votes).toMatchObject([{ answerId, vote: 'down', userHash: hashUser(USER_ID, USER_HASH_SALT) }]);
    const [thanks, ...more] = stack.slack.callsTo('response_url');
    expect(more).toEqual([]);
    expect(thanks?.path).toBe('/response/fb');
    expect(thanks?.args).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(thanks?.args.text).toMatch(/Tack/);
  });

  it('count one vote per person when clicked twice, the last click winning', async () => {
    const answerId = '00000000-0000-4000-8000-000000000001';
    const url = stack.slack.responseUrl();
    await stack.send(signedAction({ action_id: ACTION.feedbackUp, value: answerId, response_url: url }));
    await stack.send(signedAction({ action_id: ACTION.feedbackDown, value: answerId, response_url: url }));
    expect((await stack.store.feedbackFor(answerId)).map((v) => v.vote)).toEqual(['down']);
  });

  it('ignore a click whose value is not an answer id', async () => {
    const response = await stack.send(
      signedAction({
        action_id: ACTION.feedbackUp,
        value: '<!channel> x'.repeat(20),
        response_url: stack.slack.responseUrl(),
      }),
    );
    expect(response.statusCode).toBe(200);
    expect(stack.slack.calls).toEqual([]);
  });
});

describe('a "did you mean" suggestion button', () => {
  it('answers the suggested question in the thread of the message it sits under', async () => {
    const parent = nextTs();
    const response = await stack.send(
      signedAction({
        action_id: `${ACTION.suggestPrefix}1`,
        block_id: 'suggestions',
        value: 'Kan Malmö söka?',
        message: { ts: nextTs(), thread_ts: parent },
      }),
    );
    expect(response.statusCode).toBe(200);
    const [post, ...more] = stack.slack.callsTo('chat.postMessage');
    expect(more).toEqual([]);
    expect(post?.args).toMatchObject({ channel: CHANNEL_ID, thread_ts: parent });
    expect(post?.args.text).toContain('*Malmö*');
  });

  it('answers at the top of a DM, where the bot answers without threads', async () => {
    await stack.send(
      signedAction({
        action_id: `${ACTION.suggestPrefix}0`,
        block_id: 'suggestions',
        value: 'Kan Malmö söka?',
        channel: DM_CHANNEL_ID,
        message: { ts: nextTs() },
      }),
    );
    const [post] = stack.slack.callsTo('chat.postMessage');
    expect(post?.args.channel).toBe(DM_CHANNEL_ID);
    expect(post?.args.thread_ts).toBeUndefined();
  });

  it('answers privately through the response_url when the suggestion was in a private /bidrag answer', async () => {
    await stack.send(
      signedAction({
        action_id: `${ACTION.suggestPrefix}0`,
        block_id: 'suggestions',
        value: 'Kan Malmö söka?',
        message: undefined,
        response_url: stack.slack.responseUrl('ephemeral'),
      }),
    );
    expect(stack.slack.callsTo('chat.postMessage')).toEqual([]);
    const [reply] = stack.slack.callsTo('response_url');
    expect(reply?.args).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(reply?.args.text).toContain('*Malmö*');
  });
});
