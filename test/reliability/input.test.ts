// Signed payloads of the wrong shape, replayed clicks and DMs with attachments, through the real ack
// and worker. Bolt alone answered 500 to the first four and posted three times for the click.
import { describe, expect, it } from 'vitest';
import { ACTION } from '../../functions/render.ts';
import {
  apiEvent,
  BOT_USER_ID,
  CHANNEL_ID,
  DM_CHANNEL_ID,
  nextTs,
  signedAction,
  signedEvent,
  TEAM_ID,
} from '../support/slack.ts';
import { captureLogs, slackStack } from '../support/slack-stack.ts';

const stack = slackStack();

const eventCallback = (event: unknown) =>
  apiEvent(
    JSON.stringify({ type: 'event_callback', team_id: TEAM_ID, event, event_id: `Ev${nextTs()}` }),
    'application/json',
  );
const blockActions = (payload: Record<string, unknown>) =>
  apiEvent(
    new URLSearchParams({ payload: JSON.stringify({ type: 'block_actions', ...payload }) }).toString(),
    'application/x-www-form-urlencoded',
  );
const click = { action_id: 'suggest_0', block_id: 'suggestions', value: 'Kan Malmö söka?', type: 'button' };

describe('signed payloads of the wrong shape', () => {
  it.each([
    ['"event": "app_mention" (a string)', eventCallback('app_mention'), /event is not an object/],
    ['"event": null', eventCallback(null), /event is not an object/],
    ['block_actions without user', blockActions({ actions: [click] }), /user is not an object/],
    [
      'block_actions with "actions": {}',
      blockActions({ user: { id: 'U0X' }, actions: {} }),
      /actions is not a list/,
    ],
    [
      'a mention whose text is a number',
      eventCallback({ type: 'app_mention', user: 'U0ASKER001', text: 42, channel: CHANNEL_ID, ts: nextTs() }),
      /text is not a string/,
    ],
  ])('%s: 400 with the reason logged, nothing posted, never a 500', async (_name, event, reason) => {
    let status: number | undefined;
    const logged = await captureLogs('INFO', async () => {
      status = (await stack.send(event)).statusCode;
    });
    expect(status).toBe(400);
    expect(logged).toMatch(reason);
    expect(stack.slack.calls).toEqual([]);
    expect(stack.lambda.invocations.length).toBe(0);
  });

  it('leaves the bot answering the next question', async () => {
    await stack.send(eventCallback(null));
    await stack.send(blockActions({ user: { id: 'U0X' }, actions: {} }));
    const response = await stack.send(signedEvent({ text: `<@${BOT_USER_ID}> Kan Malmö söka?` }));
    expect(response.statusCode).toBe(200);
    expect(stack.slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('ignores with a 200 what is not for the bot (an unknown event type, an unknown button)', async () => {
    expect((await stack.send(eventCallback({ type: 'reaction_added', user: 'U0X' }))).statusCode).toBe(200);
    expect(
      (await stack.send(blockActions({ user: { id: 'U0X' }, actions: [{ action_id: 'other' }] }))).statusCode,
    ).toBe(200);
    expect(stack.slack.calls).toEqual([]);
  });
});

describe('a click delivered more than once', () => {
  it('posts one answer for a "did you mean" click delivered three times', async () => {
    const message = { ts: nextTs(), thread_ts: nextTs() };
    const delivery = () =>
      signedAction({
        action_id: `${ACTION.suggestPrefix}0`,
        block_id: 'suggestions',
        value: 'Kan Malmö söka?',
        message,
      });
    await Promise.all([stack.send(delivery()), stack.send(delivery())]);
    await stack.send(delivery());
    expect(stack.slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('thanks once for a 👍 delivered three times, and stores one vote', async () => {
    const answerId = '00000000-0000-4000-8000-0000000000aa';
    const message = { ts: nextTs() };
    const url = stack.slack.responseUrl('thanks');
    for (let i = 0; i < 3; i++) {
      await stack.send(
        signedAction({ action_id: ACTION.feedbackUp, value: answerId, response_url: url, message }),
      );
    }
    expect(stack.slack.callsTo('response_url')).toHaveLength(1);
    expect(await stack.store.feedbackFor(answerId)).toHaveLength(1);
  });
});

describe('DMs that are more than text', () => {
  it.each([
    ['a file attached (file_share)', 'file_share'],
    ['a thread reply also sent to the channel (thread_broadcast)', 'thread_broadcast'],
  ])('answers a DM with %s when it carries text', async (_name, subtype) => {
    await stack.send(
      signedEvent({
        type: 'message',
        subtype,
        text: 'Kan Malmö söka bidraget?',
        files: [{ id: 'F0FILE', name: 'x.pdf' }],
      }),
    );
    const [reply, ...more] = stack.slack.callsTo('chat.postMessage');
    expect(more).toEqual([]);
    expect(reply?.args.channel).toBe(DM_CHANNEL_ID);
    expect(String(reply?.args.text)).toContain('Malmö');
  });

  it('ignores a file shared with no text', async () => {
    await stack.send(
      signedEvent({ type: 'message', subtype: 'file_share', text: '', files: [{ id: 'F0FILE' }] }),
    );
    expect(stack.slack.calls).toEqual([]);
  });
});
