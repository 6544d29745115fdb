// The ack's hand-over to the worker (an asynchronous Invoke) when Lambda's API is slow, and the limits
// on what is handed over, through the real ack and worker on a loopback Lambda API.
// Regressions: on 56aae90 an Invoke that Lambda accepted but answered slowly was sent again (two
// attempts, 1-s timeout), the worker ran twice and, with DynamoDB slow, replied twice; a mention nesting
// 10,000 levels took `npm run dev` down; a 1.5 MB body was handed on whole, over Lambda's 1 MB limit.
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../functions/request.ts';
import { apiEvent, BOT_USER_ID, CHANNEL_ID, nextTs, signedEvent, TEAM_ID } from '../support/slack.ts';
import { slackStack } from '../support/slack-stack.ts';

const stack = slackStack();
/** Slack gives up on a request after this long, and retries it. */
const SLACK_DEADLINE_MS = 3_000;

const mention = (text: string, ts = nextTs()) => signedEvent({ text: `<@${BOT_USER_ID}> ${text}`, ts });

describe('an Invoke that Lambda accepts but answers slowly (2.5 s)', () => {
  it('is sent once; the ack answers 503 inside 3 s, and Slack’s retry gets no second reply', async () => {
    await stack.send(mention('hjälp')); // warm: config and clients
    stack.lambda.invocations.splice(0);
    stack.slack.reset();
    const ts = nextTs();
    stack.lambda.answerSlowly(2_500);
    const started = performance.now();
    const response = await stack.ack(mention('Kan Malmö söka bidraget?', ts));
    expect(performance.now() - started).toBeLessThan(SLACK_DEADLINE_MS);
    expect(response.statusCode).toBe(503);
    expect(stack.lambda.invocations).toHaveLength(1);

    // Slack retries a 5xx; the worker that did get the first one already claimed the message.
    const retry = await stack.send(
      signedEvent({ text: `<@${BOT_USER_ID}> Kan Malmö söka bidraget?`, ts }, { retryNum: 1 }),
    );
    expect(retry.statusCode).toBe(200);
    await stack.lambda.idle();
    expect(stack.slack.callsTo('chat.postMessage')).toHaveLength(1);
  }, 20_000);
});

const eventBody = (event: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ type: 'event_callback', team_id: TEAM_ID, event_id: `Ev${nextTs()}`, event, ...extra });

describe('payload limits', () => {
  it('answers 400 to a mention whose JSON nests 10,000 levels, and stays up', async () => {
    // Written out, not stringified: JSON.stringify itself cannot go that deep.
    const deep = `${'{"d":'.repeat(10_000)}"x"${'}'.repeat(10_000)}`;
    const body = eventBody({
      type: 'app_mention',
      user: 'U0ASKER001',
      text: `<@${BOT_USER_ID}> hej`,
      channel: CHANNEL_ID,
      ts: nextTs(),
    }).replace(/}$/, `,"deep":${deep}}`);
    const response = await stack.send(apiEvent(body, 'application/json'));
    expect(response.statusCode).toBe(400);
    expect(stack.lambda.invocations).toEqual([]);
    expect((await stack.send(mention('Kan Lund söka?'))).statusCode).toBe(200);
  });

  it('answers 400 to a 1.5 MB body, over what Slack sends and what an asynchronous Invoke takes', async () => {
    const body = eventBody({
      type: 'app_mention',
      user: 'U0ASKER001',
      text: `<@${BOT_USER_ID}> ${'a'.repeat(1_500_000)}`,
      channel: CHANNEL_ID,
      ts: nextTs(),
    });
    expect(body.length).toBeGreaterThan(MAX_BODY_BYTES);
    expect((await stack.send(apiEvent(body, 'application/json'))).statusCode).toBe(400);
    expect(stack.lambda.invocations).toEqual([]);
  });

  it('hands the worker only the fields it reads, far under 256 KB, for the largest message Slack sends', async () => {
    stack.lambda.invocations.splice(0);
    // 40,000 characters (Slack's most), four bytes each, in the text and again in rich-text blocks.
    const text = `<@${BOT_USER_ID}> Kan Malmö söka? ${'😀'.repeat(19_990)}`;
    const body = eventBody(
      {
        type: 'app_mention',
        user: 'U0ASKER001',
        text,
        channel: CHANNEL_ID,
        ts: nextTs(),
        blocks: [
          {
            type: 'rich_text',
            elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text }] }],
          },
        ],
      },
      { authorizations: [{ team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true }], token: 'unused' },
    );
    expect((await stack.send(apiEvent(body, 'application/json'))).statusCode).toBe(200);
    const [handed] = stack.lambda.invocations;
    const size = Buffer.byteLength(JSON.stringify(handed?.payload), 'utf8');
    expect(size).toBeLessThan(256 * 1024);
    expect(size).toBeLessThan(Buffer.byteLength(body) / 4);
    expect(JSON.stringify(handed?.payload)).not.toMatch(/"blocks"|"token"/);
    // And the worker still answered it.
    expect(String(stack.slack.callsTo('chat.postMessage')[0]?.args.text)).toContain('Malmö');
  }, 20_000);
});
