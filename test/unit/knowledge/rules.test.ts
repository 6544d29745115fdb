// The engine's routing table, rule by rule: each named rule decides the question it was made for, and
// the answer names the rule (the logs and `ask --jsonl` show it), so a changed route is visible.
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../knowledge/rules/index.ts';
import { frozenEngine } from '../../support/content.ts';

const engine = frozenEngine();

describe('routing rules', () => {
  it.each([
    ['help', 'Hej'],
    ['thanks', 'Tack så mycket!'],
    ['why', 'Varför är inte Lund med?'],
    ['other-currency', 'Hur mycket är det i euro?'],
    ['per-municipality', 'Hur mycket får varje kommun?'],
    ['named-off-topic', 'Vad blir det för väder i Göteborg imorgon?'],
    ['named-besides', 'Hör Vaxholm till de utvalda, och regnar det där?'],
    ['named-amount', 'Hur mycket får Malmö?'],
    ['named-eligibility', 'Kan Malmö söka?'],
    ['year-amount', 'Hur mycket avsätts 2019?'],
    ['year-list', 'Vilka kommuner kan söka 2018?'],
    ['year-topic', 'Which agency distributes the money in 2018?'],
    ['county', 'Kan Västmanlands län söka?'],
    ['county-amount', 'Hur mycket får Skåne län?'],
    ['list', 'Vilka kommuner kan söka?'],
    ['other-applicants', 'Kan företag söka?'],
    ['overview', 'Vad innebär satsningen?'],
    ['not-stated', 'Får pengarna användas till fritidsgårdar?'],
    ['duration', 'Hur länge pågår satsningen?'],
    ['purpose', 'Vad kan kommunerna göra för pengarna?'],
    ['how-to-apply', 'How do we apply?'],
    ['eligibility', 'Kan Narnia söka?'],
    ['topic', 'Vem är presskontakt?'],
    ['amount', 'annual amount long term?'],
    ['fallback', 'Vad kostar en kaffe?'],
    ['named-eligibility+topic', 'Kan Uppsala söka och vem är presskontakt?'],
  ])('decides by "%s": %s', (rule, question) => {
    expect(engine.answer(question).rule).toBe(rule);
  });

  describe.each(RULES.filter((r) => r.examples.length).map((r) => [r.name, r] as const))(
    'the rule %s',
    (name, rule) => {
      it.each(rule.examples)('decides its example %j', (q) => {
        expect(engine.answer(q).rule?.startsWith(name), engine.answer(q).rule).toBe(true);
      });
    },
  );

  it('gives every rule of the table an example, but the pronoun rule, which needs a question before', () => {
    expect(RULES.filter((r) => r.examples.length === 0).map((r) => r.name)).toEqual(['pronoun']);
  });

  it('answers a follow-up in a conversation by the earlier topic, and says so', () => {
    const first = engine.answer('Vem fördelar pengarna 2018?');
    const next = engine.answer('och 2019?', first.context);
    expect(next.rule).toBe('follow-up:topic');
    expect(next.text).toMatch(/Delegationen mot segregation/);
    expect(next.text).toMatch(/Läst som en följdfråga till din förra fråga/);
    // The context keeps no question text: the note must not quote a question nobody asked.
    expect(next.text).not.toMatch(/”Vem fördelar pengarna\?”/);
  });

  it('answers a pronoun by the places of the question before', () => {
    const first = engine.answer('Kan Malmö söka?');
    const next = engine.answer('hur mycket får de då?', first.context);
    expect(next.rule).toBe('pronoun:amount-for-place');
    expect(next.municipalities.map((m) => m.name)).toEqual(['Malmö']);
  });

  it('answers a complete question on its own, whatever came before', () => {
    const first = engine.answer('Is Uppsala eligible?');
    const next = engine.answer('Who is the press contact?', first.context);
    expect(next.rule).toBe('topic');
    expect(next.municipalities).toEqual([]);
  });

  it('leaves no context after a greeting, and keeps it through thanks', () => {
    const first = engine.answer('Kan Malmö söka?');
    expect(engine.answer('hej', first.context).context).toBeNull();
    expect(engine.answer('tack!', first.context).context).toEqual(first.context);
  });

  it('keeps the places and years of an off-topic turn for the next question', () => {
    const first = engine.answer('Jag har precis flyttat till Motala!');
    const next = engine.answer('kan min kommun söka?', first.context);
    expect(next.municipalities).toEqual([expect.objectContaining({ name: 'Motala', eligible: true })]);
  });

  it('carries only slot ids in the context, never the question', () => {
    const a = engine.answer('Min kollega i Lund undrar om Malmö kan söka 2019, ring 070-123 45 67');
    expect(JSON.stringify(a.context)).not.toMatch(/kollega|070|ring/);
  });
});
