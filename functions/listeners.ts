// Bolt listeners: turn Slack's events into questions for the engine and post what render() makes.
// AwsLambdaReceiver answers Slack only when every listener has finished, so each listener does its
// few awaits in parallel and relies on the store being capped (resilient) to stay well inside 3 s.
import { randomUUID } from 'node:crypto';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { Engine } from '../knowledge/engine.ts';
import { programmeSummary } from '../knowledge/summary.ts';
import type { Answer } from '../knowledge/types.ts';
import { type Metrics, OUTCOME_METRIC } from './metrics.ts';
import {
  ACTION,
  type Rendered,
  render,
  renderHome,
  renderThanks,
  SUGGEST_ACTION,
  unescapeSlack,
} from './render.ts';
import { hashUser } from './store/hash.ts';
import type { Store, Vote } from './store/store.ts';

/** What the listeners need; the Lambda entry builds these once per cold start. */
export interface ListenerDeps {
  engine: Engine;
  store: Store;
  userHashSalt: string;
  botUserId: string;
  /** Who may read other people's questions on the App Home; everyone else sees counts and topics. */
  adminUserIds: ReadonlySet<string>;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  metrics: Pick<Metrics, 'count'>;
  /** Identifies an answer so 👍/👎 can point at it; tests may pin it. */
  newAnswerId?: () => string;
  now?: () => Date;
}

/**
 * A question is a sentence or two. Slack allows 40,000 characters a message; the engine and the log get
 * at most this much, so a pasted document costs neither time nor table space.
 */
export const MAX_QUESTION_CHARS = 2_000;

/** The question in a message: the bot's own mention removed, Slack's escaping undone, trimmed and capped. */
export function questionFrom(text: string | undefined, botUserId: string): string {
  const withoutBot = (text ?? '').replace(new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`, 'g'), ' ');
  const question = unescapeSlack(withoutBot).replace(/\s+/g, ' ').trim();
  if (question.length <= MAX_QUESTION_CHARS) return question;
  // Not render's truncate: the engine should not see an ellipsis it might take for punctuation.
  const end = MAX_QUESTION_CHARS;
  const code = question.charCodeAt(end - 1);
  return question.slice(0, code >= 0xd800 && code <= 0xdbff ? end - 1 : end);
}

const FEEDBACK_ACTION = new RegExp(`^(${ACTION.feedbackUp}|${ACTION.feedbackDown})$`);
/** Answer ids are UUIDs; anything else in a click's value is not ours to store. */
const ANSWER_ID = /^[A-Za-z0-9-]{1,64}$/;

/** Registers every listener the bot has on the app. */
export function registerListeners(app: App, deps: ListenerDeps): void {
  const { engine, store, botUserId, logger, metrics } = deps;
  const newAnswerId = deps.newAnswerId ?? randomUUID;
  const now = deps.now ?? (() => new Date());
  // The App Home's programme part never changes while the function lives.
  const summary = programmeSummary('sv');

  /** The claim, counted when it is lost: a retry or the twin event of a message already answered. */
  async function claimed(channel: string, ts: string): Promise<boolean> {
    const first = await store.claim(channel, ts);
    if (!first) metrics.count('ClaimConflict');
    return first;
  }

  /** A post to Slack, counted when it fails; the failure still reaches Bolt's error handler. */
  function posted<T>(post: Promise<T>): Promise<T> {
    return post.catch((error: unknown) => {
      metrics.count('PostFailure');
      throw error;
    });
  }

  /**
   * Answers (or gives help for an empty question), renders, and starts logging the question.
   * `followUp`: asked inside an existing thread, counted as a follow-up.
   */
  function reply(
    question: string,
    userId: string | undefined,
    via: string,
    followUp = false,
  ): Rendered & { logged: Promise<void> } {
    const answer: Answer = question === '' ? engine.help('sv') : engine.answer(question);
    if (question !== '') {
      metrics.count(OUTCOME_METRIC[answer.outcome]);
      if (followUp) metrics.count('FollowUp');
    }
    const answerId = newAnswerId();
    logger.info('Answering', {
      via,
      answerId,
      intent: answer.intent,
      outcome: answer.outcome,
      entryId: answer.entryId,
      confidence: answer.confidence,
    });
    const logged =
      question === '' || userId === undefined
        ? Promise.resolve()
        : store.logQuestion({
            at: now(),
            question,
            lang: answer.lang,
            intent: answer.intent,
            entryId: answer.entryId,
            confidence: answer.confidence,
            answered: answer.outcome === 'answered',
            userHash: hashUser(userId, deps.userHashSalt),
            answerId,
          });
    return { ...render(answer, answerId), logged };
  }

  app.event('app_mention', async ({ event, client }) => {
    // Other bots (and this one, should Slack send it) must never start a bot-to-bot conversation.
    if (event.bot_id !== undefined || event.subtype !== undefined || event.user === undefined) return;
    if (event.user === botUserId) return;
    // Slack sends the same post as app_mention and as message, and retries: only the first one replies.
    if (!(await claimed(event.channel, event.ts))) return;
    const inThread = event.thread_ts !== undefined && event.thread_ts !== event.ts;
    const { text, blocks, logged } = reply(
      questionFrom(event.text, botUserId),
      event.user,
      'mention',
      inThread,
    );
    await Promise.all([
      posted(
        client.chat.postMessage({
          channel: event.channel,
          thread_ts: event.thread_ts ?? event.ts,
          text,
          blocks,
          unfurl_links: false,
          unfurl_media: false,
        }),
      ),
      logged,
    ]);
  });

  app.event('message', async ({ event, client }) => {
    // Edits, deletions, joins, bot_message and every other subtype are not questions.
    if (event.subtype !== undefined) return;
    if (event.channel_type !== 'im' || event.bot_id !== undefined || event.user === botUserId) return;
    if (!(await claimed(event.channel, event.ts))) return;
    const inThread = event.thread_ts !== undefined && event.thread_ts !== event.ts;
    const { text, blocks, logged } = reply(questionFrom(event.text, botUserId), event.user, 'dm', inThread);
    await Promise.all([
      posted(
        client.chat.postMessage({
          channel: event.channel,
          // Top level in the DM, unless the question itself was asked in a thread there.
          thread_ts: event.thread_ts,
          text,
          blocks,
          unfurl_links: false,
          unfurl_media: false,
        }),
      ),
      logged,
    ]);
  });

  app.command('/bidrag', async ({ command, ack }) => {
    // Slack does not retry slash commands and shows the acknowledgement itself: the answer is the ack.
    let rendered: Rendered & { logged: Promise<void> };
    try {
      rendered = reply(questionFrom(command.text, botUserId), command.user_id, 'command');
    } catch (error) {
      await ack({ response_type: 'ephemeral', text: 'Något gick fel. Försök igen om en stund.' });
      throw error;
    }
    const { text, blocks, logged } = rendered;
    await Promise.all([ack({ response_type: 'ephemeral', text, blocks }), logged]);
  });

  app.action<BlockAction<ButtonAction>>(
    { type: 'block_actions', action_id: FEEDBACK_ACTION },
    async ({ ack, action, body, respond }) => {
      await ack();
      if (!ANSWER_ID.test(action.value ?? '')) {
        logger.warn('Feedback click without a usable answer id', { actionId: action.action_id });
        return;
      }
      const vote: Vote = action.action_id === ACTION.feedbackUp ? 'up' : 'down';
      const lang = action.block_id.endsWith('_en') ? 'en' : 'sv';
      const { text, blocks } = renderThanks(lang, vote);
      await Promise.all([
        store.recordFeedback({
          at: now(),
          answerId: action.value ?? '',
          vote,
          userHash: hashUser(body.user.id, deps.userHashSalt),
        }),
        // A private note to the one who clicked; the message itself stays as everyone else sees it.
        respond({ response_type: 'ephemeral', replace_original: false, text, blocks }),
      ]);
    },
  );

  app.action<BlockAction<ButtonAction>>(
    { type: 'block_actions', action_id: SUGGEST_ACTION },
    async ({ ack, action, body, client, respond }) => {
      await ack();
      const question = questionFrom(action.value, botUserId);
      const { text, blocks, logged } = reply(question, body.user.id, 'suggestion');
      const channel = body.channel?.id;
      const message = body.message;
      // An ephemeral answer (from /bidrag) has no message to thread under: answer privately again.
      const post =
        body.container?.is_ephemeral || channel === undefined || message === undefined
          ? respond({ response_type: 'ephemeral', replace_original: false, text, blocks })
          : posted(
              client.chat.postMessage({
                channel,
                // The bot's answers in channels are in threads; in a DM it answered at top level.
                thread_ts: typeof message.thread_ts === 'string' ? message.thread_ts : undefined,
                text,
                blocks,
                unfurl_links: false,
                unfurl_media: false,
              }),
            );
      await Promise.all([post, logged]);
    },
  );

  app.event('app_home_opened', async ({ event, client }) => {
    // Opening the Messages tab fires this too; only the Home tab has a view to publish.
    if (event.tab !== 'home') return;
    const stats = await store.stats();
    // Questions are people's own words, some asked in a DM or with /bidrag: only admins read them.
    const audience = deps.adminUserIds.has(event.user) ? 'admin' : 'everyone';
    await client.views.publish({ user_id: event.user, view: renderHome(summary, stats, 'sv', audience) });
  });
}
