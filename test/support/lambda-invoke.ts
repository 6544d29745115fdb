// A small Lambda Invoke API on loopback (the part of it the ack function uses): POST
// /2015-03-31/functions/<name>/invocations. With X-Amz-Invocation-Type: Event it answers 202 at once and
// runs the function in this process afterwards, as Lambda's asynchronous invocation does (without its
// retries: the worker never throws). Tests wait for `idle()` before they look at what was posted.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from './net.ts';

export type InvokedFunction = (payload: unknown) => Promise<unknown>;

export interface LoopbackLambda {
  /** Give this to the ack function as LAMBDA_ENDPOINT. */
  endpoint: string;
  /** Every accepted invocation, in order. */
  invocations: { functionName: string; type: string; payload: unknown }[];
  /**
   * The next `times` Event invocations are accepted (queued and run) but answered only after `ms`:
   * Lambda's API slow to say so.
   */
  answerSlowly(ms: number, times?: number): void;
  /** Resolves when no invoked function is running (including ones started while waiting). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** Starts the endpoint on 127.0.0.1 serving `functions` by name. */
export async function startLoopbackLambda(
  functions: Record<string, InvokedFunction>,
): Promise<LoopbackLambda> {
  const running = new Set<Promise<unknown>>();
  const invocations: LoopbackLambda['invocations'] = [];
  const slow: number[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const match = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/.exec(req.url ?? '');
      const run = match ? functions[decodeURIComponent(match[1] ?? '')] : undefined;
      const body = await readBody(req);
      if (!match || run === undefined) {
        res.writeHead(404, {
          'content-type': 'application/json',
          'x-amzn-errortype': 'ResourceNotFoundException',
        });
        res.end(JSON.stringify({ Type: 'User', Message: `Function not found: ${req.url}` }));
        return;
      }
      const type = String(req.headers['x-amz-invocation-type'] ?? 'RequestResponse');
      const payload: unknown = body === '' ? {} : JSON.parse(body);
      invocations.push({ functionName: decodeURIComponent(match[1] ?? ''), type, payload });
      if (type === 'Event') {
        const job = run(payload).finally(() => running.delete(job));
        running.add(job);
        const delay = slow.shift();
        if (delay !== undefined) await new Promise((resolve) => setTimeout(resolve, delay));
        res.writeHead(202).end();
        return;
      }
      const result = await run(payload);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result ?? null));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    invocations,
    answerSlowly: (ms, times = 1) => slow.push(...Array.from({ length: times }, () => ms)),
    idle: async () => {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
