import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handler } from '../../../functions/slack.ts';
import { handler as worker } from '../../../functions/worker.ts';
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
import { captureLogs } from '../../support/slack-stack.ts';

describe('a cold start with a variable missing', () => {
  let slack: FakeSlack;
  let lambda: LoopbackLambda;
  let env: Record<string, string>;
  beforeAll(async () => {
    const [fake, table] = await Promise.all([startFakeSlack(), freshTable('slack-cold')]);
    slack = fake;
    lambda = await startLoopbackLambda({ [WORKER_FUNCTION_NAME]: (item) => worker(item, lambdaContext()) });
    env = slackEnv(slack.apiUrl, table.tableName, table.endpoint, lambda.endpoint);
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
    vi.stubEnv('SLACK_SIGNING_SECRET', undefined);
    vi.stubEnv('SLACK_SIGNING_SECRET_PARAM', undefined);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await slack.close();
    await lambda.close();
  });

  it('answers 500 and logs which variable is missing and where to get it, without crashing', async () => {
    const logged = await captureLogs('INFO', async () => {
      const response = await handler(
        signedEvent({ text: `<@${BOT_USER_ID}> Kan Malmö söka?` }),
        lambdaContext(),
      );
      expect(response).toEqual({ statusCode: 500, body: 'Not configured' });
    });
    expect(logged).toContain('ConfigError');
    expect(logged).toContain('SLACK_SIGNING_SECRET is not set');
    expect(logged).toContain('Signing Secret');
    expect(slack.calls).toEqual([]);
  });

  it('does not keep the failure: once the variable is there, the next request is answered', async () => {
    vi.stubEnv('SLACK_SIGNING_SECRET', env.SLACK_SIGNING_SECRET);
    const response = await handler(
      signedEvent({ text: `<@${BOT_USER_ID}> Kan Malmö söka?` }),
      lambdaContext(),
    );
    expect(response.statusCode).toBe(200);
    await lambda.idle();
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
  });
});
