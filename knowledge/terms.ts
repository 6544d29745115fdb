// The matcher's view of a text: folded content words, no function words, no numbers. One function for
// the questions (at answer time) and for the FAQ's own words (at \`npm run kb:build\`), so both agree.
import type { FoldedWords } from './cues.ts';
import { words } from './text.ts';

/** Builds the tokenizer from the content's folded word lists. */
export function createTopicTerms(folded: FoldedWords): (text: string) => string[] {
  const STOPWORDS = new Set(folded.stopwords);
  const PROGRAMME_WORDS = new Set(folded.programme);
  const endings = folded.programmeEndings;
  return (text) =>
    // The document's name says nothing of the topic, and its "press" is not the press contact.
    words(text.replace(/\bpress[- ]?releases?\b/giu, ' '))
      .map((x) => x.folded)
      .filter(
        (x) =>
          x.length >= 3 &&
          !STOPWORDS.has(x) &&
          !PROGRAMME_WORDS.has(x) &&
          !isCompoundOf(x, endings) &&
          // Numbers and codes ("2019", "FY2019") are years or figures, read elsewhere, not topic words.
          !/\d/.test(x),
      );
}

/**
 * "miljardsatsningen", "segregationsbidraget": compounds that still only name the programme. A plain
 * suffix test, not a regular expression: this runs over every word of the content.
 */
export function isCompoundOf(word: string, endings: readonly string[]): boolean {
  return endings.some((e) => word.length >= e.length + 3 && word.endsWith(e));
}
