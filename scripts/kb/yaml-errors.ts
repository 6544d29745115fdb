// The YAML parser's errors, said in the words of someone editing a content file: which line to fix, and
// whether it is the indentation or the quoting. The parser often notices a problem on the line before the
// one to fix (a line indented too far turns the line above into a key that runs over two lines), so each
// kind of error is moved to the line where the fix goes.
import type { YAMLError } from 'yaml';

const QUOTING =
  'put a text in double quotes when it contains ": " or " #", or starts with * & ! | > \' " % @ or `';
const INDENTING = 'indent with spaces, two per level, and line up the fields of one entry';

/** One problem for a file the parser could not read, or none: the first error decides, the rest follow from it. */
export function yamlProblem(
  text: string,
  errors: readonly YAMLError[],
): { line: number; message: string } | null {
  const first = errors[0];
  if (!first) return null;
  const lines = text.split('\n');
  const lineAt = (e: YAMLError) => e.linePos?.[0]?.line ?? 1;
  const codes = new Set(errors.filter((e) => lineAt(e) === lineAt(first)).map((e) => e.code));
  const line = lineAt(first);
  const indentOf = (n: number) => /^ */.exec(lines[n - 1] ?? '')?.[0].length ?? 0;
  const nextLine = (n: number) => {
    for (let i = n + 1; i <= lines.length; i++) if ((lines[i - 1] ?? '').trim()) return i;
    return n;
  };

  if (/(?::|^\s*-)\s+[*&]/.test(lines[line - 1] ?? ''))
    return {
      line,
      message: `a text that starts with * or & must be in double quotes ("*Eva* säger"); ${QUOTING}`,
    };
  if (first.code === 'MISSING_CHAR' && /sequence item/i.test(first.message))
    return {
      line,
      message: `the line is indented less than the entry above it; ${INDENTING} (a new entry starts with "- ")`,
    };
  if (codes.has('TAB_AS_INDENT')) return { line, message: `the line is indented with a tab; ${INDENTING}` };
  if (codes.has('MULTILINE_IMPLICIT_KEY')) {
    // "value: Eva" followed by a line indented further: the fix is on that next line.
    const fix = nextLine(line);
    return {
      line: fix,
      message: `the line is indented ${indentOf(fix)} spaces, but the field above it ${indentOf(line)}; ${INDENTING}`,
    };
  }
  if (codes.has('BLOCK_AS_IMPLICIT_KEY')) {
    const field = /^\s*-?\s*([\w.-]+):/.exec(lines[line - 1] ?? '')?.[1];
    return {
      line,
      message: `the text${field ? ` of "${field}"` : ''} contains ": ", which YAML reads as a new field; ${QUOTING}`,
    };
  }
  if (first.code === 'MISSING_CHAR' && /quote/i.test(first.message)) {
    // Reported where the parser gave up; the quote was opened on the last line with an odd number of them.
    let open = line;
    for (let i = Math.min(line, lines.length); i >= 1; i--)
      if (((lines[i - 1] ?? '').match(/"/g)?.length ?? 0) % 2 === 1) {
        open = i;
        break;
      }
    return {
      line: open,
      message:
        'a text opened with " is not closed on its line; end it with " (inside a text in double quotes write \\")',
    };
  }
  if (first.code === 'DUPLICATE_KEY')
    return { line, message: 'a field is given twice in one entry; keep one of them' };
  return {
    line,
    message: `YAML cannot read this line (${first.message.split(' at line')[0]}); ${INDENTING}, and ${QUOTING}`,
  };
}

/** For a value YAML reads as an alias or anchor ("*Eva*"), which only fails when the file is converted. */
export function aliasProblem(text: string, error: unknown): { line: number; message: string } | null {
  if (!(error instanceof ReferenceError) && !/alias|anchor/i.test(String(error))) return null;
  const lines = text.split('\n');
  const at = lines.findIndex((l) => /:\s+[*&]/.test(l) || /^\s*-\s+[*&]/.test(l));
  return {
    line: at + 1 || 1,
    message: `a text that starts with * or & must be in double quotes ("*Eva* säger"); ${QUOTING}`,
  };
}
