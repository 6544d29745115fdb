// The EMF metrics as CloudWatch would read them from each function's stdout, through the real ack, the
// real worker (Bolt, dynalite) and the loopback Slack stand-in. The ack publishes its latency; the
// worker publishes what happened to the question. One refused post shows the answer's count and the
// post failure in the same line.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BOT_USER_ID, nextTs, signedEvent } from '../../support/slack.ts';
import { slackStack } from '../../support/slack-stack.ts';

// The suite turns metrics off (vitest.config.ts); this file is about them. Hoisted: before the import
// of the handlers, whose metrics read the variable once.
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

const stack = slackStack();

/** Sends one request through the ack and the worker; returns the EMF lines each function printed. */
async function metricsOf(event: Parameters<typeof stack.send>[0]): Promise<{ ack: Emf[]; worker: Emf[] }> {
  const lines: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    await stack.send(event);
  } finally {
    spy.mockRestore();
  }
  const emf = lines
    .flatMap((chunk) => chunk.split('\n'))
    .filter((line) => line.includes('"_aws"'))
    .map((line) => JSON.parse(line) as Emf);
  // The ack publishes AckLatency and nothing else; everything else is the worker's.
  return { ack: emf.filter((e) => 'AckLatency' in e), worker: emf.filter((e) => !('AckLatency' in e)) };
}

describe('metrics (EMF on stdout)', () => {
  beforeEach(() => {
    // Slack refuses the reply for good (the apology after it goes through).
    stack.slack.inject('chat.postMessage', { kind: 'okFalse', error: 'channel_not_found' }, 1);
  });

  it('publish one line per invocation: the ack its latency, the worker the outcome and the failed post', async () => {
    const { ack, worker } = await metricsOf(signedEvent({ text: `<@${BOT_USER_ID}> Kan Malmö söka?` }));
    expect(ack).toHaveLength(1);
    expect(worker).toHaveLength(1);
    for (const line of [...ack, ...worker]) {
      const directive = line._aws.CloudWatchMetrics[0];
      expect(directive?.Namespace).toBe('bidrag-bot');
      expect(directive?.Dimensions).toEqual([['service']]);
      expect(line.service).toBe('bidrag-bot');
    }
    expect(ack[0]?.AckLatency).toEqual(expect.any(Number));
    expect(ack[0]?._aws.CloudWatchMetrics[0]?.Metrics).toEqual([
      { Name: 'AckLatency', Unit: 'Milliseconds' },
    ]);
    expect(worker[0]).toMatchObject({ Answered: 1, PostFailure: 1 });
    expect(worker[0]?._aws.CloudWatchMetrics[0]?.Metrics).toEqual(
      expect.arrayContaining([
        { Name: 'Answered', Unit: 'Count' },
        { Name: 'PostFailure', Unit: 'Count' },
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
    stack.slack.reset();
    const first = await metricsOf(question);
    expect(first.worker[0]).toMatchObject({ FollowUp: 1 });
    const retry = await metricsOf(question);
    expect(retry.worker[0]).toMatchObject({ ClaimConflict: 1 });
    expect(retry.worker[0]).not.toHaveProperty('Answered');
    expect(retry.ack[0]?.AckLatency).toEqual(expect.any(Number));
  });
});
