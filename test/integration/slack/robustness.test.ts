import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../functions/render.ts';
import {
  ADMIN_USER_ID,
  apiEvent,
  BOT_TOKEN,
  BOT_USER_ID,
  SIGNING_SECRET,
  signedAction,
  signedCommand,
  signedEvent,
  USER_ID,
} from '../../support/slack.ts';
import { captureLogs, slackStack } from '../../support/slack-stack.ts';

const stack = slackStack();

/** Slack's control syntax that would notify people or link things if it reached a message live. */
const LIVE_MARKUP = /<[!@#]/;

describe('request bodies the way API Gateway delivers them', () => {
  it('keeps å, ä and ö intact in a base64-encoded body (Bolt alone decodes it as ASCII)', async () => {
    const response = await stack.send(
      signedEvent({ text: `<@${BOT_USER_ID}> Kan Borås och Göteborg söka bidraget?` }, { base64: true }),
    );
    expect(response.statusCode).toBe(200);
    const [post] = stack.slack.callsTo('chat.postMessage');
    expect(post?.args.text).toContain('*Borås*');
    expect(post?.args.text).toContain('*Göteborg*');
  });

  it('accepts a form body whose content type names its charset', async () => {
    const response = await stack.send(
      signedCommand(
        { text: 'Kan Malmö söka bidraget?', response_url: stack.slack.responseUrl() },
        { contentType: 'application/x-www-form-urlencoded; charset=UTF-8', base64: true },
      ),
    );
    expect(response.statusCode).toBe(200);
    expect(stack.slack.callsTo('response_url')[0]?.args.text).toContain('*Malmö*');
  });

  it('accepts a button click whose content type names its charset', async () => {
    const response = await stack.send(
      signedAction(
        { action_id: 'suggest_0', block_id: 'suggestions', value: 'Kan Malmö söka?' },
        { contentType: 'application/x-www-form-urlencoded;charset=utf-8' },
      ),
    );
    expect(response.statusCode).toBe(200);
    expect(stack.slack.callsTo('chat.postMessage')).toHaveLength(1);
  });
});

describe('malformed requests', () => {
  const form = 'application/x-www-form-urlencoded';
  it.each([
    ['a body that is not JSON', '{"type": "event_callback", ', 'application/json'],
    ['an empty body', '', 'application/json'],
    ['JSON that is not an object', 'null', 'application/json'],
    ['a JSON array', '[1,2,3]', 'application/json'],
    ['text with no content type', 'hello there', 'text/plain'],
    ['form data whose payload is not JSON', 'payload=%7Bnot-json', form],
    ['form data whose payload is a JSON string', `payload=${encodeURIComponent('"x"')}`, form],
  ])('get a 400, not a 500, for %s, even when signed', async (_name, body, contentType) => {
    const response = await stack.send(apiEvent(body, contentType));
    expect(response.statusCode).toBe(400);
    expect(stack.slack.calls).toEqual([]);
  });

  it('get a 400 for a base64 body that is not UTF-8', async () => {
    const event = apiEvent('x', 'application/json');
    const response = await stack.send({
      ...event,
      body: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]).toString('base64'),
      isBase64Encoded: true,
    });
    expect(response.statusCode).toBe(400);
  });

  it('get a 400 for a request with no headers and no body', async () => {
    const { headers: _headers, body: _body, ...rest } = apiEvent('{}', 'application/json');
    const response = await stack.send({ ...rest, headers: {}, isBase64Encoded: false });
    expect(response.statusCode).toBe(400);
  });
});

describe('requests that Slack did not sign', () => {
  it.each([
    ['a signature made with another secret', { secret: 'not-the-signing-secret' }],
    ['a signature that is not hex', { signature: 'v0=nonsense' }],
    ['no signature at all', { signature: '' }],
    ['a timestamp six minutes old (replay)', { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }],
  ])('get a 401 for %s, and nothing is posted', async (_name, options) => {
    const response = await stack.send(signedEvent({ text: `<@${BOT_USER_ID}> Kan Malmö söka?` }, options));
    expect(response.statusCode).toBe(401);
    expect(stack.slack.calls).toEqual([]);
  });

  it('still answers a request signed four minutes ago (inside the replay window)', async () => {
    const timestamp = Math.floor(Date.now() / 1000) - 4 * 60;
    const response = await stack.send(
      signedEvent({ text: `<@${BOT_USER_ID}> Kan Malmö söka?` }, { timestamp }),
    );
    expect(response.statusCode).toBe(200);
    expect(stack.slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('get a 401 when the body was changed after signing', async () => {
    const event = signedEvent({ text: `<@${BOT_USER_ID}> Kan Malmö söka?` });
    const tampered = { ...event, body: (event.body ?? '').replace('Malmö', 'Lund') };
    expect((await stack.send(tampered)).statusCode).toBe(401);
  });
});

describe('a 100 KB message', () => {
  it('is answered once, quickly, with a reply inside Slack limits', async () => {
    const text = `Kan Malmö söka bidraget? ${'å'.repeat(50_000)} ${'<!channel> '.repeat(4_500)}`;
    expect(Buffer.byteLength(text)).toBeGreaterThan(100_000);
    const started = performance.now();
    const response = await stack.send(signedEvent({ type: 'message', text }));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(response.statusCode).toBe(200);
    const [post, ...more] = stack.slack.callsTo('chat.postMessage');
    expect(more).toEqual([]);
    const blocks = post?.args.blocks as { text?: { text: string } }[];
    expect(blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
    for (const block of blocks) expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.sectionText);
    expect(String(post?.args.text).length).toBeLessThanOrEqual(LIMITS.fallbackText);
    expect(JSON.stringify(post?.args)).not.toMatch(LIVE_MARKUP);
  });
});

describe('mentions and broadcasts typed into a question', () => {
  const injection =
    '<!channel> <!here> <!everyone> <@U0VICTIM01> <#C0SECRET01|secret> <!subteam^S0TEAM01> @channel vad kostar en glass?';

  it('never reach a reply as live markup', async () => {
    await stack.send(signedEvent({ text: `<@${BOT_USER_ID}> ${injection}` }));
    await stack.send(signedEvent({ type: 'message', text: `Kan <!here>Söder söka? ${injection}` }));
    await stack.send(signedCommand({ text: injection, response_url: stack.slack.responseUrl() }));
    const replies = [
      ...stack.slack.callsTo('chat.postMessage').map((c) => c.args),
      ...stack.slack.callsTo('response_url').map((c) => c.args),
    ];
    expect(replies).toHaveLength(3);
    for (const reply of replies) {
      expect(JSON.stringify(reply)).not.toMatch(LIVE_MARKUP);
      expect(JSON.stringify(reply)).not.toMatch(/(^|[^\u2060])@channel/);
    }
  });

  it("never reach an admin's App Home live, where unanswered questions are shown", async () => {
    await stack.send(signedEvent({ type: 'message', text: injection }));
    await stack.send(signedEvent({ type: 'app_home_opened', tab: 'home', user: ADMIN_USER_ID }));
    const [publish] = stack.slack.callsTo('views.publish');
    const view = JSON.stringify(publish?.args.view);
    // The question is there, its mentions replaced before it was stored…
    expect(view).toContain('[omnämnande] [omnämnande] [omnämnande] [användare] [kanal]');
    expect(view).toContain('vad kostar en glass?');
    // …and nothing in it is markup Slack would act on (the typed "@channel" is defused on display).
    expect(view).not.toMatch(LIVE_MARKUP);
    expect(view).not.toMatch(/(^|[^\u2060])@channel/);
  });
});

describe('the logs', () => {
  it('carry the Lambda request id and whether it was a cold start on every line (logger.addContext)', async () => {
    const logged = await captureLogs('INFO', async () => {
      await stack.send(signedEvent({ text: `<@${BOT_USER_ID}> Kan Malmö söka?` }));
    });
    const lines = logged
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).toMatchObject({ function_request_id: 'test-request', cold_start: expect.any(Boolean) });
    }
  });

  it('hold neither the bot token, the signing secret nor the raw user id', async () => {
    const logged = await captureLogs('DEBUG', async () => {
      await stack.send(signedEvent({ text: `<@${BOT_USER_ID}> Kan Malmö söka?` }));
      await stack.send(signedEvent({ text: 'x' }, { secret: 'wrong' }));
      await stack.send(apiEvent('{not json', 'application/json'));
    });
    expect(logged).toContain('Answering');
    expect(logged).not.toContain(BOT_TOKEN);
    expect(logged).not.toContain(SIGNING_SECRET);
    expect(logged).not.toContain(USER_ID);
  });
});
