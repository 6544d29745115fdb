// The one stand-in in the Slack tests: a real HTTP server on loopback that answers like Slack's Web API
// (chat.postMessage, chat.postEphemeral, views.publish, auth.test, users.info, anything else with ok: true) and like
// a response_url, and records every call so tests can assert on what the bot actually sent. Faults can
// be queued per method (HTTP 500, 429 with Retry-After, ok:false, a slow answer): the reliability suite
// uses them. A call that got a fault is recorded with `fault` set, and only a call without one counts
// as delivered. `npm run dev` runs it too, as the Slack a newcomer has not got: it prints each reply in
// the terminal (`onCall`), and `npm run dev:say` reads the replies back from GET /_calls?from=N.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from './net.ts';

/** One request the bot made. `args` is the decoded body; JSON-valued form fields (blocks, view) are parsed. */
export interface SlackCall {
  /** e.g. chat.postMessage, or `response_url` for posts to a response URL. */
  method: string;
  path: string;
  args: Record<string, unknown>;
  authorization: string | undefined;
  at: number;
  /** The fault this call got instead of a normal answer, if any. */
  fault?: Fault['kind'];
}

/** What the stand-in does to a call instead of answering it normally. */
export type Fault =
  | { kind: 'http500' }
  | { kind: 'rateLimited'; retryAfterSeconds: number }
  | { kind: 'okFalse'; error: string }
  /** Answers normally, but only after this long (the post is delivered). */
  | { kind: 'slow'; delayMs: number }
  /** Takes the post (it is delivered), then breaks the connection mid-answer: the bot cannot know. */
  | { kind: 'cutOff' };

export interface FakeSlack {
  /** Give this to the bot as SLACK_API_URL. */
  apiUrl: string;
  /** A response_url on this server, for slash command and action payloads. */
  responseUrl(id?: string): string;
  calls: SlackCall[];
  /** The calls to one method that were delivered (got no fault but `slow` or `cutOff`), in order. */
  callsTo(method: string): SlackCall[];
  /** Every call to one method, faulted ones included. */
  attemptsAt(method: string): SlackCall[];
  /** What users.info tells about a person (Slack's `locale` with include_locale, and `tz`); reset clears it. */
  setUser(id: string, profile: { locale?: string; tz?: string }): void;
  /** The next `times` calls to `method` (or to a response_url: `response_url`) get `fault`. */
  inject(method: string, fault: Fault, times?: number): void;
  reset(): void;
  close(): Promise<void>;
}

// Slack's Web API takes form bodies and JSON-encodes structured arguments inside them.
const JSON_FIELDS = new Set(['blocks', 'view', 'attachments', 'metadata']);

function decode(contentType: string | undefined, raw: string): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType?.startsWith('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = JSON_FIELDS.has(key) ? JSON.parse(value) : value;
  }
  return args;
}

let tsCounter = 0;

export interface FakeSlackOptions {
  /** Default 0: a free port. */
  port?: number;
  /** Called with each call as it is recorded (npm run dev prints the replies). */
  onCall?: (call: SlackCall) => void;
}

/** Starts the stand-in on 127.0.0.1, on a free port unless told one. */
export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const calls: SlackCall[] = [];
  const faults = new Map<string, Fault[]>();
  const users = new Map<string, { locale?: string; tz?: string }>();
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const path = url.pathname;
      if (req.method === 'GET' && path === '/_calls') {
        // What the bot sent since call number `from`: how dev:say waits for its reply.
        const from = Number(url.searchParams.get('from') ?? 0) || 0;
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ next: calls.length, calls: calls.slice(from) }));
        return;
      }
      const raw = await readBody(req);
      let args: Record<string, unknown>;
      try {
        args = decode(req.headers['content-type'], raw);
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' }).end('{"ok":false,"error":"invalid_json"}');
        return;
      }
      const isResponseUrl = path.startsWith('/response/');
      const method = isResponseUrl ? 'response_url' : path.replace(/^\/api\//, '');
      const call: SlackCall = {
        method,
        path,
        args,
        authorization: req.headers.authorization,
        at: Date.now(),
      };
      calls.push(call);
      options.onCall?.(call);
      const fault = faults.get(method)?.shift();
      if (fault !== undefined) {
        call.fault = fault.kind;
        if (fault.kind === 'http500') {
          res.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error');
          return;
        }
        if (fault.kind === 'rateLimited') {
          res.writeHead(429, {
            'retry-after': String(fault.retryAfterSeconds),
            'content-type': 'application/json',
          });
          res.end('{"ok":false,"error":"ratelimited"}');
          return;
        }
        if (fault.kind === 'okFalse') {
          res
            .writeHead(200, { 'content-type': 'application/json' })
            .end(JSON.stringify({ ok: false, error: fault.error }));
          return;
        }
        if (fault.kind === 'cutOff') {
          res.writeHead(200, { 'content-type': 'application/json' });
          // Flushed and read before the cut, so the bot has seen the answer begin.
          res.write('{"ok":', () => setTimeout(() => res.socket?.destroy(), 50));
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      }
      if (isResponseUrl) {
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
        return;
      }
      tsCounter += 1;
      const reply =
        method === 'chat.postMessage'
          ? { ok: true, channel: args.channel, ts: `1800000000.${String(tsCounter).padStart(6, '0')}` }
          : method === 'views.publish'
            ? { ok: true, view: { id: 'V0FAKE', ...(args.view as object) } }
            : method === 'auth.test'
              ? { ok: true, user_id: 'U0FAKEBOT1', bot_id: 'B0FAKEBOT1', team_id: 'T0TESTTEAM' }
              : method === 'users.info'
                ? { ok: true, user: { id: args.user, ...users.get(String(args.user)) } }
                : { ok: true };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reply));
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id = 'hook') => `${base}/response/${id}`,
    calls,
    callsTo: (method) =>
      calls.filter(
        (call) => call.method === method && (!call.fault || call.fault === 'slow' || call.fault === 'cutOff'),
      ),
    attemptsAt: (method) => calls.filter((call) => call.method === method),
    inject: (method, fault, times = 1) => {
      faults.set(method, [...(faults.get(method) ?? []), ...Array.from({ length: times }, () => fault)]);
    },
    setUser: (id, profile) => {
      users.set(id, profile);
    },
    reset: () => {
      calls.length = 0;
      faults.clear();
      users.clear();
    },
    close: async () => {
      // fetch keeps connections alive; close them or close() waits for their idle timeout.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
