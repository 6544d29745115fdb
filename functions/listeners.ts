// Bolt listeners, run by the worker function on payloads the ack function verified: turn Slack's events
// into questions for the engine and deliver what render() makes, exactly once.
// - Each piece of work is claimed first (a message: channel + ts; a click: channel + message ts + action
//   + user), so Slack's twin app_mention/message events, its retries and replayed clicks get one reply.
// - The reply goes through deliver(): repeated only when it failed for sure; see delivery.ts.
// - Posted (or of unknown outcome): the claim becomes "posted". Slack asked for a longer wait than the
//   invocation has: the reply goes to the deferral queue. Failed for sure after every try: the claim is
//   released (a Slack retry may answer), a short apology goes to the thread where it can arrive, and the
//   work goes to the dead-letter queue with personal data removed (deferral.ts settles all of these).
import { randomUUID } from 'node:crypto';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { CONTENT } from '../knowledge/content.ts';
import type { Engine } from '../knowledge/engine.ts';
import { createLanguageDetector } from '../knowledge/language.ts';
import { programmeSummary } from '../knowledge/summary.ts';
import { MAX_MESSAGE_CHARS, words } from '../knowledge/text.ts';
import type { Answer, ConversationContext } from '../knowledge/types.ts';
import { ACTION, FEEDBACK_ACTION, SUGGEST_ACTION } from './actions.ts';
import { createAssistant } from './assistant.ts';
import { type DeferSink, type PendingReply, type PostRequest, type Send, settle } from './deferral.ts';
import { deliver, type RetryPolicy } from './delivery.ts';
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
  /** Where a reply goes when Slack asks for a longer wait than the invocation has (deferral.ts). */
  defer: DeferSink;
  /** Makes a reply's post (Bolt's Web API client, or a response_url). */
  send: Send;
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
  // Lines are kept: a `>` quote, a numbered question or a pasted mail is read line by line by the engine.
  const lines = unescapeSlack(withoutBot)
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ *\n\s*/g, '\n');
  return cutAt(lines.trim(), MAX_MESSAGE_CHARS);
}

/** Where a reply goes and how it looks there: one place for every chat.postMessage the bot makes. */
export function postArgs(
  channel: string,
  threadTs: string | undefined,
  { text, blocks }: Rendered,
): PostRequest {
  return {
    via: 'chat.postMessage',
    args: { channel, thread_ts: threadTs, text, blocks, unfurl_links: false, unfurl_media: false },
  };
}

/** A private answer through a response_url (slash commands, clicks on ephemeral answers). */
function ephemeral(url: string, message: Rendered, replaceOriginal?: false): PostRequest {
  const body = {
    response_type: 'ephemeral',
    ...(replaceOriginal === false ? { replace_original: false } : {}),
  };
  return { via: 'response_url', url, body: { ...body, ...message } };
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
  /** The post of a rendered message, as data (it may wait in the deferral queue). */
  request: (message: Rendered) => PostRequest;
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
    const pending: PendingReply = {
      kind: work.kind,
      claim: work.claim,
      reply: work.request(rendered),
      apology: work.channel === undefined ? undefined : work.request(renderApology(given.lang)),
      question: work.question,
      channel: work.channel,
      threadTs: work.threadTs,
      lang: given.lang,
      deferrals: 0,
    };
    const delivery = await deliver(() => deps.send(pending.reply), deps.retry, tried('Reply'));
    // The context follows the answer that was (or will be) given; a lost reply leaves none behind.
    const conversation = delivery.status === 'failed' ? undefined : work.conversation;
    await Promise.all([
      logged,
      settle(deps, pending, delivery),
      conversation === undefined
        ? undefined
        : store.putContext(conversation, {
            context: given.context,
            at: now(),
            // A DM's channel id names the person in it: the hash lets report --forget find it.
            owner: work.channel?.startsWith('D') ? hashUser(work.userId, deps.userHashSalt) : undefined,
          }),
    ]);
  }

  /** One message under its own claim (the panel's greeting): posted once, released if it never went out. */
  async function postOnce(claim: [string, string], what: string, request: PostRequest) {
    if (!(await claimed(...claim))) return;
    const delivery = await deliver(() => deps.send(request), deps.retry, tried(what));
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

  app.event('app_mention', async ({ event, context }) => {
    // The ack function let only people's mentions through; the checks narrow the types.
    if (event.bot_id !== undefined || event.user === undefined || event.user === botUserId) return;
    const root = event.thread_ts ?? event.ts;
    const inThread = event.thread_ts !== undefined && event.thread_ts !== event.ts;
    await answer({
      kind: 'mention',
      claim: [event.channel, event.ts],
      question: questionFrom(event.text, botUserId),
      userId: event.user,
      request: (message) => postArgs(event.channel, root, message),
      channel: event.channel,
      threadTs: root,
      conversation: conversationKey(context.teamId, event.channel, root),
      // A mention at the top of a channel starts a new thread: there is nothing to read yet.
      readContext: inThread ? 'yes' : 'no',
      followUp: inThread,
    });
  });

  app.event('message', async ({ event, context }) => {
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
      request: (message) => postArgs(event.channel, threadTs, message),
      channel: event.channel,
      threadTs,
      conversation: conversationKey(context.teamId, event.channel),
      readContext: 'recent',
      followUp: threadTs !== undefined && threadTs !== event.ts,
    });
  });

  app.command('/bidrag', async ({ command, ack }) => {
    await ack();
    // Private, through response_url. Slack does not retry slash commands, but a signed request can be
    // replayed within its five minutes: the claim on its trigger_id answers it once.
    await answer({
      kind: 'command',
      claim: ['COMMAND', command.trigger_id || randomUUID()],
      question: questionFrom(command.text, botUserId),
      userId: command.user_id,
      request: (message) => ephemeral(command.response_url, message),
      channel: undefined,
      threadTs: undefined,
      conversation: undefined,
      readContext: 'no',
      followUp: false,
    });
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
        deliver(() => deps.send(ephemeral(body.response_url, thanks, false)), deps.retry, tried('Thanks')),
      ]);
      await (delivery.status === 'failed' ? store.release(...claim) : store.markPosted(...claim));
    },
  );

  app.action<BlockAction<ButtonAction>>(
    { type: 'block_actions', action_id: SUGGEST_ACTION },
    async ({ ack, action, body, context }) => {
      await ack();
      const channel = body.channel?.id;
      const message = body.message;
      const userHash = hashUser(body.user.id, deps.userHashSalt);
      const messageTs = body.container?.message_ts ?? message?.ts ?? '-';
      const privately = body.container?.is_ephemeral || channel === undefined || message === undefined;
      // The bot's answers in channels are in threads; in a DM it answered at top level.
      const threadTs = typeof message?.thread_ts === 'string' ? message.thread_ts : undefined;
      await answer({
        kind: 'suggestion',
        claim: [channel ?? '-', `${messageTs}#${action.action_id}#${userHash}`],
        question: questionFrom(action.value, botUserId),
        userId: body.user.id,
        // An ephemeral answer (from /bidrag) has no message to thread under: answer privately again.
        request: (rendered) =>
          privately || channel === undefined
            ? ephemeral(body.response_url, rendered, false)
            : postArgs(channel, threadTs, rendered),
        channel: privately ? undefined : channel,
        threadTs,
        // A suggestion is a whole question: it reads no context, and leaves its own for the next one.
        conversation:
          privately || channel === undefined
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
