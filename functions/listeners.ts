// Bolt listeners, run by the worker function on payloads the ack function verified: turn Slack's events
// into questions for the engine and deliver what render() makes, exactly once.
// - Each piece of work is claimed first (a message: channel + ts; a click: channel + message ts + action
//   + user), so Slack's twin app_mention/message events, its retries and replayed clicks get one reply.
// - The reply goes through deliver(): repeated only when it failed for sure; see delivery.ts.
// - Posted (or of unknown outcome): the claim becomes "posted". Failed for sure after every try: the
//   claim is released (a Slack retry may answer), a short apology goes to the thread if Slack takes it,
//   and the work goes to the dead-letter queue with personal data removed.
import { randomUUID } from 'node:crypto';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { CONTENT } from '../knowledge/content.ts';
import type { Engine } from '../knowledge/engine.ts';
import { createLanguageDetector } from '../knowledge/language.ts';
import { programmeSummary } from '../knowledge/summary.ts';
import { MAX_MESSAGE_CHARS, words } from '../knowledge/text.ts';
import type { Answer, ConversationContext, Lang } from '../knowledge/types.ts';
import { ACTION, FEEDBACK_ACTION, SUGGEST_ACTION } from './actions.ts';
import { createAssistant } from './assistant.ts';
import { type Delivery, deliver, postToResponseUrl, type RetryPolicy } from './delivery.ts';
import type { WorkKind } from './inbound.ts';
import { describeError } from './logger.ts';
import { type Metrics, OUTCOME_METRIC } from './metrics.ts';
import {
  cutAt,
  type Rendered,
  render,
  renderApology,
  renderHome,
  renderThanks,
  unescapeSlack,
} from './render.ts';
import { hashUser } from './store/hash.ts';
import type { Store, Vote } from './store/store.ts';
import type { UndeliveredSink } from './undelivered.ts';

/** What the listeners need; the worker builds these once per cold start. */
export interface ListenerDeps {
  engine: Engine;
  store: Store;
  userHashSalt: string;
  botUserId: string;
  /** Who may read other people's questions on the App Home; everyone else sees counts and topics. */
  adminUserIds: ReadonlySet<string>;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** How often and how long a failed post is tried again. */
  retry: RetryPolicy;
  /** Where a reply that could not be delivered goes. */
  undelivered: UndeliveredSink;
  /** Cap on one response_url post. */
  responseUrlTimeoutMs: number;
  /** Answers by outcome, follow-ups, lost claims and failed posts (metrics.ts). */
  metrics: Pick<Metrics, 'count'>;
  /** Identifies an answer so 👍/👎 can point at it; tests may pin it. */
  newAnswerId?: () => string;
  now?: () => Date;
}

/** In a DM, the previous question is context for this long (decided from the stored time, not TTL). */
export const DM_CONTEXT_MS = 15 * 60_000;

/**
 * The question in a message: the bot's own mention removed, Slack's escaping undone, trimmed and capped
 * at the engine's MAX_MESSAGE_CHARS. Slack allows 40,000 characters a message; the engine reads no more
 * than that, and the question log stores no more, so a pasted document costs neither time nor space.
 */
export function questionFrom(text: string | undefined, botUserId: string): string {
  const withoutBot = (text ?? '').replace(new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`, 'g'), ' ');
  // Cut without render's ellipsis: the engine should not take one for punctuation.
  return cutAt(unescapeSlack(withoutBot).replace(/\s+/g, ' ').trim(), MAX_MESSAGE_CHARS);
}

/** Where a reply goes and how it looks there: one place for every chat.postMessage the bot makes. */
export function postArgs(channel: string, threadTs: string | undefined, { text, blocks }: Rendered) {
  return { channel, thread_ts: threadTs, text, blocks, unfurl_links: false, unfurl_media: false };
}

/** A conversation's key for its stored context: team + channel (+ thread root, outside DMs). */
const conversationKey = (team: string | undefined, channel: string, threadTs?: string) =>
  [team ?? '-', channel, ...(threadTs === undefined ? [] : [threadTs])].join('#');

/** One question to answer and where, as the listeners below (and assistant.ts) describe it. */
export interface Work {
  kind: WorkKind;
  /** The claim: scope (a channel) and id (a message ts, or a click's message ts + action + user). */
  claim: [string, string];
  question: string;
  userId: string;
  /** Posts the rendered message once; deliver() decides about repeats. */
  post: (message: Rendered) => Promise<unknown>;
  /** Where the reply goes, for the apology and the dead-letter record. */
  channel: string | undefined;
  threadTs: string | undefined;
  /** The conversation whose context to read (when `readContext`) and to write after the answer. */
  conversation: string | undefined;
  readContext: 'no' | 'yes' | 'recent';
  /** Asked inside an existing thread: counted as a follow-up ('with-context': when the thread had one). */
  followUp: boolean | 'with-context';
  /** Runs once the claim is won and the context read, before the answer goes out (the panel's status). */
  beforeAnswer?: (context: ConversationContext | null) => Promise<void>;
}

/** Registers every listener the bot has on the app. */
export function registerListeners(app: App, deps: ListenerDeps): void {
  const { engine, store, botUserId, logger, metrics } = deps;
  const newAnswerId = deps.newAnswerId ?? randomUUID;
  const now = deps.now ?? (() => new Date());
  // The App Home's programme part never changes while the function lives; made at the first Home
  // view, not at a cold start that only has a question to answer.
  let summary: ReturnType<typeof programmeSummary> | undefined;

  const tried = (what: string) => (info: { attempt: number; waitMs: number; error: unknown }) =>
    logger.warn(`${what} failed; trying again`, {
      attempt: info.attempt,
      waitMs: info.waitMs,
      ...describeError(info.error),
    });

  /** The claim, counted when it is lost: a retry, a twin event or a replayed click already answered. */
  async function claimed(scope: string, id: string): Promise<boolean> {
    const first = await store.claim(scope, id);
    if (!first) metrics.count('ClaimConflict');
    return first;
  }

  /** deliver(), with a reply that finally failed counted as a PostFailure. */
  async function delivered(what: string, post: () => Promise<unknown>, idempotent = false) {
    const delivery = await deliver(post, deps.retry, tried(what), idempotent);
    if (delivery.status === 'failed') metrics.count('PostFailure');
    return delivery;
  }

  /**
   * Answers (or gives help for an empty question), renders, and starts logging the question.
   * `followUp`: asked inside an existing thread, counted as a follow-up.
   */
  function reply(
    question: string,
    userId: string,
    via: WorkKind,
    context: ConversationContext | null,
    followUp = false,
  ) {
    const answer: Answer = question === '' ? engine.help('sv') : engine.answer(question, context);
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
      withContext: context !== null,
    });
    const logged =
      question === ''
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
    return { answer, rendered: render(answer, answerId), logged };
  }

  async function contextFor(work: Work): Promise<ConversationContext | null> {
    if (work.readContext === 'no' || work.conversation === undefined) return null;
    const stored = await store.getContext(work.conversation);
    if (stored === null) return null;
    if (work.readContext === 'recent' && now().getTime() - stored.at.getTime() > DM_CONTEXT_MS) return null;
    return stored.context;
  }

  /** After every try failed: give the claim back, apologise if Slack takes it, keep the work. */
  async function gaveUp(work: Work, lang: Lang, delivery: Delivery & { status: 'failed' }): Promise<void> {
    await store.release(...work.claim);
    const apology =
      work.channel === undefined
        ? { status: 'failed' as const }
        : await delivered('Apology', () => work.post(renderApology(lang)));
    const code = describeError(delivery.error);
    await deps.undelivered({
      kind: work.kind,
      channel: work.channel,
      threadTs: work.threadTs,
      question: work.question,
      reason: `failed after ${delivery.attempts} attempt(s): ${code.error}${code.code ? ` ${code.code}` : ''}`,
      apologised: apology.status === 'posted',
    });
  }

  /** Claim → context → answer → deliver → settle; see the file comment. */
  async function answer(work: Work): Promise<void> {
    if (!(await claimed(...work.claim))) {
      logger.info('Already answered or being answered', { via: work.kind });
      return;
    }
    const context = await contextFor(work);
    await work.beforeAnswer?.(context);
    const followUp = work.followUp === 'with-context' ? context !== null : work.followUp;
    const {
      answer: given,
      rendered,
      logged,
    } = reply(work.question, work.userId, work.kind, context, followUp);
    const delivery = await delivered('Reply', () => work.post(rendered));
    if (delivery.status === 'failed') {
      logger.error('Reply not delivered', {
        via: work.kind,
        attempts: delivery.attempts,
        ...describeError(delivery.error),
      });
      await Promise.all([logged, gaveUp(work, given.lang, delivery)]);
      return;
    }
    if (delivery.status === 'unknown') {
      // Maybe posted: repeating it could post twice, so it counts as posted (README: Limits).
      logger.warn('Reply outcome unknown; not repeated', {
        via: work.kind,
        ...describeError(delivery.error),
      });
    }
    await Promise.all([
      logged,
      store.markPosted(...work.claim),
      work.conversation === undefined
        ? undefined
        : store.putContext(work.conversation, { context: given.context, at: now() }),
    ]);
  }

  /** One message under its own claim (the panel's greeting): posted once, released if it never went out. */
  async function postOnce(claim: [string, string], what: string, post: () => Promise<unknown>) {
    if (!(await claimed(...claim))) return;
    const delivery = await delivered(what, post);
    await (delivery.status === 'failed' ? store.release(...claim) : store.markPosted(...claim));
  }

  // Global middleware: it takes the panel's events and threaded DMs before the listeners below see them.
  const detect = createLanguageDetector(CONTENT.words.language);
  app.assistant(
    createAssistant({
      texts: CONTENT.assistant,
      botUserId,
      logger,
      answer,
      postOnce,
      languageOf: (question, tie) => detect(words(question), tie),
      questionFrom: (text) => questionFrom(text, botUserId),
      conversation: conversationKey,
    }),
  );

  app.event('app_mention', async ({ event, client, context }) => {
    // The ack function let only people's mentions through; the checks narrow the types.
    if (event.bot_id !== undefined || event.user === undefined || event.user === botUserId) return;
    const root = event.thread_ts ?? event.ts;
    const inThread = event.thread_ts !== undefined && event.thread_ts !== event.ts;
    await answer({
      kind: 'mention',
      claim: [event.channel, event.ts],
      question: questionFrom(event.text, botUserId),
      userId: event.user,
      post: (message) => client.chat.postMessage(postArgs(event.channel, root, message)),
      channel: event.channel,
      threadTs: root,
      conversation: conversationKey(context.teamId, event.channel, root),
      // A mention at the top of a channel starts a new thread: there is nothing to read yet.
      readContext: inThread ? 'yes' : 'no',
      followUp: inThread,
    });
  });

  app.event('message', async ({ event, client, context }) => {
    // Plain messages, and files or thread broadcasts that carry text (inbound.ts let only those through).
    if (event.subtype !== undefined && event.subtype !== 'file_share' && event.subtype !== 'thread_broadcast')
      return;
    if (event.channel_type !== 'im' || ('bot_id' in event && event.bot_id !== undefined)) return;
    const user = 'user' in event && typeof event.user === 'string' ? event.user : undefined;
    if (user === undefined || user === botUserId) return;
    const text = 'text' in event && typeof event.text === 'string' ? event.text : undefined;
    const threadTs =
      'thread_ts' in event && typeof event.thread_ts === 'string' ? event.thread_ts : undefined;
    await answer({
      kind: 'dm',
      claim: [event.channel, event.ts],
      question: questionFrom(text, botUserId),
      userId: user,
      // Top level in the DM, unless the question itself was asked in a thread there.
      post: (message) => client.chat.postMessage(postArgs(event.channel, threadTs, message)),
      channel: event.channel,
      threadTs,
      conversation: conversationKey(context.teamId, event.channel),
      readContext: 'recent',
      followUp: threadTs !== undefined && threadTs !== event.ts,
    });
  });

  app.command('/bidrag', async ({ command, ack }) => {
    await ack();
    // Private, through response_url: Slack does not retry slash commands, and these answers carry no
    // context. A second delivery of the same command (none is expected) would answer twice, harmlessly.
    const question = questionFrom(command.text, botUserId);
    const { rendered, logged } = reply(question, command.user_id, 'command', null);
    const send = (message: Rendered) =>
      postToResponseUrl(
        command.response_url,
        { response_type: 'ephemeral', ...message },
        deps.responseUrlTimeoutMs,
      );
    const delivery = await delivered('Command answer', () => send(rendered));
    if (delivery.status === 'failed') {
      await deps.undelivered({
        kind: 'command',
        channel: undefined,
        threadTs: undefined,
        question,
        reason: `response_url failed after ${delivery.attempts} attempt(s): ${describeError(delivery.error).error}`,
        apologised: false,
      });
    }
    await logged;
  });

  app.action<BlockAction<ButtonAction>>(
    { type: 'block_actions', action_id: FEEDBACK_ACTION },
    async ({ ack, action, body }) => {
      await ack();
      // Answer ids are UUIDs; anything else in a click's value is not ours to store.
      if (!/^[A-Za-z0-9-]{1,64}$/.test(action.value ?? '')) {
        logger.warn('Feedback click without a usable answer id', { actionId: action.action_id });
        return;
      }
      const userHash = hashUser(body.user.id, deps.userHashSalt);
      const claim: [string, string] = [
        body.channel?.id ?? '-',
        `${body.container?.message_ts ?? action.value}#${action.action_id}#${userHash}`,
      ];
      // A replayed click (Slack delivers it again) thanks once; the vote itself is keyed per person anyway.
      if (!(await claimed(...claim))) return;
      const vote: Vote = action.action_id === ACTION.feedbackUp ? 'up' : 'down';
      const lang = action.block_id.endsWith('_en') ? 'en' : 'sv';
      const thanks = renderThanks(lang, vote);
      const [, delivery] = await Promise.all([
        store.recordFeedback({ at: now(), answerId: action.value ?? '', vote, userHash }),
        // A private note to the one who clicked; the message itself stays as everyone else sees it.
        delivered('Thanks', () =>
          postToResponseUrl(
            body.response_url,
            { response_type: 'ephemeral', replace_original: false, ...thanks },
            deps.responseUrlTimeoutMs,
          ),
        ),
      ]);
      await (delivery.status === 'failed' ? store.release(...claim) : store.markPosted(...claim));
    },
  );

  app.action<BlockAction<ButtonAction>>(
    { type: 'block_actions', action_id: SUGGEST_ACTION },
    async ({ ack, action, body, client, context }) => {
      await ack();
      const channel = body.channel?.id;
      const message = body.message;
      const userHash = hashUser(body.user.id, deps.userHashSalt);
      const messageTs = body.container?.message_ts ?? message?.ts ?? '-';
      const ephemeral = body.container?.is_ephemeral || channel === undefined || message === undefined;
      // The bot's answers in channels are in threads; in a DM it answered at top level.
      const threadTs = typeof message?.thread_ts === 'string' ? message.thread_ts : undefined;
      await answer({
        kind: 'suggestion',
        claim: [channel ?? '-', `${messageTs}#${action.action_id}#${userHash}`],
        question: questionFrom(action.value, botUserId),
        userId: body.user.id,
        // An ephemeral answer (from /bidrag) has no message to thread under: answer privately again.
        post: (rendered) =>
          ephemeral
            ? postToResponseUrl(
                body.response_url,
                { response_type: 'ephemeral', replace_original: false, ...rendered },
                deps.responseUrlTimeoutMs,
              )
            : client.chat.postMessage(postArgs(channel, threadTs, rendered)),
        channel: ephemeral ? undefined : channel,
        threadTs,
        // A suggestion is a whole question: it reads no context, and leaves its own for the next one.
        conversation:
          ephemeral || channel === undefined
            ? undefined
            : conversationKey(context.teamId, channel, channel.startsWith('D') ? undefined : threadTs),
        readContext: 'no',
        followUp: false,
      });
    },
  );

  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    const stats = await store.stats();
    summary ??= programmeSummary('sv');
    // Questions are people's own words, some asked in a DM or with /bidrag: only admins read them.
    const audience = deps.adminUserIds.has(event.user) ? 'admin' : 'everyone';
    const view = renderHome(summary, stats, 'sv', audience);
    // views.publish replaces the view: repeating it after an unknown outcome is harmless.
    const delivery = await deliver(
      () => client.views.publish({ user_id: event.user, view }),
      deps.retry,
      tried('Home'),
      true,
    );
    if (delivery.status === 'failed') logger.warn('Home tab not published', describeError(delivery.error));
  });
}
