/**
 * Command lines of the project's CLIs. Each command declares its flags in one table, which gives both the
 * parser and the `--help` text, so a new flag is one line. A person typed the command, so a mistake gets
 * one line on stderr naming it and exit status 2 (the usual status for bad usage), never a stack trace.
 */
import { parseArgs } from 'node:util';

/** One flag: with `value` it takes one (shown as that placeholder in the help), without it is a switch. */
export interface Flag {
  value?: string;
  help: string;
}

export interface Command<F extends Record<string, Flag>> {
  /** How a person runs it, e.g. "npm run report --". */
  run: string;
  /** What it does, shown under the usage line. */
  about: string;
  flags: F;
  /** The words after the flags: none, exactly one (named), or any number (joined, e.g. a question). */
  words: { kind: 'none' } | { kind: 'one'; name: string } | { kind: 'many'; name: string };
  /** Lines shown after the flags in --help: examples, environment variables. */
  more?: string[];
}

/** A flag that takes a value gives a string (or nothing when absent); a switch gives a boolean. */
export type Values<F extends Record<string, Flag>> = {
  [K in keyof F]: F[K] extends { value: string } ? string | undefined : boolean;
};

export type Parsed<F extends Record<string, Flag>> =
  | { kind: 'run'; values: Values<F>; words: string[] }
  | { kind: 'help'; text: string }
  | { kind: 'error'; message: string };

const HELP: Flag = { help: 'show this help and exit' };

/** The --help text of a command, built from its flag table. */
export function helpText<F extends Record<string, Flag>>(command: Command<F>): string {
  const flags = Object.entries({ ...command.flags, help: HELP }).map(
    ([name, flag]) => [`--${name}${flag.value ? ` ${flag.value}` : ''}`, flag.help] as const,
  );
  const width = Math.max(...flags.map(([left]) => left.length));
  const words =
    command.words.kind === 'none'
      ? ''
      : command.words.kind === 'one'
        ? ` ${command.words.name}`
        : ` [${command.words.name}…]`;
  return [
    `usage: ${command.run} [options]${words}`,
    '',
    command.about,
    '',
    'options:',
    ...flags.map(([left, help]) => `  ${left.padEnd(width)}  ${help}`),
    ...(command.more ? ['', ...command.more] : []),
    '',
  ].join('\n');
}

/** Parses `argv` against the command's table; pure, so tests can call it without a process. */
export function parseCommandLine<F extends Record<string, Flag>>(
  command: Command<F>,
  argv: string[],
): Parsed<F> {
  const known: Record<string, Flag> = { ...command.flags, help: HELP };
  const options = Object.fromEntries(
    Object.entries(known).map(([name, flag]) => [name, { type: flag.value ? 'string' : 'boolean' } as const]),
  );
  // Not strict: Node's own errors are multi-line and name the wrong things for a person; the tokens
  // let every mistake be named here in one line.
  const { tokens } = parseArgs({ args: argv, options, strict: false, allowPositionals: true, tokens: true });
  const listed = Object.entries(known)
    .map(([name, flag]) => `--${name}${flag.value ? ` ${flag.value}` : ''}`)
    .join(', ');
  // Named as the person ran it ("npm run ask"), so the line makes sense among npm's own output.
  const name = command.run.replace(/ --silent\b/, '').replace(/ --$/, '');
  const error = (what: string): Parsed<F> => ({
    kind: 'error',
    message: `${name}: ${what} (options: ${listed})`,
  });

  if (tokens.some((t) => t.kind === 'option' && (t.name === 'help' || t.rawName === '-h'))) {
    return { kind: 'help', text: helpText(command) };
  }
  const values: Record<string, string | boolean | undefined> = {};
  const words: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') words.push(token.value);
    if (token.kind !== 'option') continue;
    const flag = known[token.name];
    if (!flag || !token.rawName.startsWith('--')) return error(`unknown option ${token.rawName}`);
    if (flag.value) {
      // `--days --verbose`: the parser would take the next flag as the value; a person meant none.
      const missing =
        token.value === undefined ||
        token.value === '' ||
        (!token.inlineValue && token.value.startsWith('-'));
      if (missing) return error(`${token.rawName} needs a value (${flag.value})`);
      values[token.name] = token.value;
    } else {
      if (token.value !== undefined) return error(`${token.rawName} takes no value`);
      values[token.name] = true;
    }
  }
  for (const [name, flag] of Object.entries(command.flags)) values[name] ??= flag.value ? undefined : false;

  const { words: expected } = command;
  if (expected.kind === 'none' && words.length > 0) {
    return error(`unexpected argument "${words[0]}": ${name} takes no words`);
  }
  if (expected.kind === 'one' && words.length !== 1) {
    return error(
      words.length === 0
        ? `missing ${expected.name}`
        : `unexpected argument "${words[1]}": give one ${expected.name}`,
    );
  }
  return { kind: 'run', values: values as Values<F>, words };
}

/** Prints one line for a usage mistake and exits 2. */
export function exitWithUsageError(message: string): never {
  process.stderr.write(`${message.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exit(2);
}

/** The values and words of this process's command line; prints help (exit 0) or the mistake (exit 2). */
export function commandLine<F extends Record<string, Flag>>(
  command: Command<F>,
  argv: string[] = process.argv.slice(2),
): { values: Values<F>; words: string[] } {
  const parsed = parseCommandLine(command, argv);
  if (parsed.kind === 'help') {
    process.stdout.write(parsed.text);
    process.exit(0);
  }
  if (parsed.kind === 'error') exitWithUsageError(parsed.message);
  return parsed;
}
