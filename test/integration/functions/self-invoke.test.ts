import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handOver } from '../../../functions/handover.ts';
import { logger } from '../../../functions/logger.ts';
import { HandOverError } from '../../../functions/request.ts';
import { handler } from '../../../functions/slack.ts';
import { freshTable } from '../../support/dynamo.ts';
import { type FakeSlack, startFakeSlack } from '../../support/fake-slack.ts';
import { type LoopbackLambda, startLoopbackLambda } from '../../support/lambda-invoke.ts';
import {
  BOT_USER_ID,
  lambdaContext,
  signedEvent,
  slackEnv,
  WORKER_FUNCTION_NAME,
} from '../../support/slack.ts';

describe('one function in both roles (the lazy listener invoking itself)', () => {
  let slack: FakeSlack;
  let lambda: LoopbackLambda;
  beforeAll(async () => {
    const [fake, table] = await Promise.all([startFakeSlack(), freshTable('self-invoke')]);
    slack = fake;
    // The Lambda API runs the very handler Slack's request reached, as Lambda runs the function's
    // Invoke of itself: no separate worker entry.
    lambda = await startLoopbackLambda({
      [WORKER_FUNCTION_NAME]: (payload) => handler(payload, lambdaContext()),
    });
    for (const [name, value] of Object.entries(
      slackEnv(slack.apiUrl, table.tableName, table.endpoint, lambda.endpoint),
    )) {
      vi.stubEnv(name, value);
    }
    logger.setLogLevel('SILENT');
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await slack.close();
    await lambda.close();
  });

  it('acks a mention, hands it to itself, and that Invoke posts the reply once', async () => {
    const response = await handler(
      signedEvent({ text: `<@${BOT_USER_ID}> Kan Malmö söka bidraget?` }),
      lambdaContext(),
    );
    expect(response).toEqual({ statusCode: 200, body: '' });
    await lambda.idle();
    expect(lambda.invocations).toEqual([
      expect.objectContaining({ functionName: WORKER_FUNCTION_NAME, type: 'Event' }),
    ]);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('gives an Invoke payload that carries no Slack payload to the worker, which logs it and never throws', async () => {
    slack.reset();
    await expect(handler({ hello: 'world' }, lambdaContext())).resolves.toBeUndefined();
    expect(slack.calls).toEqual([]);
  });
});

describe('the hand-over (an asynchronous Invoke, signed by hand)', () => {
  const item = { body: { type: 'event_callback' }, receivedAt: 0 };
  const worker = (endpoint: string) => ({
    functionName: 'bidrag-bot-test-slack',
    endpoint,
    region: 'eu-north-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });

  /** A Lambda API stand-in that answers each Invoke with `answer` (or never), counting them. */
  async function lambdaApi(answer: ((req: IncomingMessage) => number) | 'never') {
    const seen: IncomingMessage[] = [];
    const server = createServer((req, res) => {
      seen.push(req);
      req.resume();
      if (answer !== 'never') res.writeHead(answer(req)).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return {
      endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      seen,
      close: () => {
        server.closeAllConnections();
        return new Promise((resolve) => server.close(resolve));
      },
    };
  }

  it('sends one signed Event invocation to the function by name', async () => {
    const api = await lambdaApi(() => 202);
    await handOver(worker(api.endpoint), item);
    expect(api.seen).toHaveLength(1);
    const [req] = api.seen;
    expect(req?.url).toBe('/2015-03-31/functions/bidrag-bot-test-slack/invocations');
    expect(req?.headers['x-amz-invocation-type']).toBe('Event');
    expect(req?.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=test\/\d{8}\/eu-north-1\/lambda\//,
    );
    await api.close();
  });

  it('never repeats an Invoke whose outcome is unknown (no answer in time): one request, then HandOverError', async () => {
    const api = await lambdaApi('never');
    const started = performance.now();
    await expect(handOver(worker(api.endpoint), item)).rejects.toBeInstanceOf(HandOverError);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(api.seen).toHaveLength(1);
    await api.close();
  });

  it('does not repeat a 5xx (it may have been queued), and repeats a 429 once (it was not)', async () => {
    const failing = await lambdaApi(() => 500);
    await expect(handOver(worker(failing.endpoint), item)).rejects.toBeInstanceOf(HandOverError);
    expect(failing.seen).toHaveLength(1);
    await failing.close();
    const throttled = await lambdaApi(() => 429);
    await expect(handOver(worker(throttled.endpoint), item)).rejects.toBeInstanceOf(HandOverError);
    expect(throttled.seen).toHaveLength(2);
    await throttled.close();
  });

  it('says it could not hand over when nothing listens (refused: repeated once, then given up)', async () => {
    const api = await lambdaApi(() => 202);
    const { endpoint } = api;
    await api.close();
    await expect(handOver(worker(endpoint), item)).rejects.toThrow(
      /could not hand the work to bidrag-bot-test-slack/,
    );
  });
});
