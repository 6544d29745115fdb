// English words within the typo budget of a municipality name ("gavel" ~ Gävle, "bores" ~ Borås,
// "later" ~ Säter), taken from an English word list (an-array-of-english-words, MIT) by measuring every
// word against every name. They are never read as a misspelt municipality: a typo guess that lands on an
// everyday word would put a municipality into an answer about something else. Compared as typed, so
// "Gäle" (with its ä) is still read as Gävle.

/** Words that look like a misspelt municipality but are ordinary English. */
export const NOT_NAMES: ReadonlySet<string> = new Set(
  `abele anele annas arums aster astoop baffle balun basta bastard basted bestad boars boas bobas bode
  boded bodes bolas bolden bomas bora borak boraks boral borals borax bords boreas bores borks borms
  bors borts botas boxen brace brack bracken bracket bracks brake bras brust buras calix cannas cater
  coden comma coping corby cotland crust dandered dater doping drums eater fanum faun fibro forby
  frust gable gale ganef garums gater gaums gave gavel geums glums golland goras gowland grams grubs
  grues grum grume grumes grump grumps gums hater herby hobby hogans honors hoors hoping horas horny
  horsy hyle hyte kali kalif kalis kara kero kina kind kinds kindy kirana koras koruna kula kylix
  larum later ledum lemma limma loden loma loping louma lutea malm malms malmy mannas mater momma
  monstera monsters moping moras nannas oater ocker ockers ooping oping orby oust overborne overtone
  overtones overturned overturner pajama palmar partible particle pastille pater pieta pilea pita
  pitta pranas raffle ranas rater roping roust rums rust saber saeter safer safter sager saker sale
  salep sales salet salix salter saner saser sate sated satem sates satyr saver sawer sayer seater
  sele serum siffle skart skater slater snaffle sola solan sonne soras stater storeman sunn sunna
  sunned sunns sunny tanas tannas tater thanas thorn tiara tier tiers tiro toping toranas toras torn
  torses torsks torsos tortas tosa tosas tranks tranqs trans trants trona tronas trust twerp tyres
  vandas varnas vesta waffle water yacka yaffle`
    .split(/\s+/)
    .filter(Boolean),
);
