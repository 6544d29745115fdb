/**
 * `npm run dev` as a person runs it, for the end-to-end tests: a child process in its own process group
 * (so SIGINT reaches all of it, as Ctrl-C does), ready once its banner says so.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

export interface DevStack {
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr together. */
  output(): string;
  /** Ctrl-C to the process group; SIGKILL if it has not exited after ten seconds. */
  stop(): Promise<void>;
}

/** Starts `npm run dev` with `env` on top of this process's environment and waits for its banner. */
export async function startDevStack(env: Record<string, string | undefined>): Promise<DevStack> {
  const child = spawn('npm', ['run', 'dev'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready: POST')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`npm run dev exited early (${code}):\n${output}`)));
  });
  return {
    child,
    output: () => output,
    async stop() {
      const { pid } = child;
      if (pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-pid, 'SIGINT');
      const timer = setTimeout(() => process.kill(-pid, 'SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** What the signed-request builders give: over HTTP only the body and the headers travel. */
export interface SignedRequest {
  body?: string;
  headers: Record<string, string | undefined>;
}

/** POSTs a signed request to the stack's Slack endpoint on `port`. */
export function postSigned(
  port: number,
  request: SignedRequest,
  extraHeaders: Record<string, string> = {},
): Promise<Response> {
  const headers = Object.fromEntries(
    Object.entries({ ...request.headers, ...extraHeaders }).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );
  return fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: 'POST',
    headers,
    body: request.body ?? '',
  });
}
