// A small `fetch` on node:http(s) with keep-alive agents, for @slack/web-api (Bolt's clientOptions.fetch)
// and the response_url posts. Node's built-in fetch loads undici and compiles its WebAssembly HTTP parser
// on first use: ~25 ms of a cold start, ~130 ms of CPU and ~35 MB. The Web API client needs only a POST
// with a string body, the status, the headers and the body text, so that is all this implements.
//
// It also says *when* a request failed, which decides whether a post may be repeated: an error before
// the request reached the server (refused, no such host, a reused keep-alive socket the server had
// already closed) is a ConnectionError and safe to repeat; anything after that (a reset mid-response,
// our timeout) may have been acted on, and is not.
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/** The request never reached the server: repeating it cannot post twice. */
export class ConnectionError extends Error {
  override readonly name = 'ConnectionError';
}

/** The request was sent (or may have been) but no complete answer came: it may have been acted on. */
export class ResponseLostError extends Error {
  override readonly name = 'ResponseLostError';
}

/** Error codes that mean no byte of the request reached a server. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

// Keep-alive: a warm Lambda reuses its TLS connection to slack.com (a new one costs a round trip or
// three). The idle timeout stays under the servers' own so we rarely write on a socket they closed.
const agents = {
  'http:': new HttpAgent({ keepAlive: true, timeout: 30_000 }),
  'https:': new HttpsAgent({ keepAlive: true, timeout: 30_000 }),
};

interface SimpleHeaders {
  get(name: string): string | null;
  entries(): IterableIterator<[string, string]>;
  has(name: string): boolean;
  forEach(fn: (value: string, key: string) => void): void;
}

function headersOf(message: IncomingMessage): SimpleHeaders {
  const map = new Map<string, string>();
  for (const [name, value] of Object.entries(message.headers)) {
    if (value !== undefined) map.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return {
    get: (name) => map.get(name.toLowerCase()) ?? null,
    entries: () => map.entries(),
    has: (name) => map.has(name.toLowerCase()),
    forEach: (fn) => {
      for (const [key, value] of map) fn(value, key);
    },
  };
}

function bodyText(init: RequestInit | undefined): string | Buffer {
  const body = init?.body;
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  if (Buffer.isBuffer(body)) return body;
  // FormData and streams are for file uploads, which this bot never makes.
  throw new TypeError('keepAliveFetch sends string, URLSearchParams or Buffer bodies only');
}

function headerRecord(init: RequestInit | undefined, length: number): Record<string, string> {
  const out: Record<string, string> = {};
  const given = init?.headers;
  // No `instanceof Headers`: touching that global loads undici, the very thing this file avoids.
  if (Array.isArray(given) || (given && typeof (given as Headers).entries === 'function')) {
    for (const [name, value] of given as Iterable<[string, string]>) out[name.toLowerCase()] = value;
  } else if (given) {
    for (const [name, value] of Object.entries(given)) out[name.toLowerCase()] = String(value);
  }
  out['content-length'] = String(length);
  return out;
}

/** `fetch` for POSTs and GETs over node:http(s), keep-alive, honouring `signal`; see the file comment. */
export async function keepAliveFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
  const protocol = url.protocol === 'https:' ? 'https:' : 'http:';
  const body = bodyText(init);
  const signal = init?.signal ?? undefined;
  signal?.throwIfAborted();
  return new Promise<Response>((resolve, reject) => {
    const send = protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(url, {
      method: init?.method ?? 'GET',
      headers: headerRecord(init, Buffer.byteLength(body)),
      agent: agents[protocol],
    });
    let answered = false;
    let responding = false;
    const fail = (error: Error & { code?: string }) => {
      if (answered) return;
      answered = true;
      // Node's own advice: a reset on a reused keep-alive socket before any response means the server had
      // closed it while idle, so it never read this request. After the response began, it had.
      const stale = !responding && req.reusedSocket && error.code === 'ECONNRESET';
      const notSent = stale || (error.code !== undefined && NOT_SENT.has(error.code));
      const Kind = notSent ? ConnectionError : ResponseLostError;
      const what = `${req.method} ${url.host}${url.pathname}: ${error.code ?? error.message}`;
      reject(new Kind(what, { cause: error }));
    };
    const onAbort = () => {
      const reason = signal?.reason;
      fail(new ResponseLostError(reason instanceof Error ? reason.message : 'aborted (timeout)'));
      req.destroy();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    req.once('error', fail);
    req.once('response', (res) => {
      responding = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.once('error', fail);
      // A body cut off mid-way may end with 'close' and no 'error'.
      res.once('close', () => {
        if (!res.complete) fail(Object.assign(new Error('response cut off'), { code: 'ECONNRESET' }));
      });
      res.once('end', () => {
        signal?.removeEventListener('abort', onAbort);
        if (answered) return;
        answered = true;
        const raw = Buffer.concat(chunks);
        const text = raw.toString('utf8');
        const response = {
          ok: (res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300,
          status: res.statusCode ?? 0,
          statusText: res.statusMessage ?? '',
          url: url.href,
          headers: headersOf(res),
          text: async () => text,
          json: async (): Promise<unknown> => JSON.parse(text),
          arrayBuffer: async () => raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength),
        };
        // The subset of Response that @slack/web-api and our response_url posts read (see the file comment).
        resolve(response as unknown as Response);
      });
    });
    req.end(body);
  });
}
