// The EMF metrics as CloudWatch would read them from the function's stdout, through the real handler,
// Bolt and dynalite. Slack here is a loopback server that refuses every post (ok: false), so one
// request shows both the answer's count and the post failure.
import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { logger } from '../../../functions/logger.ts';
import { handler } from '../../../functions/slack.ts';
import { freshTable } from '../../support/dynamo.ts';
import { listen } from '../../support/net.ts';
import { BOT_USER_ID, lambdaContext, nextTs, signedEvent, slackEnv } from '../../support/slack.ts';

// The suite turns metrics off (vitest.config.ts); this file is about them. Hoisted: before the import
// of the handler, whose metrics read the variable once.
vi.hoisted(() => {
  process.env.POWERTOOLS_METRICS_DISABLED = 'false';
});

interface Emf {
  _aws: {
    CloudWatchMetrics: {
      Namespace: string;
      Dimensions: string[][];
      Metrics: { Name: string; Unit: string }[];
    }[];
  };
  service: string;
  [metric: string]: unknown;
}

const refusing = createServer((req, res) => {
  req.resume();
  res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":false,"error":"channel_not_found"}');
});

beforeAll(async () => {
  const [port, table] = await Promise.all([listen(refusing), freshTable('metrics')]);
  for (const [name, value] of Object.entries(
    slackEnv(`http://127.0.0.1:${port}/api/`, table.tableName, table.endpoint),
  )) {
    vi.stubEnv(name, value);
  }
  logger.setLogLevel('SILENT');
});

afterAll(async () => {
  vi.unstubAllEnvs();
  refusing.closeAllConnections();
  await new Promise((resolve) => refusing.close(resolve));
});

/** Sends one request and returns the EMF lines it printed. */
async function metricsOf(event: Parameters<typeof handler>[0]): Promise<Emf[]> {
  const lines: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    await handler(event, lambdaContext());
  } finally {
    spy.mockRestore();
  }
  return lines
    .flatMap((chunk) => chunk.split('\n'))
    .filter((line) => line.includes('"_aws"'))
    .map((line) => JSON.parse(line) as Emf);
}

describe('metrics (EMF on stdout)', () => {
  it('publish one line per request: the outcome, the failed post and the ack latency', async () => {
    const emf = await metricsOf(signedEvent({ text: `<@${BOT_USER_ID}> Kan Malmö söka?` }));
    expect(emf).toHaveLength(1);
    const [line] = emf;
    const directive = line?._aws.CloudWatchMetrics[0];
    expect(directive?.Namespace).toBe('bidrag-bot');
    expect(directive?.Dimensions).toEqual([['service']]);
    expect(line?.service).toBe('bidrag-bot');
    expect(line).toMatchObject({ Answered: 1, PostFailure: 1 });
    expect(line?.AckLatency).toEqual(expect.any(Number));
    expect(directive?.Metrics).toEqual(
      expect.arrayContaining([
        { Name: 'Answered', Unit: 'Count' },
        { Name: 'PostFailure', Unit: 'Count' },
        { Name: 'AckLatency', Unit: 'Milliseconds' },
      ]),
    );
  });

  it('count a follow-up in a thread, and a retry of the same message as a claim conflict', async () => {
    const ts = nextTs();
    const question = signedEvent({
      text: `<@${BOT_USER_ID}> Och Göteborg?`,
      ts,
      thread_ts: '1700000000.000001',
    });
    const [first] = await metricsOf(question);
    expect(first).toMatchObject({ FollowUp: 1 });
    const [retry] = await metricsOf(question);
    expect(retry).toMatchObject({ ClaimConflict: 1 });
    expect(retry).not.toHaveProperty('Answered');
  });
});
