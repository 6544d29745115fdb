// A fault-injecting TCP proxy on loopback, put in front of dynalite so tests see DynamoDB the way a
// network fails: `refuse` (nothing listens: connection refused), `blackhole` (connections accepted and
// never answered), `reset` (accepted, then reset), `pass` (a plain pipe). It also notes which DynamoDB
// operations passed (from the X-Amz-Target header), so a test can see that a GetItem happened, and can
// hold back the answers to the next few requests (DynamoDB did the work, the answer comes late).
import { connect, createServer, type Server, type Socket } from 'node:net';

export type ProxyMode = 'pass' | 'refuse' | 'blackhole' | 'reset';

export interface TcpProxy {
  endpoint: string;
  setMode(mode: ProxyMode): Promise<void>;
  /** DynamoDB operations (GetItem, PutItem…) and their request bodies, in the order they passed. */
  operations: { target: string; body: string }[];
  /** The answers to the next `count` requests reach the client only after `ms` (the request is served). */
  delayAnswers(count: number, ms: number): void;
  close(): Promise<void>;
}

/** Starts a proxy on a free loopback port forwarding to `target` (host:port). */
export async function startTcpProxy(targetEndpoint: string): Promise<TcpProxy> {
  const target = new URL(targetEndpoint);
  let mode: ProxyMode = 'pass';
  const sockets = new Set<Socket>();
  const operations: TcpProxy['operations'] = [];
  let delayed = { count: 0, ms: 0 };
  const onConnection = (client: Socket) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    if (mode === 'reset') {
      client.resetAndDestroy();
      return;
    }
    if (mode === 'blackhole') return;
    const upstream = connect(Number(target.port), target.hostname);
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    // How long this connection's current answer is held back.
    let holdMs = 0;
    client.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      const op = /x-amz-target:\s*DynamoDB_\d+\.(\w+)/i.exec(text);
      if (op?.[1]) {
        operations.push({ target: op[1], body: text.slice(text.indexOf('\r\n\r\n') + 4) });
        holdMs = delayed.count > 0 ? delayed.ms : 0;
        if (delayed.count > 0) delayed = { ...delayed, count: delayed.count - 1 };
      }
    });
    client.pipe(upstream);
    upstream.on('data', (chunk: Buffer) => {
      if (holdMs === 0) client.write(chunk);
      else setTimeout(() => client.writable && client.write(chunk), holdMs);
    });
    upstream.on('end', () => client.end());
  };
  let server: Server = createServer(onConnection);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
  const port = address.port;
  const dropAll = () => {
    for (const socket of sockets) socket.destroy();
  };
  return {
    endpoint: `http://127.0.0.1:${port}`,
    operations,
    delayAnswers: (count, ms) => {
      delayed = { count, ms };
    },
    setMode: async (next) => {
      const wasListening = mode !== 'refuse';
      mode = next;
      // Faults apply to new connections; the SDK's kept-alive ones are cut so it must open new ones.
      dropAll();
      if (next === 'refuse' && wasListening) {
        await new Promise((resolve) => server.close(resolve));
      } else if (next !== 'refuse' && !wasListening) {
        server = createServer(onConnection);
        await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
      }
    },
    close: async () => {
      dropAll();
      if (mode !== 'refuse') await new Promise((resolve) => server.close(resolve));
    },
  };
}
