import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

export interface CliRun {
  /** The exit status, or 'timeout' if it was still running (e.g. waiting for stdin) when time was up. */
  code: number | 'timeout';
  stdout: string;
  stderr: string;
}

/**
 * Runs one of the project's CLIs as `npm run` does (tsx, from the repository's root). Without `input`,
 * stdin stays open and silent, as a terminal's would: a CLI that waits for it runs into the timeout.
 */
export function runCli(
  script: string,
  args: string[] = [],
  options: { input?: string; env?: Record<string, string | undefined>; timeoutMs?: number } = {},
): Promise<CliRun> {
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [script, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...options.env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  if (options.input !== undefined) child.stdin.end(options.input);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ code: 'timeout', stdout, stderr });
    }, options.timeoutMs ?? 15_000);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
}

/** A Node stack frame ("    at fn (file:1:2)"): what a person must never see for a typing mistake. */
export const STACK_FRAME = /\n\s+at /;

/** The store and salt settings a CLI test starts without, so this shell's own values never leak in. */
const CLEARED = {
  TABLE_NAME: undefined,
  DYNAMODB_ENDPOINT: undefined,
  USER_HASH_SALT: undefined,
  USER_HASH_SALT_PARAM: undefined,
};

/** Runs `npm run report`'s command as a child process; resolves with its output and exit code. */
export async function runReport(args: string[], env: Record<string, string | undefined>) {
  const { code, stdout, stderr } = await runCli('cli/report.ts', args, { env: { ...CLEARED, ...env } });
  return { code: code === 'timeout' ? -1 : code, stdout, stderr };
}
