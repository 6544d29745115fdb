import { describe, expect, it } from 'vitest';
import { questionFrom } from '../../../functions/listeners.ts';
import {
  ACTION,
  escapeText,
  LIMITS,
  render,
  renderHome,
  truncate,
  unescapeSlack,
} from '../../../functions/render.ts';
import type { UsageStats } from '../../../functions/store/store.ts';
import type { ProgrammeSummary } from '../../../knowledge/summary.ts';
import type { Answer } from '../../../knowledge/types.ts';

function answer(overrides: Partial<Answer> = {}): Answer {
  return {
    lang: 'sv',
    intent: 'eligibility',
    outcome: 'answered',
    text: '✅ *Malmö* är en av de 32 kommuner som kan ansöka om stöd 2018.',
    sources: [{ quote: 'De 32 kommuner som under 2018 kan ansöka om stöd är:', document: 'Pressmeddelande' }],
    municipalities: [],
    suggestions: [],
    entryId: 'eligibility',
    confidence: 1,
    context: null,
    ...overrides,
  };
}

type Block = {
  type: string;
  block_id?: string;
  text?: { text: string };
  elements?: { text?: unknown; value?: string; action_id?: string }[];
};
const blocksOf = (r: { blocks: unknown[] }) => r.blocks as Block[];
const LIVE_MARKUP = /<[!@#]/;

describe('render', () => {
  it('puts the answer in a section, the source in a context block, and the same words in the fallback text', () => {
    const rendered = render(answer(), 'a-1');
    const [section, context] = blocksOf(rendered);
    expect(section).toMatchObject({ type: 'section', text: { text: answer().text } });
    expect(context?.type).toBe('context');
    expect(JSON.stringify(context)).toContain('De 32 kommuner som under 2018');
    expect(rendered.text).toContain('*Malmö*');
    expect(rendered.text).toContain('Källa');
  });

  it('adds 👍 and 👎 buttons carrying the answer id, in a block that names the language', () => {
    const feedback = blocksOf(render(answer({ lang: 'en' }), 'a-42')).find((b) =>
      b.block_id?.startsWith('feedback'),
    );
    expect(feedback?.block_id).toBe('feedback_en');
    expect(feedback?.elements?.map((e) => [e.action_id, e.value])).toEqual([
      [ACTION.feedbackUp, 'a-42'],
      [ACTION.feedbackDown, 'a-42'],
    ]);
  });

  it('leaves out the feedback buttons for help and when there is no answer id', () => {
    expect(JSON.stringify(render(answer({ intent: 'help' }), 'a-1'))).not.toContain('feedback');
    expect(JSON.stringify(render(answer()))).not.toContain('feedback');
  });

  it('turns suggestions into buttons whose value is the question to ask', () => {
    const suggestions = ['Kan Malmö söka?', 'Kan Malung söka?'];
    const block = blocksOf(render(answer({ outcome: 'suggest', suggestions }), 'a-1')).find(
      (b) => b.block_id === 'suggestions',
    );
    expect(block?.elements?.map((e) => [e.action_id, e.value])).toEqual([
      ['suggest_0', 'Kan Malmö söka?'],
      ['suggest_1', 'Kan Malung söka?'],
    ]);
  });

  it('never lets mentions, broadcasts or channel links in the answer text through live', () => {
    const hostile =
      'Jag hittar ingen kommun som heter ”<!channel> <!here|here> <!everyone> <@U0VICTIM01> <#C0SECRET01>”.';
    const rendered = render(
      answer({
        text: hostile,
        sources: [{ quote: '<!here> citat', document: '<@U0X>' }],
        suggestions: ['Kan <!channel> söka?'],
      }),
      'a-1',
    );
    // Button values are data Slack hands back on a click, never displayed: only shown text counts.
    const shown = JSON.stringify(rendered, (key, value) => (key === 'value' ? undefined : value));
    expect(shown).not.toMatch(LIVE_MARKUP);
    expect(blocksOf(rendered)[0]?.text?.text).toContain('&lt;!channel&gt;');
  });

  it('escapes &, < and > in the answer so they show as typed', () => {
    const rendered = render(answer({ text: 'Borås & Göteborg <b>fet</b> > 3' }));
    expect(blocksOf(rendered)[0]?.text?.text).toBe('Borås &amp; Göteborg &lt;b&gt;fet&lt;/b&gt; &gt; 3');
  });

  it('defuses a bare @channel, @here and @everyone as well', () => {
    expect(escapeText('@channel @here @everyone @Channel')).not.toMatch(/@(channel|here|everyone)\b/i);
  });

  it('stays inside Slack limits for a very long answer', () => {
    const long = Array.from({ length: 400 }, (_, i) => `Rad ${i}: ${'<&>'.repeat(40)}`).join('\n');
    const rendered = render(answer({ text: long, suggestions: Array(30).fill('x'.repeat(500)) }), 'a-1');
    const blocks = blocksOf(rendered);
    expect(blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
    for (const b of blocks) expect(b.text?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.sectionText);
    expect(rendered.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
    const buttons = blocks.find((b) => b.block_id === 'suggestions')?.elements ?? [];
    expect(buttons.length).toBeLessThanOrEqual(LIMITS.suggestions);
    for (const button of buttons) {
      expect((button.text as { text: string }).text.length).toBeLessThanOrEqual(LIMITS.buttonText);
    }
    // Cut text never ends in a half entity such as "&am".
    for (const b of blocks) expect(b.text?.text ?? '').not.toMatch(/&[a-z]{0,3}…$/);
  });

  it('cuts a single 10,000-character line into a section that fits', () => {
    const [first] = blocksOf(render(answer({ text: 'å'.repeat(10_000) })));
    expect(first?.text?.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
    expect(first?.text?.text.endsWith('…')).toBe(true);
  });

  it('marks every mrkdwn text verbatim so Slack does not link names on its own', () => {
    const texts = JSON.stringify(render(answer(), 'a-1')).match(/"type":"mrkdwn"[^}]*/g) ?? [];
    expect(texts.length).toBeGreaterThan(0);
    for (const t of texts) expect(t).toContain('"verbatim":true');
  });
});

describe('renderHome', () => {
  const summary: ProgrammeSummary = {
    title: 'Statsbidraget',
    intro: 'Om bidraget.',
    amounts: [{ period: '2018', amount: '500 miljoner kronor' }],
    total: '2,2 miljarder',
    municipalities: Array.from({ length: 32 }, (_, i) => `Kommun${i}`),
    contacts: ['Presskontakt'],
    administration: 'Delegationen',
    examples: ['Kan Malmö söka?'],
    source: { quote: 'citat', document: 'Pressmeddelande' },
  };

  const stats: UsageStats = {
    total: 8,
    answered: 6,
    byIntent: { amount: 5, eligibility: 2, unknown: 1 },
    latestUnanswered: [
      { at: new Date('2026-01-02T03:04:00Z'), question: 'Vad är <@U0ABCDEFG1>?', lang: 'sv' },
    ],
    days: 30,
  };

  it('shows everyone the counts and the topics, most asked first, but no question', () => {
    const text = JSON.stringify(renderHome(summary, stats, 'sv').blocks);
    expect(text).toContain('8 frågor, 6 besvarade (75 %)');
    expect(text).toContain('• belopp: 5\\n• vilka kommuner som kan söka: 2\\n• annat (obesvarat): 1');
    expect(text).not.toContain('Vad är');
    expect(text).not.toContain('2026-01-02');
    expect(JSON.stringify(renderHome(summary, stats, 'en', 'everyone').blocks)).toContain('• amounts: 5');
  });

  it('shows an admin the programme, the 32 municipalities, examples, usage and the questions', () => {
    const view = renderHome(summary, stats, 'sv', 'admin');
    expect(view.type).toBe('home');
    const text = JSON.stringify(view.blocks);
    for (const expected of [
      'Statsbidraget',
      'Kommun0',
      'Kommun31',
      'Kan Malmö söka?',
      '(75 %)',
      '2026-01-02 03:04',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain('&lt;@U0ABCDEFG1&gt;');
    expect(text).not.toMatch(LIVE_MARKUP);
    expect(view.blocks.length).toBeLessThanOrEqual(LIMITS.homeBlocks);
  });

  it('says so when the statistics could not be read', () => {
    const view = renderHome(
      summary,
      { total: 0, answered: 0, byIntent: {}, latestUnanswered: [], unavailable: true },
      'sv',
    );
    expect(JSON.stringify(view.blocks)).toContain('kunde inte läsas');
  });
});

describe('text helpers', () => {
  it('truncate never splits a surrogate pair', () => {
    const cut = truncate('ab😀cd', 4);
    expect(cut).toBe('ab…');
  });

  it('unescapeSlack gives back what the person typed', () => {
    expect(unescapeSlack('Borås &amp; Göteborg &lt;3 &gt;')).toBe('Borås & Göteborg <3 >');
  });

  it('questionFrom removes the bot mention, undoes Slack escaping and keeps other text', () => {
    expect(questionFrom('<@U0BOT1> Kan  Borås &amp; <@U0OTHER1> söka?  ', 'U0BOT1')).toBe(
      'Kan Borås & <@U0OTHER1> söka?',
    );
    expect(questionFrom('<@U0BOT1|bidrag>', 'U0BOT1')).toBe('');
  });

  it('questionFrom caps a pasted document at a question-sized length', () => {
    expect(questionFrom('ö'.repeat(100_000), 'U0BOT1').length).toBe(2_000);
  });
});
