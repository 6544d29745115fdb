// Slack's assistant panel through signed events, the real ack and worker, and the Web API stand-in that
// records what the bot sent: the thread's greeting and suggested prompts (from phrases.yaml), the status
// while answering, the title, exactly one reply per question, and follow-ups from the thread's context.
import { describe, expect, it } from 'vitest';
import { CONTENT } from '../../../knowledge/content.ts';
import { nextTs, signedEvent, USER_ID } from '../../support/slack.ts';
import { slackStack } from '../../support/slack-stack.ts';

const stack = slackStack();

const PANEL = 'D0PANEL0001';

/** Slack's event when someone opens a new thread in the panel (docs.slack.dev/reference/events/assistant_thread_started). */
function threadStarted(threadTs: string, type = 'assistant_thread_started') {
  return signedEvent({
    type,
    user: undefined,
    text: undefined,
    channel: undefined,
    assistant_thread: {
      user_id: USER_ID,
      context: { channel_id: 'C0VIEWING01', team_id: 'T0TESTTEAM', enterprise_id: null },
      channel_id: PANEL,
      thread_ts: threadTs,
    },
  });
}

/** A person's message in a panel thread: a DM message with the thread's ts. */
const panelMessage = (threadTs: string, text: string, ts = nextTs()) =>
  signedEvent({ type: 'message', channel: PANEL, thread_ts: threadTs, text, ts });

const methods = () => stack.slack.calls.map((call) => call.method);
const posts = () => stack.slack.callsTo('chat.postMessage');

describe('a new thread in the assistant panel', () => {
  it('greets in Swedish and suggests the content’s Swedish prompts for someone in Stockholm', async () => {
    // Slack's interface has no Swedish: a Swedish speaker's locale is English, the time zone tells.
    stack.slack.setUser(USER_ID, { locale: 'en-US', tz: 'Europe/Stockholm' });
    const root = nextTs();
    expect((await stack.send(threadStarted(root))).statusCode).toBe(200);
    const [prompts] = stack.slack.callsTo('assistant.threads.setSuggestedPrompts');
    expect(prompts?.args).toMatchObject({ channel_id: PANEL, thread_ts: root });
    expect(prompts?.args.title).toBe(CONTENT.assistant.prompts_title.sv);
    expect(JSON.parse(String(prompts?.args.prompts))).toEqual(CONTENT.assistant.prompts.sv);
    expect(CONTENT.assistant.prompts.sv).toHaveLength(4);
    expect(posts().map((p) => [p.args.thread_ts, p.args.text])).toEqual([
      [root, CONTENT.assistant.greeting.sv],
    ]);
    expect(stack.slack.callsTo('users.info')[0]?.args).toMatchObject({
      user: USER_ID,
      include_locale: 'true',
    });
  });

  it('greets in English and suggests the English prompts for someone with an English locale elsewhere', async () => {
    stack.slack.setUser(USER_ID, { locale: 'en-GB', tz: 'Europe/London' });
    const root = nextTs();
    await stack.send(threadStarted(root));
    const [prompts] = stack.slack.callsTo('assistant.threads.setSuggestedPrompts');
    expect(prompts?.args.title).toBe(CONTENT.assistant.prompts_title.en);
    expect(JSON.parse(String(prompts?.args.prompts))).toEqual(CONTENT.assistant.prompts.en);
    expect(posts().map((p) => p.args.text)).toEqual([CONTENT.assistant.greeting.en]);
  });

  it('greets once when Slack delivers the event again', async () => {
    const root = nextTs();
    await stack.send(threadStarted(root));
    await stack.send(threadStarted(root));
    expect(posts()).toHaveLength(1);
  });

  it('is greeted in Swedish when Slack does not say who the person is', async () => {
    stack.slack.inject('users.info', { kind: 'okFalse', error: 'user_not_found' });
    await stack.send(threadStarted(nextTs()));
    expect(posts().map((p) => p.args.text)).toEqual([CONTENT.assistant.greeting.sv]);
  });
});

describe('a question in a panel thread', () => {
  it('sets the status in the question’s language, then gets exactly one reply in the thread, with 👍/👎', async () => {
    const root = nextTs();
    await stack.send(panelMessage(root, 'Vem fördelar pengarna 2018?'));
    const [status] = stack.slack.callsTo('assistant.threads.setStatus');
    expect(status?.args).toMatchObject({
      channel_id: PANEL,
      thread_ts: root,
      status: CONTENT.assistant.status.sv,
    });
    expect(methods().indexOf('assistant.threads.setStatus')).toBeLessThan(
      methods().indexOf('chat.postMessage'),
    );
    expect(posts()).toHaveLength(1);
    const [reply] = posts();
    expect(reply?.args).toMatchObject({ channel: PANEL, thread_ts: root });
    expect(String(reply?.args.text)).toMatch(/Tillväxtverket/);
    expect(JSON.stringify(reply?.args.blocks)).toMatch(/feedback_up.*feedback_down/);
  });

  it('names the thread after its first question, cut at a word', async () => {
    const root = nextTs();
    const long =
      'Hur mycket pengar avsätts totalt för hela perioden till kommuner med socioekonomiska utmaningar?';
    await stack.send(panelMessage(root, long));
    const [title] = stack.slack.callsTo('assistant.threads.setTitle');
    expect(title?.args).toMatchObject({ channel_id: PANEL, thread_ts: root });
    expect(String(title?.args.title)).toMatch(/^Hur mycket pengar avsätts totalt .*\S…$/);
    expect(String(title?.args.title).length).toBeLessThanOrEqual(60);
  });

  it('sets an English status for an English question', async () => {
    await stack.send(panelMessage(nextTs(), 'Who distributes the money in 2019?'));
    expect(stack.slack.callsTo('assistant.threads.setStatus')[0]?.args.status).toBe(
      CONTENT.assistant.status.en,
    );
  });

  it('is answered once when Slack delivers the message again', async () => {
    const root = nextTs();
    const ts = nextTs();
    await stack.send(panelMessage(root, 'Vem är presskontakt?', ts));
    await stack.send(panelMessage(root, 'Vem är presskontakt?', ts));
    expect(posts()).toHaveLength(1);
    // The lost claim sets no status that no reply would clear.
    expect(stack.slack.callsTo('assistant.threads.setStatus')).toHaveLength(1);
  });

  it('answers a follow-up from the thread’s context, and keeps the first title', async () => {
    const root = nextTs();
    await stack.send(panelMessage(root, 'Vem fördelar pengarna 2018?'));
    await stack.send(panelMessage(root, 'och 2019?'));
    const [first, followUp] = posts().map((p) => String(p.args.text));
    expect(first).toMatch(/Tillväxtverket/);
    expect(followUp).toMatch(/Delegationen mot segregation/);
    expect(posts().map((p) => p.args.thread_ts)).toEqual([root, root]);
    expect(stack.slack.callsTo('assistant.threads.setTitle').map((c) => c.args.title)).toEqual([
      'Vem fördelar pengarna 2018?',
    ]);
  });

  it('does not read another thread’s context', async () => {
    await stack.send(panelMessage(nextTs(), 'Vem fördelar pengarna 2018?'));
    await stack.send(panelMessage(nextTs(), 'och 2019?'));
    expect(String(posts()[1]?.args.text)).not.toMatch(/Delegationen mot segregation/);
  });

  it('still answers when the status cannot be set', async () => {
    stack.slack.inject('assistant.threads.setStatus', { kind: 'http500' });
    await stack.send(panelMessage(nextTs(), 'Vem är presskontakt?'));
    expect(posts()).toHaveLength(1);
  });
});

describe('the ack and the panel’s events', () => {
  it('hands a thread start to the worker', async () => {
    const before = stack.lambda.invocations.length;
    expect((await stack.send(threadStarted(nextTs()))).statusCode).toBe(200);
    expect(stack.lambda.invocations.length).toBe(before + 1);
  });

  it('acknowledges a context change without invoking the worker: no answer depends on the channel in view', async () => {
    const before = stack.lambda.invocations.length;
    expect((await stack.send(threadStarted(nextTs(), 'assistant_thread_context_changed'))).statusCode).toBe(
      200,
    );
    expect(stack.lambda.invocations.length).toBe(before);
    expect(stack.slack.calls).toEqual([]);
  });

  it('refuses a thread start without its thread with a 400', async () => {
    const response = await stack.send(
      signedEvent({ type: 'assistant_thread_started', assistant_thread: null }),
    );
    expect(response.statusCode).toBe(400);
    expect(stack.slack.calls).toEqual([]);
  });
});
