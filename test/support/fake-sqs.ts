// A stand-in for SQS on loopback, the part the worker uses: SendMessage (AWS JSON 1.0, as
// @aws-sdk/client-sqs speaks it) with DelaySeconds honoured in real seconds. It also plays Lambda's
// event source mapping: once a message's delay is over it hands `{ Records: [...] }` to `consume`, as
// Lambda hands an SQS batch to the worker. Tests wait for `idle()`.
import { createHash, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from './net.ts';

export interface SentMessage {
  body: string;
  delaySeconds: number;
  sentAt: number;
}

export interface FakeSqs {
  /** Give this to the worker as DEFERRED_QUEUE_URL. */
  queueUrl: string;
  sent: SentMessage[];
  /** The next `times` SendMessage calls fail with a 500 (the SDK retries each call up to 3 times). */
  refuse(times: number): void;
  /** Resolves when no message is waiting out its delay or being consumed. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** Starts the stand-in on 127.0.0.1; each message goes to `consume` after its DelaySeconds. */
export async function startFakeSqs(consume: (event: unknown) => Promise<unknown>): Promise<FakeSqs> {
  const sent: SentMessage[] = [];
  const pending = new Set<Promise<unknown>>();
  let refusals = 0;
  const server = createServer((req, res) => {
    void (async () => {
      const input = JSON.parse((await readBody(req)) || '{}') as Record<string, unknown>;
      if (req.headers['x-amz-target'] !== 'AmazonSQS.SendMessage' || typeof input.MessageBody !== 'string') {
        res.writeHead(400, { 'content-type': 'application/x-amz-json-1.0' });
        res.end(JSON.stringify({ __type: 'com.amazonaws.sqs#InvalidAction', message: 'not supported here' }));
        return;
      }
      if (refusals > 0) {
        refusals -= 1;
        res.writeHead(500, { 'content-type': 'application/x-amz-json-1.0' });
        res.end(JSON.stringify({ __type: 'com.amazonaws.sqs#InternalError', message: 'injected' }));
        return;
      }
      const body = input.MessageBody;
      const delaySeconds = Number(input.DelaySeconds ?? 0);
      const messageId = randomUUID();
      sent.push({ body, delaySeconds, sentAt: Date.now() });
      const job = new Promise((resolve) => setTimeout(resolve, delaySeconds * 1000))
        .then(() => consume({ Records: [{ messageId, body, eventSource: 'aws:sqs', attributes: {} }] }))
        .finally(() => pending.delete(job));
      pending.add(job);
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
      res.end(
        JSON.stringify({
          MessageId: messageId,
          MD5OfMessageBody: createHash('md5').update(body).digest('hex'),
        }),
      );
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    queueUrl: `http://127.0.0.1:${port}/000000000000/deferred`,
    sent,
    refuse: (times) => {
      refusals += times;
    },
    idle: async () => {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
