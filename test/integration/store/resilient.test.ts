import { createServer, type Socket } from 'node:net';
import { Logger } from '@aws-lambda-powertools/logger';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDynamoStore, DynamoStore } from '../../../functions/store/dynamo.ts';
import { emptyStats, resilient, type StoreLogger } from '../../../functions/store/resilient.ts';
import type { Store } from '../../../functions/store/store.ts';
import { freshTable, TEST_CREDENTIALS } from '../../support/dynamo.ts';
import { closedPort, listen } from '../../support/net.ts';
import { feedbackRecord, questionRecord } from '../../support/records.ts';

/** A logger that keeps what it was told, so tests can read the error lines. */
function recordingLogger() {
  const errors: { msg: string; extra?: Record<string, unknown> }[] = [];
  const logger: StoreLogger = { error: (msg, extra) => errors.push({ msg, extra }) };
  return { logger, errors };
}

/** The metrics port, keeping the names counted. */
function recordingMetrics() {
  const counted: string[] = [];
  return { counted, metrics: { count: (name: string) => counted.push(name) } };
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await run();
  return { value, ms: performance.now() - started };
}

const storeAt = (endpoint: string) =>
  createDynamoStore({ tableName: 'unreachable', endpoint, credentials: TEST_CREDENTIALS });

describe('resilient store in front of a DynamoDB on a closed port', () => {
  let endpoint: string;
  beforeAll(async () => {
    endpoint = `http://127.0.0.1:${await closedPort()}`;
  });

  it('lets the bot reply (claim = true) within 1 s and logs an error', async () => {
    const { logger, errors } = recordingLogger();
    const store = resilient(storeAt(endpoint), { logger });
    const { value, ms } = await timed(() => store.claim('C1', '1700000000.000100'));
    expect(value).toBe(true);
    expect(ms).toBeLessThan(1_000);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.extra).toMatchObject({ op: 'claim' });
  });

  it('swallows log and feedback writes without putting question text or user hashes in the log', async () => {
    const { logger, errors } = recordingLogger();
    const store = resilient(storeAt(endpoint), { logger });
    const question = questionRecord({ question: 'Får Malmö pengar?', userHash: 'hash-of-someone' });
    await expect(store.logQuestion(question)).resolves.toBeUndefined();
    await expect(
      store.recordFeedback(feedbackRecord({ userHash: 'hash-of-someone' })),
    ).resolves.toBeUndefined();
    expect(errors.map((w) => w.extra?.op)).toEqual(['logQuestion', 'recordFeedback']);
    const logged = JSON.stringify(errors);
    expect(logged).not.toContain('Malmö');
    expect(logged).not.toContain('hash-of-someone');
  });

  it('answers stats with zeros marked unavailable', async () => {
    const { logger } = recordingLogger();
    const stats = await resilient(storeAt(endpoint), { logger }).stats();
    expect(stats).toEqual({ total: 0, answered: 0, byIntent: {}, latestUnanswered: [], unavailable: true });
  });
});

describe('resilient store in front of a DynamoDB that accepts connections and never answers', () => {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  let endpoint: string;
  beforeAll(async () => {
    endpoint = `http://127.0.0.1:${await listen(server)}`;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  it('cuts each call at the timeout and says so in the error line', async () => {
    const { logger, errors } = recordingLogger();
    const store = resilient(storeAt(endpoint), { timeoutMs: 300, logger });
    const { value, ms } = await timed(() => store.claim('C1', '1700000000.000100'));
    expect(value).toBe(true);
    expect(ms).toBeGreaterThanOrEqual(290);
    expect(ms).toBeLessThan(800);
    expect(errors[0]?.extra).toMatchObject({ op: 'claim', reason: 'timeout', timeoutMs: 300 });
  });

  it('aborts the request at the cap (the socket is closed), instead of leaving it running', async () => {
    // A black hole of its own: the other tests' requests (and the SDK's retries of them) use the shared one.
    const opened: Socket[] = [];
    const closed: Socket[] = [];
    const own = createServer((socket) => {
      opened.push(socket);
      // Read (and drop) the request: a paused socket would never see the client's FIN, aborted or not.
      socket.resume();
      socket.on('close', () => closed.push(socket));
    });
    const port = await listen(own);
    try {
      const { logger } = recordingLogger();
      // One attempt, and an SDK timeout far beyond the cap: only the abort can close this socket.
      const store = resilient(
        createDynamoStore({
          tableName: 'black-hole',
          endpoint: `http://127.0.0.1:${port}`,
          credentials: TEST_CREDENTIALS,
          maxAttempts: 1,
          requestTimeoutMs: 10_000,
        }),
        // Long enough for a cold client to connect and send on a busy machine.
        { timeoutMs: 400, logger },
      );
      await store.recordFeedback(feedbackRecord());
      expect(opened).toHaveLength(1);
      await vi.waitFor(() => expect(closed).toHaveLength(1), { timeout: 500 });
    } finally {
      for (const socket of opened) socket.destroy();
      await new Promise((resolve) => own.close(resolve));
    }
  });

  it('counts every failure as StoreFailure, and a lost question-log write as QuestionLogFailure too', async () => {
    const { logger } = recordingLogger();
    const { metrics, counted } = recordingMetrics();
    const store = resilient(storeAt(endpoint), { timeoutMs: 50, logger, metrics });
    await store.claim('C1', '1700000000.000300');
    await store.logQuestion(questionRecord());
    expect(counted).toEqual(['StoreFailure', 'StoreFailure', 'QuestionLogFailure']);
  });

  it('gives claim its own, longer cap when one is set, and keeps the others short', async () => {
    const { logger } = recordingLogger();
    const store = resilient(storeAt(endpoint), { timeoutMs: 100, claimTimeoutMs: 400, logger });
    const claim = await timed(() => store.claim('C1', '1700000000.000200'));
    expect(claim.value).toBe(true);
    expect(claim.ms).toBeGreaterThanOrEqual(390);
    const log = await timed(() => store.logQuestion(questionRecord()));
    expect(log.ms).toBeLessThan(390);
  });

  it('gives stats their own, longer cap when one is set', async () => {
    const { logger, errors } = recordingLogger();
    const store = resilient(storeAt(endpoint), { timeoutMs: 100, statsTimeoutMs: 400, logger });
    const { value, ms } = await timed(() => store.stats());
    expect(value.unavailable).toBe(true);
    expect(ms).toBeGreaterThanOrEqual(390);
    expect(errors[0]?.extra).toMatchObject({ op: 'stats', reason: 'timeout', timeoutMs: 400 });
  });
});

describe('resilient store in front of a store that throws before returning a promise', () => {
  it('still falls back and logs it, so a bug in an adapter cannot break the reply', async () => {
    const { logger, errors } = recordingLogger();
    const broken: Store = {
      claim: () => {
        throw new TypeError('boom');
      },
      markPosted: async () => undefined,
      markDeferred: async () => undefined,
      release: async () => undefined,
      getContext: async () => null,
      putContext: async () => undefined,
      logQuestion: async () => undefined,
      recordFeedback: async () => undefined,
      stats: async () => emptyStats(),
    };
    expect(await resilient(broken, { logger }).claim('C1', '1.0')).toBe(true);
    expect(errors[0]?.extra).toMatchObject({ op: 'claim', reason: 'error', error: 'TypeError' });
  });
});

describe('resilient store in front of a healthy DynamoDB', () => {
  it('passes answers through unchanged, so a second delivery of a message is still refused', async () => {
    const { docClient, tableName } = await freshTable('resilient');
    const { logger, errors } = recordingLogger();
    const store = resilient(new DynamoStore(docClient, tableName), { logger });
    expect(await store.claim('C1', '1700000000.000100')).toBe(true);
    expect(await store.claim('C1', '1700000000.000100')).toBe(false);
    await store.logQuestion(questionRecord({ answered: false, question: 'Hur söker man?' }));
    expect((await store.stats()).latestUnanswered.map((q) => q.question)).toEqual(['Hur söker man?']);
    expect(errors).toEqual([]);
  });

  it('turns a DynamoDB error (here a missing table) into an error line naming the error', async () => {
    const { endpoint } = await freshTable('resilient');
    const { logger, errors } = recordingLogger();
    const store = resilient(createDynamoStore({ tableName: 'no-such-table', endpoint }), { logger });
    await expect(store.logQuestion(questionRecord())).resolves.toBeUndefined();
    expect(errors[0]?.extra).toMatchObject({
      op: 'logQuestion',
      reason: 'error',
      error: 'ResourceNotFoundException',
    });
  });

  it('accepts the Powertools logger (checked by tsc) and logs at ERROR through it', async () => {
    const lines: string[] = [];
    const powertools = new Logger({ serviceName: 'test' });
    // Powertools writes errors to stderr through its own Console; catch the JSON line instead of printing it.
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    const logger: StoreLogger = powertools;
    const { endpoint } = await freshTable('resilient');
    await resilient(createDynamoStore({ tableName: 'no-such-table', endpoint }), { logger }).claim(
      'C1',
      '1.0',
    );
    spy.mockRestore();
    expect(lines.map((line) => JSON.parse(line))).toMatchObject([
      { level: 'ERROR', op: 'claim', reason: 'error' },
    ]);
  });
});
