/**
 * The terminal chat's state between lines: the language its own words are in (the locale's until the
 * first question, then the last question's) and the suggestions a number picks. One engine call per
 * line, in `ask`, so what a conversation carries to the next question has one place to go.
 */
import type { Engine } from '../knowledge/engine.ts';
import type { Answer, Lang } from '../knowledge/types.ts';
import { toPlainText } from './format.ts';

/** sv_SE.UTF-8 and the like → Swedish; anything else, or nothing, → English. As POSIX: LC_ALL wins. */
export function localeLang(env: NodeJS.ProcessEnv): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^sv/i.test(locale) ? 'sv' : 'en';
}

const WORDS = {
  sv: {
    ends: '(Ctrl-D eller "exit" avslutar. Skriv en siffra för att välja ett förslag.)',
    pick: (n: number) =>
      n === 1 ? 'Skriv 1 för förslaget, eller en fråga.' : `Välj 1–${n}, eller skriv en fråga.`,
  },
  en: {
    ends: '(Ctrl-D or "exit" ends the chat. Type a number to pick a suggestion.)',
    pick: (n: number) =>
      n === 1 ? 'Type 1 for the suggestion, or a question.' : `Pick 1–${n}, or type a question.`,
  },
} as const;

const EXIT = /^\s*(exit|quit|avsluta)\s*$/i;
const NUMBER = /^\s*(\d{1,2})\s*[.)]?\s*$/;

export type Reply = { kind: 'exit' } | { kind: 'skip' } | { kind: 'text'; text: string };

export interface Conversation {
  /** The help with example questions, in the current language, and how to leave. */
  welcome(): string;
  /** What to print for one line the person typed. */
  reply(line: string): Reply;
}

export function createConversation(engine: Engine, startLang: Lang): Conversation {
  let lang = startLang;
  let suggestions: string[] = [];
  // What the previous question leaves for the next one ("Kan Malmö söka?" then "hur mycket får de?").
  let context: Answer['context'] = null;

  function ask(question: string): string {
    const answer: Answer = engine.answer(question, context);
    context = answer.context;
    lang = answer.lang;
    suggestions = answer.suggestions;
    return toPlainText(answer);
  }

  return {
    welcome: () => `${toPlainText(engine.help(lang))}\n\n${WORDS[lang].ends}`,
    reply(line) {
      if (EXIT.test(line)) return { kind: 'exit' };
      if (!line.trim()) return { kind: 'skip' };
      const number = NUMBER.exec(line);
      // A number picks a suggestion of the last answer; with none on offer it is an ordinary question.
      if (number && suggestions.length > 0) {
        const picked = suggestions[Number(number[1]) - 1];
        if (picked === undefined) return { kind: 'text', text: WORDS[lang].pick(suggestions.length) };
        return { kind: 'text', text: `→ ${picked}\n\n${ask(picked)}` };
      }
      return { kind: 'text', text: ask(line) };
    },
  };
}
