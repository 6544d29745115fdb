// Signed Slack requests as API Gateway (HTTP API, payload v2) events, built the way Slack builds them:
// X-Slack-Signature = v0=HMAC-SHA256(signing secret, `v0:{timestamp}:{raw body}`). Builders take
// overrides for the part a test is about and default the rest.
import { createHmac } from 'node:crypto';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const BOT_TOKEN = 'xoxb-0000000000-test-token';
export const BOT_ID = 'B0TESTBOT1';
export const BOT_USER_ID = 'U0TESTBOT1';
export const TEAM_ID = 'T0TESTTEAM';
export const USER_ID = 'U0ASKER001';
/** The one person named in ADMIN_USER_IDS: may read other people's questions on the App Home. */
export const ADMIN_USER_ID = 'U0ADMIN001';
export const CHANNEL_ID = 'C0CHANNEL01';
export const DM_CHANNEL_ID = 'D0DIRECT001';
export const USER_HASH_SALT = 'test-salt-not-secret';
export const WORKER_FUNCTION_NAME = 'bidrag-bot-test-worker';

/** How the HTTP request around a payload is made; defaults are what Slack sends. */
export interface RequestOptions {
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  secret?: string;
  /** Replaces the computed signature. */
  signature?: string;
  /** API Gateway may hand the body over base64-encoded. */
  base64?: boolean;
  contentType?: string;
  retryNum?: number;
  headers?: Record<string, string>;
}

/** Slack's signature over a raw body. */
export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`, 'utf8').digest('hex')}`;
}

/** Any raw body as a signed API Gateway v2 event. */
export function apiEvent(
  body: string,
  contentType: string,
  options: RequestOptions = {},
): APIGatewayProxyEventV2 {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    // API Gateway v2 lowercases header names.
    'content-type': options.contentType ?? contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': options.signature ?? sign(body, timestamp, options.secret),
    'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
    ...(options.retryNum !== undefined
      ? { 'x-slack-retry-num': String(options.retryNum), 'x-slack-retry-reason': 'http_timeout' }
      : {}),
    ...options.headers,
  };
  const now = new Date();
  return {
    version: '2.0',
    routeKey: 'POST /slack/events',
    rawPath: '/slack/events',
    rawQueryString: '',
    headers,
    requestContext: {
      accountId: '123456789012',
      apiId: 'api0test',
      domainName: 'api0test.execute-api.eu-north-1.amazonaws.com',
      domainPrefix: 'api0test',
      http: {
        method: 'POST',
        path: '/slack/events',
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: `req-${now.getTime()}`,
      routeKey: 'POST /slack/events',
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    body: options.base64 ? Buffer.from(body, 'utf8').toString('base64') : body,
    isBase64Encoded: options.base64 ?? false,
  };
}

let sequence = 0;

/** A Slack message timestamp no other test message has. */
export function nextTs(): string {
  sequence += 1;
  return `${1_700_000_000 + sequence}.${String(sequence).padStart(6, '0')}`;
}

/** The event inside an Events API callback; `type` picks app_mention or message defaults. */
export interface EventOverrides {
  type?: 'app_mention' | 'message' | 'app_home_opened' | string;
  text?: string;
  user?: string;
  channel?: string;
  channel_type?: string;
  ts?: string;
  thread_ts?: string;
  subtype?: string;
  bot_id?: string;
  tab?: string;
  [key: string]: unknown;
}

/** An Events API event_callback, signed. Mentions default to a channel, messages to a DM. */
export function signedEvent(
  overrides: EventOverrides = {},
  options: RequestOptions = {},
): APIGatewayProxyEventV2 {
  const type = overrides.type ?? 'app_mention';
  const ts = overrides.ts ?? nextTs();
  const base: Record<string, unknown> =
    type === 'message'
      ? {
          type,
          user: USER_ID,
          text: 'Vilka kommuner får bidraget?',
          channel: DM_CHANNEL_ID,
          channel_type: 'im',
        }
      : type === 'app_home_opened'
        ? { type, user: USER_ID, channel: DM_CHANNEL_ID, tab: 'home' }
        : {
            type,
            user: USER_ID,
            text: `<@${BOT_USER_ID}> Vilka kommuner får bidraget?`,
            channel: CHANNEL_ID,
          };
  const event = { ...base, ts, event_ts: ts, ...overrides, type };
  const body = {
    token: 'verification-token-unused',
    team_id: TEAM_ID,
    api_app_id: 'A0TESTAPP1',
    event,
    type: 'event_callback',
    event_id: `Ev${ts.replace('.', '')}${type.length}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true, enterprise_id: null }],
  };
  return apiEvent(JSON.stringify(body), 'application/json', options);
}

/** Slack's check of a new Request URL; signed, because Bolt verifies before it answers. */
export function signedUrlVerification(
  challenge: string,
  options: RequestOptions = {},
): APIGatewayProxyEventV2 {
  const body = JSON.stringify({ token: 'verification-token-unused', challenge, type: 'url_verification' });
  return apiEvent(body, 'application/json', options);
}

/**
 * The response_url of a payload whose test does not look at the reply. On loopback, at a port nothing
 * listens on: the worker now posts there, and a test must never send anything off this machine.
 */
const UNUSED_RESPONSE_URL = 'http://127.0.0.1:9/response/unused';

/** A /bidrag invocation as Slack posts it: form-encoded fields. */
export function signedCommand(
  overrides: { text?: string; response_url?: string; user_id?: string; command?: string } = {},
  options: RequestOptions = {},
): APIGatewayProxyEventV2 {
  const fields = {
    token: 'verification-token-unused',
    team_id: TEAM_ID,
    team_domain: 'test',
    channel_id: CHANNEL_ID,
    channel_name: 'general',
    user_id: USER_ID,
    user_name: 'asker',
    command: '/bidrag',
    text: 'Vilka kommuner får bidraget?',
    api_app_id: 'A0TESTAPP1',
    response_url: UNUSED_RESPONSE_URL,
    // Unique per command, as Slack's are: the worker answers each trigger_id once.
    trigger_id: `${nextTs()}.trigger`,
    ...overrides,
  };
  return apiEvent(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', options);
}

/** A button click (block_actions) as Slack posts it: `payload=<json>`, form-encoded. */
export function signedAction(
  overrides: {
    action_id: string;
    value: string;
    block_id?: string;
    response_url?: string;
    user?: string;
    channel?: string;
    /** The message holding the button; omit for an ephemeral one. */
    message?: { ts: string; thread_ts?: string } | undefined;
  },
  options: RequestOptions = {},
): APIGatewayProxyEventV2 {
  const channel = overrides.channel ?? CHANNEL_ID;
  const message = 'message' in overrides ? overrides.message : { ts: nextTs(), thread_ts: nextTs() };
  const payload = {
    type: 'block_actions',
    user: { id: overrides.user ?? USER_ID, username: 'asker', team_id: TEAM_ID },
    api_app_id: 'A0TESTAPP1',
    token: 'verification-token-unused',
    container:
      message === undefined
        ? { type: 'message', message_ts: nextTs(), channel_id: channel, is_ephemeral: true }
        : { type: 'message', message_ts: message.ts, channel_id: channel, is_ephemeral: false },
    trigger_id: '1.2.3',
    team: { id: TEAM_ID, domain: 'test' },
    channel: { id: channel, name: 'general' },
    ...(message === undefined
      ? {}
      : { message: { type: 'message', user: BOT_USER_ID, text: 'svar', ...message } }),
    response_url: overrides.response_url ?? UNUSED_RESPONSE_URL,
    actions: [
      {
        type: 'button',
        action_id: overrides.action_id,
        block_id: overrides.block_id ?? 'feedback_sv',
        text: { type: 'plain_text', text: 'x', emoji: true },
        value: overrides.value,
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
  return apiEvent(
    new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    'application/x-www-form-urlencoded',
    options,
  );
}

/** The environment both functions read, pointing at the stand-in Slack, a dynalite table and a Lambda API. */
export function slackEnv(
  apiUrl: string,
  tableName: string,
  endpoint: string,
  lambdaEndpoint = 'http://127.0.0.1:9/',
): Record<string, string> {
  return {
    WORKER_FUNCTION_NAME,
    LAMBDA_ENDPOINT: lambdaEndpoint,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_BOT_ID: BOT_ID,
    SLACK_BOT_USER_ID: BOT_USER_ID,
    SLACK_API_URL: apiUrl,
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: endpoint,
    USER_HASH_SALT: USER_HASH_SALT,
    ADMIN_USER_IDS: ADMIN_USER_ID,
  };
}

/** A Lambda context; Bolt does not read it, the handler only passes it on. */
export function lambdaContext(): Context {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: 'bidrag-bot-test-slack',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:eu-north-1:123456789012:function:bidrag-bot-test-slack',
    memoryLimitInMB: '512',
    awsRequestId: 'test-request',
    logGroupName: '/aws/lambda/bidrag-bot-test-slack',
    logStreamName: 'test',
    getRemainingTimeInMillis: () => 10_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
