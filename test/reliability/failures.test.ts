// What a lost or maybe-lost reply leaves behind: the undelivered record, the metrics (EMF, as CloudWatch
// reads them) and the alarm, through the real ack and worker and the loopback Slack stand-in.
// Regressions: on 56aae90 the record's reason was the same for every Slack error, PostFailure was
// counted twice per lost reply (reply + apology), the apology was tried where it could not arrive, and a
// reply whose post broke mid-answer was counted as answered with no metric and no alarm.
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BOT_USER_ID, nextTs, signedEvent } from '../support/slack.ts';
import { captureLogs, slackStack } from '../support/slack-stack.ts';

// The suite turns metrics off (vitest.config.ts); this file reads them. Hoisted: before the handlers'
// import, whose metrics read the variable once.
vi.hoisted(() => {
  process.env.POWERTOOLS_METRICS_DISABLED = 'false';
});

const stack = slackStack();
const mention = (text: string) => signedEvent({ text: `<@${BOT_USER_ID}> ${text}`, ts: nextTs() });

/** Sends one mention through; returns the worker's EMF line and every log line. */
async function run(text: string): Promise<{ metrics: Record<string, unknown>; logged: string }> {
  const logged = await captureLogs('INFO', async () => {
    await stack.send(mention(text));
  });
  const emf = logged
    .split('\n')
    .filter((line) => line.includes('"_aws"') && !line.includes('AckLatency'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(emf, logged).toHaveLength(1);
  return { metrics: emf[0] ?? {}, logged };
}

describe('a reply Slack refuses for good', () => {
  it.each([['channel_not_found'], ['not_in_channel'], ['invalid_auth']])(
    '%s: named in the record, counted once, and no apology where it cannot arrive',
    async (error) => {
      stack.slack.inject('chat.postMessage', { kind: 'okFalse', error });
      const { metrics, logged } = await run('Kan Malmö söka?');
      expect(stack.slack.attemptsAt('chat.postMessage')).toHaveLength(1);
      expect(metrics.PostFailure).toBe(1);
      expect(logged).toContain(`"reason":"${error} after 1 attempt(s)"`);
      expect(logged).toContain('"apologised":false');
    },
  );

  it('msg_too_long: named, counted once, and the short apology does arrive', async () => {
    stack.slack.inject('chat.postMessage', { kind: 'okFalse', error: 'msg_too_long' });
    const { metrics, logged } = await run('Vem fördelar pengarna?');
    expect(stack.slack.callsTo('chat.postMessage').map((call) => String(call.args.text))).toEqual([
      expect.stringMatching(/Förlåt/),
    ]);
    expect(metrics.PostFailure).toBe(1);
    expect(logged).toContain('"reason":"msg_too_long after 1 attempt(s)"');
    expect(logged).toContain('"apologised":true');
  });
});

describe('a reply whose post broke mid-answer (outcome unknown)', () => {
  it('is not repeated, and is counted as PostUnknown', async () => {
    stack.slack.inject('chat.postMessage', { kind: 'cutOff' });
    const { metrics } = await run('Hur mycket avsätts 2019?');
    expect(stack.slack.attemptsAt('chat.postMessage')).toHaveLength(1);
    expect(metrics.PostUnknown).toBe(1);
    expect(metrics.PostFailure).toBeUndefined();
  });
});

describe('the PostUnknown alarm and dashboard (infra/alarms.cjs, as osls resolves it)', () => {
  let resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
  beforeAll(async () => {
    const alarms = createRequire(import.meta.url)('../../infra/alarms.cjs') as (resolver: {
      resolveVariable: (name: string) => Promise<unknown>;
    }) => Promise<{ Resources: typeof resources }>;
    const values: Record<string, unknown> = {
      'self:service': 'bidrag-bot',
      'sls:stage': 'test',
      'self:functions': { worker: { handler: 'functions/worker.handler' } },
      'self:custom.alarms': {},
    };
    ({ Resources: resources } = await alarms({ resolveVariable: async (name) => values[name] }));
  });

  it('alarms on PostUnknown as a share of the replies, and notifies the topic', () => {
    const alarm = Object.values(resources).find(
      (r) =>
        r.Type === 'AWS::CloudWatch::Alarm' &&
        JSON.stringify(r.Properties.Metrics ?? null).includes('"PostUnknown"'),
    );
    expect(alarm?.Properties.AlarmActions).toEqual([{ Ref: 'AlarmTopic' }]);
    const metrics = alarm?.Properties.Metrics as { Expression?: string; ReturnData?: boolean }[];
    expect(metrics.find((m) => m.ReturnData)?.Expression).toMatch(/unknown.*\/.*r0/);
  });

  it('shows PostUnknown on the dashboard', () => {
    expect(JSON.stringify(resources.Dashboard?.Properties)).toContain('PostUnknown');
  });
});
