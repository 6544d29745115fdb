// Ordinary words: they carry no topic for the matcher, and are never read as a misspelt municipality.
import { fold } from './text.ts';

/** Function words of Swedish and English, folded. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `och att det som en ett är var vad vem vilka vilken vilket hur när kan får ska skall måste
  jag du vi ni de den dem denna detta dessa min mitt mina vår vårt våra er ert era sin sitt sina sig hon han man
  inte ingen inga med för till från om på av i ut upp så eller men också även bara redan nu då där här
  har hade blir blev bli vara varit gör göra gjort finns fanns ges gavs gå går något någon några alla allt
  hej tack snälla ok okej ja nej vill skulle kunde borde står stå under del här efter före över mot vid inom utan genom kring samt sådan sådant sådana mig dig oss er
  the a an and or is are was were be been being what who whom whose which how when can could may might
  should will would do does did done doing i you we they it its my our your their me us them he she his her not no
  with for to from of on in at by as about into than then there this that these those here now also just
  any some all has have had get gets got go goes please ok okay yes hi hello hey thanks thank tell me know
  part under over after before there their other such very really kind type sort like want need think
  make made take give given new old good bad best first last next many much more less most own same way
  thing things time times people person work works working world week today tomorrow yesterday
  gjorde ställa ställer kommer hela gärna one ones any some either already redan fall tar ta tas dom
  whats whos hows thats theres vs versus later senare hen receive receives received obtain erhålla erhåller
  tilldelas makes making count counts having behöver need needs takes confirm correct wrong quick
  undrar snabb context onward onwards framåt
  writing write article artikel artikeln skriver skriva
  år året åren första sista nästa efter sedan year years first next since mentioned nämns nämnd
  heter kallas betyder innebär handlar sägs hända händer called mean means happen happens going`
    .split(/\s+/)
    .filter(Boolean)
    .map(fold),
);

/** Words that name the programme, its money, its recipients and the release itself: nearly every question has them, so they say nothing of the topic. */
export const PROGRAMME_WORDS: ReadonlySet<string> = new Set(
  `bidrag bidraget bidragen statsbidrag statsbidraget stöd stödet satsning satsningen satsningar
  grant grants programme program programmet scheme initiative regeringen government investment investments effort
  funds fund medel medlen pressmeddelande pressmeddelandet release
  pengar pengarna money segregation segregationen
  kommun kommuner kommunen kommunerna kommunens municipality municipalities municipal`
    .split(/\s+/)
    .filter(Boolean)
    .map(fold),
);
