/**
 * Drives a program through a real pseudo-terminal of a given width, as a person at a narrow window
 * would: tmux when it is installed (its screen shows what a person sees, soft wraps included), else
 * util-linux's `script` (the bytes the program wrote to the terminal). No Node pty module needed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const TIMEOUT_MS = 20_000;

export type TerminalKind = 'tmux' | 'script';

const installed = (command: string, args: string[]) =>
  spawnSync(command, args, { stdio: 'ignore' }).status === 0;

/** The terminal this machine offers, or null (then the test says why it is skipped). */
export const terminalKind: TerminalKind | null = installed('tmux', ['-V'])
  ? 'tmux'
  : installed('script', ['--version'])
    ? 'script'
    : null;

export interface TerminalOptions {
  /** Run by a shell in the repository's root. */
  command: string;
  width: number;
  env: Record<string, string>;
  /** Typed one at a time, each after the prompt appears. */
  lines: string[];
}

export interface Session {
  /** The screen's rows (tmux) or the lines written (script), escape sequences removed, trailing spaces trimmed. */
  rows: string[];
  /** tmux only: whether the terminal had to wrap a line itself because it was wider than the window. */
  softWrapped: boolean;
}

// "> ", or ">" once the screen's trailing spaces are trimmed.
const PROMPT = /^>( |$)/;
// CSI sequences (cursor moves, erase) that readline writes around its prompt; ESC built, not written,
// as a control character in a regex literal reads as a mistake.
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[A-Za-z]`, 'g');
const promptsIn = (rows: string[]) => rows.filter((row) => PROMPT.test(row)).length;
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `command` (from the repository's root) in a terminal `width` columns wide, types each line after
 * the prompt "> " appears, and returns what the terminal shows once the prompt follows the last answer.
 */
export async function typeInTerminal(kind: TerminalKind, options: TerminalOptions): Promise<Session> {
  return kind === 'tmux' ? viaTmux(options) : viaScript(options);
}

async function viaTmux(options: TerminalOptions): Promise<Session> {
  // A server of its own on a socket in a folder of its own (tmux leaves the socket file behind), with no
  // user configuration (-f /dev/null): a person's tmux is never touched.
  const folder = mkdtempSync(join(tmpdir(), 'bidrag-tmux-'));
  const socket = join(folder, 'socket');
  const tmux = (...args: string[]) => {
    const run = spawnSync('tmux', ['-S', socket, '-f', '/dev/null', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`tmux ${args[0]} failed: ${run.stderr}`);
    return run.stdout;
  };
  const screen = (joined = false) =>
    tmux('capture-pane', '-p', ...(joined ? ['-J'] : []), '-t', 'chat')
      .split('\n')
      .map((row) => row.trimEnd());
  const waitForPrompts = async (count: number) => {
    const deadline = Date.now() + TIMEOUT_MS;
    while (promptsIn(screen()) < count) {
      if (Date.now() > deadline) throw new Error(`no prompt ${count} on screen:\n${screen().join('\n')}`);
      await delay(100);
    }
  };
  const env = Object.entries(options.env).flatMap(([name, value]) => ['-e', `${name}=${value}`]);
  tmux('new-session', '-d', '-s', 'chat', '-x', String(options.width), '-y', '200', ...env, options.command);
  try {
    await waitForPrompts(1);
    for (const [i, line] of options.lines.entries()) {
      tmux('send-keys', '-t', 'chat', '-l', line);
      tmux('send-keys', '-t', 'chat', 'Enter');
      await waitForPrompts(i + 2);
    }
    const rows = screen();
    return { rows, softWrapped: screen(true).join('\n') !== rows.join('\n') };
  } finally {
    tmux('kill-server');
    rmSync(folder, { recursive: true, force: true });
  }
}

async function viaScript(options: TerminalOptions): Promise<Session> {
  const child = spawn(
    'script',
    ['-qfec', `stty cols ${options.width} rows 200 && exec ${options.command}`, '/dev/null'],
    {
      cwd: ROOT,
      env: { ...process.env, ...options.env },
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const rows = () =>
    output
      .replace(ANSI, '')
      .split(/\r?\n/)
      .map((row) => row.replace(/\r/g, '').trimEnd());
  const waitForPrompts = async (count: number) => {
    const deadline = Date.now() + TIMEOUT_MS;
    while (promptsIn(rows()) < count) {
      if (Date.now() > deadline) throw new Error(`no prompt ${count} in:\n${rows().join('\n')}`);
      await delay(100);
    }
  };
  try {
    await waitForPrompts(1);
    for (const [i, line] of options.lines.entries()) {
      child.stdin.write(`${line}\r`);
      await waitForPrompts(i + 2);
    }
    return { rows: rows(), softWrapped: false };
  } finally {
    child.kill('SIGKILL');
  }
}
