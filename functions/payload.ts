// What the ack hands the worker: only the fields it reads, texts capped, so the asynchronous Invoke's
// payload stays far below Lambda's limit for it (1 MB, AWS Invoke API reference) whatever Slack sends.
// The body's own size and depth are checked before it is parsed (request.ts).
import { MAX_MESSAGE_CHARS } from '../knowledge/text.ts';
import { MalformedRequestError } from './request.ts';

/**
 * The most of a text field the worker is given: the engine reads MAX_MESSAGE_CHARS after Slack's
 * escaping is undone (&amp; is five characters for one) and the bot's mention is removed.
 */
const MAX_TEXT_CHARS = MAX_MESSAGE_CHARS * 8;
/** The worker's payload never exceeds this: a quarter of Lambda's 1 MB for an asynchronous Invoke. */
export const MAX_WORK_BYTES = 256 * 1024;

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The named fields of `value` that are present, texts capped. */
function pick(value: unknown, fields: readonly string[]): Obj | undefined {
  if (!isObj(value)) return undefined;
  const out: Obj = {};
  for (const field of fields) {
    const v = value[field];
    if (v === undefined || isObj(v) || Array.isArray(v)) continue;
    out[field] = typeof v === 'string' ? v.slice(0, MAX_TEXT_CHARS) : v;
  }
  return out;
}

const EVENT = [
  'type',
  'user',
  'text',
  'channel',
  'channel_type',
  'ts',
  'thread_ts',
  'event_ts',
  'subtype',
  'bot_id',
  'tab',
  'team',
];
const ENVELOPE = [
  'type',
  'team_id',
  'enterprise_id',
  'is_enterprise_install',
  'api_app_id',
  'event_id',
  'event_time',
];
const AUTHORIZATION = ['team_id', 'enterprise_id', 'user_id', 'is_bot', 'is_enterprise_install'];
const COMMAND = [
  'command',
  'text',
  'user_id',
  'team_id',
  'enterprise_id',
  'is_enterprise_install',
  'channel_id',
  'response_url',
  'trigger_id',
  'api_app_id',
];
const ACTIONS = ['type', 'api_app_id', 'is_enterprise_install', 'response_url', 'trigger_id'];
const ACTION = ['type', 'action_id', 'block_id', 'value', 'action_ts'];

/** The event's fields, and for the assistant panel's events the thread (Bolt's Assistant reads it). */
function eventForWorker(event: unknown): Obj | undefined {
  const fields = pick(event, EVENT);
  if (fields === undefined || !isObj(event) || !isObj(event.assistant_thread)) return fields;
  return {
    ...fields,
    assistant_thread: pick(event.assistant_thread, ['user_id', 'channel_id', 'thread_ts']),
  };
}

/** Drops undefined members, so the payload carries only what was there. */
const present = (object: Obj): Obj =>
  Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined));

/**
 * The part of a verified payload the worker reads (Bolt's routing and the listeners), texts capped;
 * throws MalformedRequestError if even that is over MAX_WORK_BYTES.
 */
export function forWorker(body: Obj): Obj {
  let slim: Obj;
  if (typeof body.command === 'string') slim = pick(body, COMMAND) ?? {};
  else if (body.type === 'block_actions') {
    const [action] = Array.isArray(body.actions) ? body.actions : [];
    slim = present({
      ...pick(body, ACTIONS),
      user: pick(body.user, ['id', 'team_id']),
      team: pick(body.team, ['id']),
      enterprise: pick(body.enterprise, ['id']),
      channel: pick(body.channel, ['id']),
      container: pick(body.container, ['type', 'message_ts', 'channel_id', 'is_ephemeral']),
      message: pick(body.message, ['type', 'ts', 'thread_ts', 'user']),
      actions: [pick(action, ACTION) ?? {}],
    });
  } else {
    const [first] = Array.isArray(body.authorizations) ? body.authorizations : [];
    slim = present({
      ...pick(body, ENVELOPE),
      authorizations: isObj(first) ? [pick(first, AUTHORIZATION)] : undefined,
      event: eventForWorker(body.event),
    });
  }
  if (Buffer.byteLength(JSON.stringify(slim), 'utf8') > MAX_WORK_BYTES) {
    throw new MalformedRequestError(`the work is over ${MAX_WORK_BYTES} bytes`);
  }
  return slim;
}
