// What a verified Slack request asks of the bot, decided from its shape before anything is claimed or
// handed over. Bolt answers 500 to signed payloads of the wrong shape ("event": "app_mention", "event":
// null, a block_actions without `user` or with "actions": {}) and a mention whose text is a number got
// claimed and then dropped; here each of those is named. The ack function answers:
// - 200 and hands the payload to the worker, for work;
// - 200 and nothing else, for what is not for the bot (other bots, edits, channel chatter, unknown types);
// - 400 (MalformedRequestError) for what is broken, with the reason in the log.
import { FEEDBACK_ACTION, SUGGEST_ACTION } from './actions.ts';
import { MalformedRequestError } from './request.ts';

export type Inbound =
  | { kind: 'challenge'; challenge: string }
  | { kind: 'work'; what: WorkKind }
  | { kind: 'ignore'; reason: string };

export type WorkKind = 'mention' | 'dm' | 'home' | 'command' | 'feedback' | 'suggestion' | 'assistant';

/** Message subtypes that are still a person asking something, when they carry text. */
const ANSWERABLE_SUBTYPES = new Set(['file_share', 'thread_broadcast']);

type Obj = Record<string, unknown>;

const isObj = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function optionalString(object: Obj, field: string, where: string): string | undefined {
  const value = object[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new MalformedRequestError(`${where}.${field} is not a string`);
  return value;
}

function requiredString(object: Obj, field: string, where: string): string {
  const value = optionalString(object, field, where);
  if (value === undefined) throw new MalformedRequestError(`${where}.${field} is missing`);
  return value;
}

const ignore = (reason: string): Inbound => ({ kind: 'ignore', reason });
const work = (what: WorkKind): Inbound => ({ kind: 'work', what });

/** A message or mention a person wrote to the bot, or the reason it is not one. Throws when malformed. */
function messageFromPerson(event: Obj, botUserId: string): string | undefined {
  requiredString(event, 'channel', 'event');
  requiredString(event, 'ts', 'event');
  optionalString(event, 'thread_ts', 'event');
  const text = optionalString(event, 'text', 'event');
  const user = optionalString(event, 'user', 'event');
  const subtype = optionalString(event, 'subtype', 'event');
  // Other bots (and this one) must never start a bot-to-bot conversation.
  if (event.bot_id !== undefined || user === undefined) return 'not from a person';
  if (user === botUserId) return 'the bot itself';
  if (subtype !== undefined && !(ANSWERABLE_SUBTYPES.has(subtype) && text?.trim())) {
    return `message subtype ${subtype}`;
  }
  return undefined;
}

function classifyEvent(body: Obj, botUserId: string): Inbound {
  const event = body.event;
  if (!isObj(event)) throw new MalformedRequestError('event is not an object');
  const type = requiredString(event, 'type', 'event');
  switch (type) {
    case 'app_mention': {
      const why = messageFromPerson(event, botUserId);
      return why === undefined ? work('mention') : ignore(`app_mention: ${why}`);
    }
    case 'message': {
      // Checked before the shape: channel messages are not for the bot whatever they hold.
      if (event.channel_type !== 'im') return ignore('message outside a DM');
      const why = messageFromPerson(event, botUserId);
      return why === undefined ? work('dm') : ignore(`message: ${why}`);
    }
    case 'app_home_opened':
      requiredString(event, 'user', 'event');
      // Opening the Messages tab fires this too; only the Home tab has a view to publish.
      return event.tab === 'home' ? work('home') : ignore('app_home_opened outside the Home tab');
    case 'assistant_thread_started':
      assistantThread(event);
      return work('assistant');
    case 'assistant_thread_context_changed':
      // The channel the person is looking at changes no answer (they are about one programme, whatever
      // the channel), so the worker would be invoked to do nothing: checked and acknowledged here.
      assistantThread(event);
      return ignore('assistant_thread_context_changed: answers do not depend on the channel in view');
    default:
      return ignore(`event type ${type}`);
  }
}

/** An assistant panel event's thread: who opened it and where; throws when malformed. */
function assistantThread(event: Obj): void {
  const thread = event.assistant_thread;
  if (!isObj(thread)) throw new MalformedRequestError('event.assistant_thread is not an object');
  requiredString(thread, 'user_id', 'assistant_thread');
  requiredString(thread, 'channel_id', 'assistant_thread');
  requiredString(thread, 'thread_ts', 'assistant_thread');
}

function classifyActions(body: Obj): Inbound {
  if (!isObj(body.user)) throw new MalformedRequestError('block_actions.user is not an object');
  requiredString(body.user, 'id', 'user');
  if (!Array.isArray(body.actions)) throw new MalformedRequestError('block_actions.actions is not a list');
  const [action] = body.actions;
  if (!isObj(action)) throw new MalformedRequestError('block_actions.actions[0] is not an object');
  const actionId = requiredString(action, 'action_id', 'action');
  optionalString(action, 'value', 'action');
  optionalString(body, 'response_url', 'block_actions');
  if (FEEDBACK_ACTION.test(actionId)) return work('feedback');
  if (SUGGEST_ACTION.test(actionId)) return work('suggestion');
  return ignore(`action ${actionId}`);
}

/** What a verified request asks for; throws MalformedRequestError (→ 400) when its shape is broken. */
export function classify(body: Obj, botUserId: string): Inbound {
  // Slack checks a slash command's TLS with an unsigned ssl_check; it wants a 200 and nothing else.
  if (body.ssl_check !== undefined) return ignore('ssl_check');
  if (typeof body.command === 'string') {
    if (body.command !== '/bidrag') return ignore(`command ${body.command}`);
    requiredString(body, 'user_id', 'command');
    requiredString(body, 'response_url', 'command');
    optionalString(body, 'text', 'command');
    return work('command');
  }
  const type = body.type;
  if (typeof type !== 'string') throw new MalformedRequestError('type is missing');
  switch (type) {
    case 'url_verification':
      return { kind: 'challenge', challenge: requiredString(body, 'challenge', 'url_verification') };
    case 'event_callback':
      return classifyEvent(body, botUserId);
    case 'block_actions':
      return classifyActions(body);
    default:
      return ignore(`payload type ${type}`);
  }
}
