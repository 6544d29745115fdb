// The keep-alive fetch against real sockets on loopback: it must say whether a failed request reached
// the server, because that decides whether a Slack post may be repeated (delivery.ts).
import { createServer as createHttpServer } from 'node:http';
import { createServer, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { ConnectionError, keepAliveFetch, ResponseLostError } from '../../../functions/http-fetch.ts';
import { closedPort, listen } from '../../support/net.ts';

const sockets = new Set<Socket>();
// Reads the request, then drops the connection without answering: the server may have acted on it.
const dropper = createServer((socket) => {
  sockets.add(socket);
  socket.once('data', () => socket.destroy());
});
// Reads the request and never answers.
const silent = createServer((socket) => {
  sockets.add(socket);
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await Promise.all([dropper, silent].map((s) => new Promise((resolve) => s.close(resolve))));
});

describe('keepAliveFetch', () => {
  it('posts and reads the status, headers and body', async () => {
    const server = createHttpServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      req.on('end', () => res.writeHead(201, { 'x-echo': 'yes' }).end(`got ${body}`));
    });
    const port = await listen(server);
    const response = await keepAliveFetch(`http://127.0.0.1:${port}/x`, { method: 'POST', body: 'å=1' });
    expect(response.status).toBe(201);
    expect(response.headers.get('X-Echo')).toBe('yes');
    expect(await response.text()).toBe('got å=1');
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('calls a refused connection a ConnectionError (never sent: safe to repeat)', async () => {
    const port = await closedPort();
    await expect(keepAliveFetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: 'x' })).rejects.toThrow(
      ConnectionError,
    );
  });

  it('calls a connection dropped after the request a ResponseLostError (maybe acted on)', async () => {
    const port = await listen(dropper);
    await expect(keepAliveFetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: 'x' })).rejects.toThrow(
      ResponseLostError,
    );
  });

  it('calls its own timeout a ResponseLostError', async () => {
    const port = await listen(silent);
    const request = keepAliveFetch(`http://127.0.0.1:${port}/`, {
      method: 'POST',
      body: 'x',
      signal: AbortSignal.timeout(200),
    });
    await expect(request).rejects.toThrow(ResponseLostError);
  });
});
