// Slack's assistant panel ("Agents & AI Apps": the split view opened from Slack's top bar), with Bolt's
// Assistant class. Its questions take the DM's path (listeners.ts: claim → context → engine → deliver),
// so a panel question gets exactly one reply, rendered as everywhere else, with sources and 👍/👎.
// - Thread started: a greeting (claimed, so Slack's retry of the event greets once) and the content's
//   suggested prompts (phrases.yaml `assistant`), in the person's language.
// - A message: the status line ("Bidrag is looking it up…") while the worker answers, the thread's title
//   from its first question, then the reply; a follow-up in the thread reads the thread's context.
// - Context changed: nothing to do; the ack does not even hand it over (inbound.ts).
// Bolt treats every threaded message in the bot's DM as a panel message (Assistant.isAssistantMessage),
// which is what a DM thread becomes once the panel is on; top-level DMs stay with the DM listener.
import type { Logger } from '@aws-lambda-powertools/logger';
import { Assistant, type AssistantConfig } from '@slack/bolt';
import type { AssistantTexts } from '../knowledge/content.ts';
import type { Lang } from '../knowledge/types.ts';
import type { PostRequest } from './deferral.ts';
import { postArgs, type Work } from './listeners.ts';
import { describeError } from './logger.ts';
import { renderGreeting } from './render.ts';

/** A title in the panel's thread list: the first question, cut at a word near this length. */
export const TITLE_MAX_CHARS = 60;

/** What the panel needs from the listeners; see listeners.ts. */
export interface AssistantDeps {
  texts: AssistantTexts;
  botUserId: string;
  logger: Pick<Logger, 'info' | 'warn'>;
  /** The one answering path, shared with DMs and mentions. */
  answer(work: Work): Promise<void>;
  /** Posts one message exactly once under `claim`. */
  postOnce(claim: [string, string], what: string, request: PostRequest): Promise<void>;
  /** The question's language, leaning to `tie` when the words do not tell. */
  languageOf(question: string, tie: Lang): Lang;
  questionFrom(text: string | undefined): string;
  /** The conversation key of an assistant thread: each thread its own conversation. */
  conversation(team: string | undefined, channel: string, threadTs: string): string;
}

/**
 * The person's language from what Slack tells of them. Slack's own interface has no Swedish, so a Swedish
 * locale is rare: a Stockholm time zone counts as Swedish too. Any other locale is English; nothing known
 * is Swedish, the bot's first language.
 */
export function langOfUser(user: { locale?: unknown; tz?: unknown } | undefined): Lang {
  const locale = typeof user?.locale === 'string' ? user.locale.toLowerCase() : undefined;
  if (locale?.startsWith('sv')) return 'sv';
  if (user?.tz === 'Europe/Stockholm') return 'sv';
  return locale === undefined ? 'sv' : 'en';
}

/** A thread title from a question: whole if short, else cut at the last word that fits, with an ellipsis. */
export function titleFrom(question: string, max = TITLE_MAX_CHARS): string {
  const text = question.replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  // A single very long word is cut where it must be.
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:!?–-]+$/, '')}…`;
}

/** Bolt's Assistant for the bot; registered with app.assistant() by registerListeners. */
export function createAssistant(deps: AssistantDeps): Assistant {
  const { texts, logger } = deps;

  /** Status and title are decoration: one try each, and a failure never stops the answer. */
  const bestEffort = async (what: string, call: () => Promise<unknown>) => {
    try {
      await call();
    } catch (error) {
      logger.warn(`${what} not set`, describeError(error));
    }
  };

  const threadStarted: AssistantConfig['threadStarted'] = async ({ event, client, setSuggestedPrompts }) => {
    const { user_id: user, channel_id: channel, thread_ts: threadTs } = event.assistant_thread;
    let lang: Lang = 'sv';
    try {
      const info = await client.users.info({ user, include_locale: true });
      lang = langOfUser(info.user);
    } catch (error) {
      logger.warn('Locale unknown; greeting in Swedish', describeError(error));
    }
    await Promise.all([
      // setSuggestedPrompts replaces the prompts: a repeat (Slack's retry of the event) is harmless.
      bestEffort('Suggested prompts', () =>
        setSuggestedPrompts({ title: texts.prompts_title[lang], prompts: texts.prompts[lang] }),
      ),
      deps.postOnce(
        [channel, `${threadTs}#greeting`],
        'Greeting',
        postArgs(channel, threadTs, renderGreeting(texts.greeting[lang])),
      ),
    ]);
    logger.info('Assistant thread started', { lang });
  };

  const userMessage: AssistantConfig['userMessage'] = async ({ message, context, setStatus, setTitle }) => {
    // The ack let only people's messages through; the checks narrow the types.
    if (message.subtype !== undefined && message.subtype !== 'file_share') return;
    if ('bot_id' in message && message.bot_id !== undefined) return;
    const user = 'user' in message && typeof message.user === 'string' ? message.user : undefined;
    if (user === undefined || user === deps.botUserId) return;
    const threadTs = 'thread_ts' in message && typeof message.thread_ts === 'string' ? message.thread_ts : '';
    const question = deps.questionFrom('text' in message ? message.text : undefined);
    const channel = message.channel;
    await deps.answer({
      kind: 'assistant',
      claim: [channel, message.ts],
      question,
      userId: user,
      request: (rendered) => postArgs(channel, threadTs, rendered),
      channel,
      threadTs,
      conversation: deps.conversation(context.teamId, channel, threadTs),
      readContext: 'yes',
      followUp: 'with-context',
      // After the claim (a retry that lost it sets no status nobody clears) and before the reply (which
      // clears the status; one set after it would hang there until Slack's own timeout).
      beforeAnswer: async (previous) => {
        const lang = deps.languageOf(question, previous?.lang ?? 'sv');
        await Promise.all([
          bestEffort('Status', () => setStatus(texts.status[lang])),
          // No context yet: the thread's first question, which names it in the panel's list.
          previous === null && question !== ''
            ? bestEffort('Title', () => setTitle(titleFrom(question)))
            : undefined,
        ]);
      },
    });
  };

  return new Assistant({
    // Bolt's default store reads and writes the thread's first message (conversations.replies,
    // chat.update): two calls for a context the answers never use. This one keeps nothing.
    threadContextStore: { get: async () => ({}), save: async () => undefined },
    threadStarted,
    threadContextChanged: async () => undefined,
    userMessage,
  });
}
