// Pure Block Kit rendering: no Slack client, no I/O. Everything shown is treated as untrusted for
// Slack's control syntax, because the engine may echo a word or a name from the question.
import type { types } from '@slack/bolt';
import { sourceLine } from '../knowledge/format.ts';
import type { ProgrammeSummary } from '../knowledge/summary.ts';
import type { Answer, Intent, Lang } from '../knowledge/types.ts';
import { ACTION } from './actions.ts';
import type { UsageStats, Vote } from './store/store.ts';

export { ACTION, SUGGEST_ACTION } from './actions.ts';

type KnownBlock = types.KnownBlock;
type HomeView = types.HomeView;
type Button = types.Button;

/** A message as chat.postMessage, respond() and ack() take it: blocks plus the notification text. */
export interface Rendered {
  text: string;
  blocks: KnownBlock[];
}

/** Slack's limits (docs.slack.dev/reference/block-kit), with a margin where "keep it short" is the goal. */
export const LIMITS = {
  sectionText: 3_000,
  blocks: 50,
  homeBlocks: 100,
  /** chat.postMessage truncates `text` at 40,000; a notification needs far less. */
  fallbackText: 3_000,
  /** Sections for one answer: longer answers are cut, a chat reply is not a document. */
  answerSections: 4,
  contextText: 1_000,
  buttonText: 75,
  buttonValue: 2_000,
  suggestions: 5,
  homeQuestion: 200,
} as const;

const WORD_JOINER = '\u2060';

/**
 * Makes text inert for Slack: &, < and > become entities, so `<!channel>`, `<@U…>`, `<#C…>` and links
 * show as typed; bare @channel/@here/@everyone get an invisible joiner so no client or setting
 * (link_names) can turn them into a broadcast.
 */
export function escapeText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(channel|here|everyone)\b/gi, `@${WORD_JOINER}$1`);
}

/** Slack escapes &, < and > in what people type; this gives back what they typed, for the engine. */
export function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The first `end` UTF-16 units of `text`, one less if that would split a surrogate pair. */
export function cutAt(text: string, end: number): string {
  let e = Math.max(0, end);
  const code = text.charCodeAt(e - 1);
  if (code >= 0xd800 && code <= 0xdbff) e -= 1;
  return text.slice(0, e);
}

/** Cuts to at most `max` characters (with an ellipsis), never inside a surrogate pair. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${cutAt(text, max - 1)}…`;
}

/** Escapes `raw` and cuts it so the escaped form fits `max`, without breaking an entity. */
export function escapedWithin(raw: string, max: number): string {
  const escaped = escapeText(raw);
  if (escaped.length <= max) return escaped;
  // Escaping only lengthens, so cut the raw text until its escaped form plus the ellipsis fits;
  // each round drops at least one character, and usually one round is enough.
  let end = max - 1;
  let out = escapeText(cutAt(raw, end));
  while (out.length > max - 1) {
    end -= out.length - (max - 1);
    out = escapeText(cutAt(raw, end));
  }
  return `${out}…`;
}

/** Splits text into escaped sections within LIMITS.sectionText, at line breaks where possible. */
function sections(raw: string): string[] {
  // One character short of the limit, so a cut answer still has room for its ellipsis.
  const max = LIMITS.sectionText - 1;
  const chunks: string[] = [];
  let current = '';
  for (const line of raw.split('\n')) {
    const escaped = escapedWithin(line, max);
    const joined = current === '' ? escaped : `${current}\n${escaped}`;
    if (joined.length <= max) {
      current = joined;
      continue;
    }
    if (current !== '') chunks.push(current);
    current = escaped;
  }
  // A section's text may not be empty.
  chunks.push(current === '' ? ' ' : current);
  if (chunks.length <= LIMITS.answerSections) return chunks;
  const kept = chunks.slice(0, LIMITS.answerSections);
  kept[kept.length - 1] = `${kept[kept.length - 1] ?? ''}…`;
  return kept;
}

const mrkdwn = (text: string) => ({ type: 'mrkdwn' as const, text, verbatim: true });
const plain = (text: string) => ({ type: 'plain_text' as const, text, emoji: true });

const LABELS = {
  sv: {
    didYouMean: 'Menade du…?',
    helpful: 'Var svaret till hjälp?',
    thanksUp: 'Tack! Skönt att svaret hjälpte.',
    thanksDown: 'Tack för att du sa till. Vi använder det för att förbättra svaren.',
    sorry: 'Förlåt, jag kunde inte skicka mitt svar på din fråga. Fråga gärna igen om en stund.',
  },
  en: {
    didYouMean: 'Did you mean…?',
    helpful: 'Was this helpful?',
    thanksUp: 'Thanks! Glad it helped.',
    thanksDown: 'Thanks for telling us. We use it to improve the answers.',
    sorry: 'Sorry, I could not send my answer to your question. Please ask again in a moment.',
  },
} as const;

/** Renders one answer; `answerId` adds the 👍/👎 buttons that rate it. */
export function render(answer: Answer, answerId?: string): Rendered {
  const blocks: KnownBlock[] = sections(answer.text).map((text) => ({
    type: 'section',
    text: mrkdwn(text),
  }));
  const sourceLines = answer.sources.map((source) =>
    escapedWithin(sourceLine(source, answer.lang), LIMITS.contextText),
  );
  if (sourceLines.length > 0) {
    // Context blocks take at most 10 elements.
    blocks.push({ type: 'context', elements: sourceLines.slice(0, 10).map(mrkdwn) });
  }
  const labels = LABELS[answer.lang];
  const suggestions = answer.suggestions.slice(0, LIMITS.suggestions);
  if (suggestions.length > 0) {
    blocks.push({ type: 'section', text: mrkdwn(labels.didYouMean) });
    blocks.push({
      type: 'actions',
      block_id: 'suggestions',
      elements: suggestions.map(
        (question, index): Button => ({
          type: 'button',
          action_id: `${ACTION.suggestPrefix}${index}`,
          text: plain(escapedWithin(question, LIMITS.buttonText)),
          // The raw question: it comes back in the click and is asked as is.
          value: truncate(question, LIMITS.buttonValue),
        }),
      ),
    });
  }
  if (answerId !== undefined && answer.intent !== 'help') {
    blocks.push({ type: 'context', elements: [mrkdwn(labels.helpful)] });
    blocks.push({
      type: 'actions',
      // The language rides along so the thank-you note after a click is in the answer's language.
      block_id: `feedback_${answer.lang}`,
      elements: [
        { type: 'button', action_id: ACTION.feedbackUp, text: plain('👍'), value: answerId },
        { type: 'button', action_id: ACTION.feedbackDown, text: plain('👎'), value: answerId },
      ],
    });
  }
  const fallback = [answer.text, ...answer.sources.map((s) => sourceLine(s, answer.lang))].join('\n');
  return { text: escapedWithin(fallback, LIMITS.fallbackText), blocks: blocks.slice(0, LIMITS.blocks) };
}

/** The short private note after a 👍/👎 click. */
export function renderThanks(lang: Lang, vote: Vote): Rendered {
  const text = vote === 'up' ? LABELS[lang].thanksUp : LABELS[lang].thanksDown;
  return { text, blocks: [{ type: 'context', elements: [mrkdwn(text)] }] };
}

/** The assistant panel's greeting (content: phrases.yaml `assistant.greeting`), as one section. */
export function renderGreeting(greeting: string): Rendered {
  return { text: greeting, blocks: [{ type: 'section', text: mrkdwn(greeting) }] };
}

/** The short note posted in the thread when a reply could not be delivered however often it was tried. */
export function renderApology(lang: Lang): Rendered {
  const text = LABELS[lang].sorry;
  return { text, blocks: [{ type: 'section', text: mrkdwn(text) }] };
}

const HOME = {
  sv: {
    amounts: 'Belopp per år',
    total: 'Totalt',
    municipalities: 'Kommuner som kan söka',
    administration: 'Vem fördelar pengarna',
    contacts: 'Kontakt',
    examples: 'Fråga mig till exempel',
    how: 'Nämn mig i en kanal, skriv till mig här under Meddelanden, eller använd `/bidrag <fråga>`.',
    usage: 'Användning',
    asked: 'frågor',
    answered: 'besvarade',
    days: (n: number) => `senaste ${n} dagarna`,
    unanswered: 'Senaste obesvarade frågorna (syns bara för administratörer)',
    none: 'Inga obesvarade frågor.',
    topics: 'Vad folk frågar om',
    noTopics: 'Inga frågor ännu.',
    unavailable: 'Statistiken kunde inte läsas just nu.',
    source: 'Källa',
  },
  en: {
    amounts: 'Amounts by year',
    total: 'Total',
    municipalities: 'Municipalities that can apply',
    administration: 'Who distributes the money',
    contacts: 'Contacts',
    examples: 'Try asking',
    how: 'Mention me in a channel, message me here under Messages, or use `/bidrag <question>`.',
    usage: 'Usage',
    asked: 'questions',
    answered: 'answered',
    days: (n: number) => `last ${n} days`,
    unanswered: 'Latest unanswered questions (shown to admins only)',
    none: 'No unanswered questions.',
    topics: 'What people ask about',
    noTopics: 'No questions yet.',
    unavailable: 'The statistics could not be read just now.',
    source: 'Source',
  },
} as const;

/** Topic names for the App Home's counts, in each language. */
const TOPIC: Record<Lang, Record<Intent, string>> = {
  sv: {
    help: 'hjälp',
    eligibility: 'vilka kommuner som kan söka',
    municipalities: 'listan över kommuner',
    amount: 'belopp',
    contact: 'kontakter',
    administration: 'vem som fördelar pengarna',
    regulation: 'förordningen',
    purpose: 'syftet',
    criteria: 'vad som kännetecknar områdena',
    background: 'bakgrunden',
    unknown: 'annat (obesvarat)',
  },
  en: {
    help: 'help',
    eligibility: 'which municipalities can apply',
    municipalities: 'the list of municipalities',
    amount: 'amounts',
    contact: 'contacts',
    administration: 'who distributes the money',
    regulation: 'the ordinance',
    purpose: 'the purpose',
    criteria: 'what characterises the areas',
    background: 'the background',
    unknown: 'other (unanswered)',
  },
};

/** Who is looking at the App Home: only admins (ADMIN_USER_IDS) see other people's questions. */
export type HomeAudience = 'admin' | 'everyone';

function field(title: string, body: string): KnownBlock {
  return {
    type: 'section',
    text: mrkdwn(escapedWithin(`*${title}*\n${body}`, LIMITS.sectionText)),
  };
}

const when = (at: Date) => at.toISOString().slice(0, 16).replace('T', ' ');

/** The App Home: the programme at a glance, then usage from the question log. */
export function renderHome(
  summary: ProgrammeSummary,
  stats: UsageStats,
  lang: Lang,
  audience: HomeAudience = 'everyone',
): HomeView {
  const t = HOME[lang];
  const blocks: KnownBlock[] = [{ type: 'header', text: plain(truncate(summary.title, 150)) }];
  if (summary.intro) blocks.push({ type: 'section', text: mrkdwn(escapedWithin(summary.intro, 3_000)) });
  blocks.push({ type: 'context', elements: [mrkdwn(escapeText(t.how))] });
  if (summary.amounts.length > 0) {
    const rows = summary.amounts.map((a) => `• ${a.period}: ${a.amount}`);
    if (summary.total) rows.push(`*${t.total}:* ${summary.total}`);
    blocks.push(field(t.amounts, rows.join('\n')));
  }
  if (summary.municipalities.length > 0) {
    blocks.push(
      field(`${t.municipalities} (${summary.municipalities.length})`, summary.municipalities.join(', ')),
    );
  }
  if (summary.administration) blocks.push(field(t.administration, summary.administration));
  if (summary.contacts.length > 0) blocks.push(field(t.contacts, summary.contacts.join('\n')));
  if (summary.examples.length > 0) {
    blocks.push(field(t.examples, summary.examples.map((e) => `• ${e}`).join('\n')));
  }
  if (summary.source.quote) {
    blocks.push({
      type: 'context',
      elements: [mrkdwn(escapedWithin(sourceLine(summary.source, lang), LIMITS.contextText))],
    });
  }
  blocks.push({ type: 'divider' }, ...usageBlocks(stats, lang, audience));
  return { type: 'home', blocks: blocks.slice(0, LIMITS.homeBlocks) };
}

function usageBlocks(stats: UsageStats, lang: Lang, audience: HomeAudience): KnownBlock[] {
  const t = HOME[lang];
  if (stats.unavailable) return [field(t.usage, t.unavailable)];
  const share = stats.total > 0 ? Math.round((100 * stats.answered) / stats.total) : 0;
  const period = stats.days !== undefined ? ` (${t.days(stats.days)})` : '';
  const summaryLine = `${stats.total} ${t.asked}, ${stats.answered} ${t.answered} (${share} %)${period}`;
  const topics = (Object.entries(stats.byIntent) as [Intent, number][])
    .filter(([, count]) => count > 0)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([intent, count]) => `• ${TOPIC[lang][intent]}: ${count}`);
  const blocks = [
    field(t.usage, summaryLine),
    field(t.topics, topics.length > 0 ? topics.join('\n') : t.noTopics),
  ];
  // Counts and topics say what people need; the questions themselves say who asked what.
  if (audience !== 'admin') return blocks;
  const latest =
    stats.latestUnanswered.length === 0
      ? t.none
      : stats.latestUnanswered
          // People's own words: one line each, cut short; escapeText (in field) defuses any markup.
          .map((q) => `• ${when(q.at)}: ${truncate(q.question.replace(/\s+/g, ' '), LIMITS.homeQuestion)}`)
          .join('\n');
  return [...blocks, field(t.unanswered, latest)];
}
