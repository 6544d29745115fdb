// Tells Swedish from English by the small words every question has. Municipality names are left out
// ("Is Malmö eligible?" is English), and a tie goes to Swedish, the language of the programme.

import { fold, type Word } from './text.ts';
import type { Lang } from './types.ts';

const SWEDISH = new Set(
  `och att det som en ett är var vad vem vilka vilken vilket hur när varför kan får ska skall måste
  jag du vi ni de den dem min mitt mina vår er sin sig hon han man inte ingen inga med för till från om på av i
  mycket många mer mest pengar kommun kommuner kommunen kommunerna bidrag bidraget bidragen stöd stödet
  söka ansöka ansökan satsning satsningen satsas avsätts gäller finns också eller men så hej tack hjälp
  totalt sammanlagt år året åren per årligen mellan kronor miljarder miljoner vilket vart står bakom
  fördelar fördelas förordning förordningen syfte syftet användas omfattas listan lista ingår del heter
  berättigad berättigade vad vem tillhör hör får gör blir ges bra snälla`.split(/\s+/),
);
// Swedish typed without å, ä, ö ("hur mycket far goteborg") still counts, at half weight.
const SWEDISH_FOLDED = new Set([...SWEDISH].map(fold));
const ENGLISH = new Set(
  `the a an and or is are was were be what who whom which how when why where can could may might should
  will would do does did i you we they it its my our your their not no with for to from of on in at by
  much many more most money municipality municipalities grant grants funding fund apply application
  eligible eligibility covered included list total per year years annually between billion million
  hello hi thanks thank help please about this that there these those get gets got allocated spent
  budget purpose responsible distributes distribute handles manage contact call phone press minister
  weather tomorrow today yesterday who's what's isn't doesn't don't get got give given any some also`.split(
    /\s+/,
  ),
);

/** The language a question is written in; place names ("Malmö" in an English question) say nothing of it. */
export function detectLanguage(words: Word[], isPlaceWord: (folded: string) => boolean = () => false): Lang {
  let sv = 0;
  let en = 0;
  for (const w of words) {
    if (isPlaceWord(w.folded)) continue;
    const lower = w.raw.toLowerCase();
    if (SWEDISH.has(lower)) sv += 1;
    else if (SWEDISH_FOLDED.has(lower) && !ENGLISH.has(lower)) sv += 0.5;
    if (ENGLISH.has(lower)) en += 1;
    if (/[åäö]/.test(lower)) sv += 0.5;
  }
  return en > sv ? 'en' : 'sv';
}
