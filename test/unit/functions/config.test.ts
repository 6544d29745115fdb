import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  cliStoreSettings,
  cliUserHashSalt,
  loadAckConfig,
  loadConfig,
  parse,
  parseAck,
} from '../../../functions/config.ts';

/** What Lambda's runtime puts in every function's environment, which the ack's Invoke signs with. */
const lambdaRuntime = {
  AWS_REGION: 'eu-north-1',
  AWS_ACCESS_KEY_ID: 'ASIAEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'example-secret',
  AWS_SESSION_TOKEN: 'token',
};

const complete = {
  SLACK_SIGNING_SECRET: 'secret',
  SLACK_BOT_TOKEN: 'xoxb-1-2',
  SLACK_BOT_ID: 'B0BOT1',
  SLACK_BOT_USER_ID: 'U0BOT1',
  TABLE_NAME: 'bidrag-bot-test',
  USER_HASH_SALT: 'salt',
  ...lambdaRuntime,
};

describe('config', () => {
  it('reads a complete environment, with 90 days of question log by default', () => {
    const config = parse(complete);
    expect(config.slack).toMatchObject({ botId: 'B0BOT1', botUserId: 'U0BOT1', apiUrl: undefined });
    expect(config.store).toEqual({
      tableName: 'bidrag-bot-test',
      endpoint: undefined,
      questionLogDays: 90,
      region: 'eu-north-1',
      credentials: { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'example-secret', sessionToken: 'token' },
    });
  });

  it.each([
    ['SLACK_BOT_TOKEN', /OAuth & Permissions.*Bot User OAuth Token/],
    ['SLACK_BOT_ID', /auth\.test/],
    ['SLACK_BOT_USER_ID', /auth\.test/],
    ['TABLE_NAME', /DynamoDB/],
    ['USER_HASH_SALT', /openssl rand/],
  ])('fails with a ConfigError naming %s and where to get it when it is missing', (name, where) => {
    const env: Record<string, string | undefined> = { ...complete, [name]: undefined };
    expect(() => parse(env)).toThrow(ConfigError);
    expect(() => parse(env)).toThrow(new RegExp(`^${name} is not set`));
    expect(() => parse(env)).toThrow(where);
  });

  it('gives the ack function only what it needs: the signing secret, the bot user id and the worker', () => {
    const ack = parseAck({ ...complete, ...lambdaRuntime, WORKER_FUNCTION_NAME: 'bidrag-bot-test-slack' });
    expect(ack).toEqual({
      signingSecret: 'secret',
      botUserId: 'U0BOT1',
      worker: {
        functionName: 'bidrag-bot-test-slack',
        endpoint: undefined,
        region: 'eu-north-1',
        credentials: { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'example-secret', sessionToken: 'token' },
      },
    });
    expect(() =>
      parseAck({ ...complete, SLACK_SIGNING_SECRET: undefined, WORKER_FUNCTION_NAME: 'w' }),
    ).toThrow(/^SLACK_SIGNING_SECRET is not set.*Basic Information.*Signing Secret/);
    expect(() => parseAck(complete)).toThrow(/^WORKER_FUNCTION_NAME is not set/);
  });

  it("signs the ack's Invoke with the role's keys Lambda gives, and names a missing one", () => {
    const env = { ...complete, ...lambdaRuntime, WORKER_FUNCTION_NAME: 'w' };
    expect(() => parseAck({ ...env, AWS_ACCESS_KEY_ID: undefined })).toThrow(
      /^AWS_ACCESS_KEY_ID is not set.*function's role/,
    );
    expect(() => parseAck({ ...env, AWS_REGION: undefined })).toThrow(/^AWS_REGION is not set/);
    // Without a session token (long-lived keys) the request is signed without one.
    expect(
      parseAck({ ...env, AWS_SESSION_TOKEN: undefined }).worker.credentials.sessionToken,
    ).toBeUndefined();
  });

  it('invokes through the endpoint the SDKs would use (AWS_ENDPOINT_URL_LAMBDA, AWS_ENDPOINT_URL), a local one with any keys', () => {
    const env = { ...complete, ...lambdaRuntime, WORKER_FUNCTION_NAME: 'w' };
    expect(parseAck({ ...env, AWS_ENDPOINT_URL: 'https://proxy.example' }).worker.endpoint).toBe(
      'https://proxy.example',
    );
    expect(
      parseAck({
        ...env,
        AWS_ENDPOINT_URL: 'https://a.example',
        AWS_ENDPOINT_URL_LAMBDA: 'https://l.example',
      }).worker.endpoint,
    ).toBe('https://l.example');
    const local = parseAck({
      ...complete,
      WORKER_FUNCTION_NAME: 'w',
      LAMBDA_ENDPOINT: 'http://127.0.0.1:3002',
    });
    expect(local.worker).toMatchObject({ endpoint: 'http://127.0.0.1:3002', region: 'eu-north-1' });
  });

  it('rejects the bot id and the bot user id given the wrong way round', () => {
    expect(() => parse({ ...complete, SLACK_BOT_ID: 'U0BOT1', SLACK_BOT_USER_ID: 'B0BOT1' })).toThrow(
      /SLACK_BOT_ID should look like B/,
    );
  });

  it('rejects a QUESTION_LOG_DAYS that is not a whole number of days, and a relative SLACK_API_URL', () => {
    expect(() => parse({ ...complete, QUESTION_LOG_DAYS: '1.5' })).toThrow(/QUESTION_LOG_DAYS/);
    expect(() => parse({ ...complete, SLACK_API_URL: 'api/' })).toThrow(/SLACK_API_URL/);
    expect(parse({ ...complete, QUESTION_LOG_DAYS: '30' }).store.questionLogDays).toBe(30);
  });

  it('reads the secrets named by *_PARAM from SSM in one call when they are not in the environment', async () => {
    const asked: string[][] = [];
    const config = await loadConfig(
      {
        ...complete,
        SLACK_SIGNING_SECRET: undefined,
        SLACK_BOT_TOKEN: undefined,
        USER_HASH_SALT: undefined,
        SLACK_SIGNING_SECRET_PARAM: '/bidrag-bot/prod/slack-signing-secret',
        SLACK_BOT_TOKEN_PARAM: '/bidrag-bot/prod/slack-bot-token',
        USER_HASH_SALT_PARAM: '/bidrag-bot/prod/user-hash-salt',
      },
      async (names) => {
        asked.push(names);
        return {
          '/bidrag-bot/prod/slack-signing-secret': 'from-ssm-secret',
          '/bidrag-bot/prod/slack-bot-token': 'xoxb-from-ssm',
          '/bidrag-bot/prod/user-hash-salt': 'from-ssm-salt',
        };
      },
    );
    expect(asked).toEqual([['/bidrag-bot/prod/slack-bot-token', '/bidrag-bot/prod/user-hash-salt']]);
    expect(config.slack.botToken).toBe('xoxb-from-ssm');
    expect(config.userHashSalt).toBe('from-ssm-salt');
  });

  it('reads only the signing secret from SSM for the ack function, never the bot token', async () => {
    const asked: string[][] = [];
    const ack = await loadAckConfig(
      {
        ...complete,
        SLACK_SIGNING_SECRET: undefined,
        SLACK_BOT_TOKEN: undefined,
        SLACK_SIGNING_SECRET_PARAM: '/bidrag-bot/prod/slack-signing-secret',
        SLACK_BOT_TOKEN_PARAM: '/bidrag-bot/prod/slack-bot-token',
        WORKER_FUNCTION_NAME: 'bidrag-bot-prod-slack',
        ...lambdaRuntime,
      },
      async (names) => {
        asked.push(names);
        return { '/bidrag-bot/prod/slack-signing-secret': 'from-ssm-secret' };
      },
    );
    expect(asked).toEqual([['/bidrag-bot/prod/slack-signing-secret']]);
    expect(ack.signingSecret).toBe('from-ssm-secret');
  });

  it('does not call SSM when every secret is in the environment', async () => {
    const config = await loadConfig({ ...complete, SLACK_BOT_TOKEN_PARAM: '/x' }, async () => {
      throw new Error('SSM must not be called');
    });
    expect(config.slack.botToken).toBe('xoxb-1-2');
  });

  it('names the parameter when SSM cannot give it, without echoing any secret', async () => {
    const env = {
      ...complete,
      SLACK_BOT_TOKEN: undefined,
      SLACK_BOT_TOKEN_PARAM: '/bidrag-bot/prod/slack-bot-token',
    };
    await expect(loadConfig(env, async () => ({}))).rejects.toThrow(/\/bidrag-bot\/prod\/slack-bot-token/);
    await expect(
      loadConfig(env, async () => {
        throw new Error('AccessDeniedException');
      }),
    ).rejects.toThrow(ConfigError);
  });

  it('keeps the SSM error as the cause, so the log shows why and not only what', async () => {
    const env = { ...complete, SLACK_BOT_TOKEN: undefined, SLACK_BOT_TOKEN_PARAM: '/bidrag-bot/prod/t' };
    const denied = Object.assign(new Error('User is not authorized to perform ssm:GetParameters'), {
      name: 'AccessDeniedException',
    });
    const error = await loadConfig(env, async () => {
      throw denied;
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).cause).toBe(denied);
  });

  it.each([
    ['127.0.0.1:8000', 'no scheme'],
    ['localhost:8000', 'a scheme that is a host name'],
    ['ftp://127.0.0.1:8000', 'not http'],
  ])('rejects DYNAMODB_ENDPOINT=%s (%s) with a ConfigError that shows the right form', (value) => {
    expect(() => parse({ ...complete, DYNAMODB_ENDPOINT: value })).toThrow(ConfigError);
    expect(() => parse({ ...complete, DYNAMODB_ENDPOINT: value })).toThrow(
      `DYNAMODB_ENDPOINT must be an http:// or https:// URL such as http://127.0.0.1:8000, got "${value}".`,
    );
  });

  describe('admins (ADMIN_USER_IDS)', () => {
    it('are nobody unless named', () => {
      expect(parse(complete).adminUserIds.size).toBe(0);
      expect(parse({ ...complete, ADMIN_USER_IDS: 'none' }).adminUserIds.size).toBe(0);
    });

    it('are read as a list of user ids, separated by commas or spaces', () => {
      const { adminUserIds } = parse({ ...complete, ADMIN_USER_IDS: 'U0ADMIN01, W0ADMIN02 U0ADMIN03' });
      expect([...adminUserIds]).toEqual(['U0ADMIN01', 'W0ADMIN02', 'U0ADMIN03']);
    });

    it('reject anything that is not a user id, such as a display name or a channel', () => {
      expect(() => parse({ ...complete, ADMIN_USER_IDS: 'U0ADMIN01,@anna,C0CHANNEL1' })).toThrow(
        /ADMIN_USER_IDS should list U… ids, but has "@anna", "C0CHANNEL1"/,
      );
    });

    it('come from SSM in the same call as the secrets, and a missing parameter means no admin', async () => {
      const env = {
        ...complete,
        USER_HASH_SALT: undefined,
        USER_HASH_SALT_PARAM: '/bidrag-bot/prod/user-hash-salt',
        ADMIN_USER_IDS_PARAM: '/bidrag-bot/prod/admin-user-ids',
      };
      const asked: string[][] = [];
      const withAdmins = await loadConfig(env, async (names) => {
        asked.push(names);
        return { '/bidrag-bot/prod/user-hash-salt': 'salt', '/bidrag-bot/prod/admin-user-ids': 'U0ADMIN01' };
      });
      expect(asked).toEqual([['/bidrag-bot/prod/user-hash-salt', '/bidrag-bot/prod/admin-user-ids']]);
      expect([...withAdmins.adminUserIds]).toEqual(['U0ADMIN01']);
      const without = await loadConfig(env, async () => ({ '/bidrag-bot/prod/user-hash-salt': 'salt' }));
      expect(without.adminUserIds.size).toBe(0);
    });
  });

  describe('for the admin CLI', () => {
    it('reads the table settings, with eu-north-1 unless AWS_REGION says otherwise', () => {
      expect(cliStoreSettings({ TABLE_NAME: 't', DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000' })).toEqual({
        tableName: 't',
        endpoint: 'http://127.0.0.1:8000',
        region: 'eu-north-1',
      });
      expect(cliStoreSettings({ TABLE_NAME: 't', AWS_REGION: 'eu-west-1' }).region).toBe('eu-west-1');
      expect(() => cliStoreSettings({})).toThrow(/TABLE_NAME is not set/);
      expect(() => cliStoreSettings({ TABLE_NAME: 't', DYNAMODB_ENDPOINT: '127.0.0.1:8000' })).toThrow(
        ConfigError,
      );
    });

    it('takes the salt from the environment, or from SSM by USER_HASH_SALT_PARAM', async () => {
      expect(await cliUserHashSalt({ USER_HASH_SALT: 's1' })).toBe('s1');
      expect(
        await cliUserHashSalt({ USER_HASH_SALT_PARAM: '/p' }, async (names) => ({ [names[0] ?? '']: 's2' })),
      ).toBe('s2');
      await expect(cliUserHashSalt({})).rejects.toThrow(/USER_HASH_SALT is not set .*USER_HASH_SALT_PARAM/);
    });
  });
});
