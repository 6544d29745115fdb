/**
 * `npm run dev`'s environment: mistakes stop it with one line and no serverless-offline dump, and
 * DYNAMODB_ENDPOINT points the whole stack at another store instead of starting dynalite.
 */
import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { createDynamoClient, DynamoStore, documentClient } from '../../functions/store/dynamo.ts';
import { postSigned, startDevStack } from '../support/dev-stack.ts';
import { TEST_CREDENTIALS, TEST_REGION } from '../support/dynamo.ts';
import { closedPort, listen } from '../support/net.ts';
import { signedCommand } from '../support/slack.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const SECRET = 'e2e-options-signing-secret';

/**
 * Runs `npm run dev` with these variables, to its exit (it should stop at once on bad input). Its own
 * ports are free ones unless the test names them: a default port (3000) in use elsewhere must not matter.
 */
async function devFails(env: Record<string, string | undefined>) {
  const ports = { PORT: String(await closedPort()), SLACK_STAND_IN_PORT: String(await closedPort()) };
  try {
    await promisify(execFile)('npm', ['run', '--silent', 'dev'], {
      cwd: ROOT,
      env: { ...process.env, DYNAMODB_ENDPOINT: undefined, DYNALITE_PORT: undefined, ...ports, ...env },
      timeout: 30_000,
    });
    return { code: 0, stdout: '', stderr: '' };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('npm run dev, with a mistake in its environment', () => {
  it.each(['PORT', 'LAMBDA_PORT', 'DYNALITE_PORT', 'SLACK_STAND_IN_PORT'])(
    'says in one line that the port %s names is taken, before serverless-offline starts',
    async (variable) => {
      const taken = createServer();
      const port = await listen(taken);
      try {
        const { code, stdout, stderr } = await devFails({ [variable]: String(port) });
        expect(code).toBe(1);
        expect(stdout).toBe('');
        expect(stderr.trim().split('\n')).toEqual([
          `Port ${port} on 127.0.0.1 is in use (another \`npm run dev\`?). Stop what listens there, or choose another port: ${variable}=${port + 1} npm run dev`,
        ]);
      } finally {
        await new Promise((resolve) => taken.close(resolve));
      }
    },
  );

  it.each([
    [{ DYNAMODB_ENDPOINT: '127.0.0.1:8000' }, 'DYNAMODB_ENDPOINT must be an http(s) URL'],
    [{ PORT: 'eighty' }, 'PORT must be a TCP port number'],
    [{ DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000', DYNALITE_PORT: '8001' }, 'both set'],
  ])('rejects %o in one line without a stack trace', async (env, message) => {
    const { code, stderr } = await devFails(env);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(message);
  });
});

describe('npm run dev with DYNAMODB_ENDPOINT', () => {
  it('keeps its table and question log in that store and starts no dynalite', async () => {
    const endpoint = inject('dynamoEndpoint');
    const port = await closedPort();
    const dev = await startDevStack({
      PORT: String(port),
      DYNAMODB_ENDPOINT: endpoint,
      DYNALITE_PORT: undefined,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: `http://127.0.0.1:${await closedPort()}/api/`,
    });
    try {
      const output = dev.output();
      expect(output).toContain(`DynamoDB: DYNAMODB_ENDPOINT ${endpoint}, table bidrag-bot-dev`);
      expect(output).not.toContain('dynalite in memory');
      expect(output).toContain(`TABLE_NAME=bidrag-bot-dev DYNAMODB_ENDPOINT=${endpoint} npm run report`);

      const request = signedCommand(
        { text: 'Kan Malmö söka bidraget?', response_url: `http://127.0.0.1:${await closedPort()}/response` },
        { secret: SECRET },
      );
      const response = await postSigned(port, request);
      expect(response.status).toBe(200);
      // The ack's 200 comes first; the worker, invoked asynchronously, logs the question just after.
      const client = createDynamoClient({ endpoint, region: TEST_REGION, credentials: TEST_CREDENTIALS });
      const store = new DynamoStore(documentClient(client), 'bidrag-bot-dev');
      let total = 0;
      for (let waited = 0; total === 0 && waited < 20_000; waited += 100) {
        total = (await store.stats()).total;
        if (total === 0) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      client.destroy();
      expect(total).toBeGreaterThanOrEqual(1);
    } finally {
      await dev.stop();
    }
  }, 120_000);
});
