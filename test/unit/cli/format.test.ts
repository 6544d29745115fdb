import { describe, expect, it } from 'vitest';
import { columns, toPlainText, wrap } from '../../../cli/format.ts';
import { frozenEngine } from '../../support/content.ts';

const engine = frozenEngine();

describe('wrap', () => {
  it('breaks at spaces so no line is wider than asked, and never inside a word', () => {
    const text = 'De 32 kommuner som kan ansöka om stöd 2018 är: Borlänge, Borås, Botkyrka, Eskilstuna.';
    const lines = wrap(text, 20).split('\n');
    expect(lines).toEqual([
      'De 32 kommuner som',
      'kan ansöka om stöd',
      '2018 är: Borlänge,',
      'Borås, Botkyrka,',
      'Eskilstuna.',
    ]);
  });

  it('keeps the indent of a line, and hangs bullets, numbers and quotes under their text', () => {
    expect(wrap('  Källa: ett dokument med en lång titel', 20)).toBe(
      '  Källa: ett\n  dokument med en\n  lång titel',
    );
    expect(wrap('• tidiga insatser för barn och unga', 20)).toBe('• tidiga insatser\n  för barn och unga');
    expect(wrap('  1. Vad är syftet med satsningen?', 20)).toBe('  1. Vad är syftet\n     med satsningen?');
    expect(wrap('    ”Syftet är att bryta segregationen”', 24)).toBe(
      '    ”Syftet är att bryta\n     segregationen”',
    );
  });

  it('gives a word longer than the line a line of its own instead of cutting it', () => {
    expect(wrap('a Förordningen2018:151ochmer b', 10)).toBe('a\nFörordningen2018:151ochmer\nb');
  });

  it('leaves lines that fit, and empty lines, as they are', () => {
    expect(wrap('kort\n\n  också kort', 80)).toBe('kort\n\n  också kort');
  });

  it('counts an emoji as the two columns a terminal gives it', () => {
    expect(columns('✅ ok')).toBe(5);
    expect(wrap('✅ Malmö kan', 11)).toBe('✅ Malmö\nkan');
  });
});

describe('toPlainText', () => {
  it('names the document once per answer, above its quotes', () => {
    const a = engine.answer('Vad är syftet med satsningen?');
    expect(a.sources.length).toBeGreaterThan(1);
    const text = toPlainText(a);
    const document = a.sources[0]?.document ?? '';
    expect(text.split(document)).toHaveLength(2);
    expect(text).toContain(
      `  Källor: ${document}\n    ”${a.sources[0]?.quote}”\n    ”${a.sources[1]?.quote}”`,
    );
  });

  it('numbers the suggestions', () => {
    expect(toPlainText(engine.answer('syfte kaffe'))).toContain('\n  1. Vad är syftet med satsningen?');
  });
});
