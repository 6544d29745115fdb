import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The store and salt settings a CLI test starts without, so this shell's own values never leak in. */
const CLEARED = {
  TABLE_NAME: undefined,
  DYNAMODB_ENDPOINT: undefined,
  USER_HASH_SALT: undefined,
  USER_HASH_SALT_PARAM: undefined,
};

/** Runs `npm run report`'s command as a child process; resolves with its output and exit code. */
export async function runReport(args: string[], env: Record<string, string | undefined>) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...CLEARED, ...env };
  try {
    const { stdout, stderr } = await run('node_modules/.bin/tsx', ['cli/report.ts', ...args], {
      env: childEnv,
      timeout: 15_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}
