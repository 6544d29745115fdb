// Rules for questions that name a place: a municipality (whether it may apply, what it gets, or
// something else about it), a place pointed back at, and a county.
import { besides, combine, eligibility, offTopicPlace } from '../answers.ts';
import type { County } from '../municipalities.ts';
import { ANSWER_AT, isQuestion, namesProgramme, SUGGEST_AT, whStart } from '../reading.ts';
import { fold, words } from '../text.ts';
import type { Rule } from './rule.ts';
import {
  countyAnswer,
  countyMentions,
  entry,
  made,
  noted,
  onTopic,
  type Scope,
  topicOf,
  withListedInMessage,
} from './scope.ts';

/** Words of an opener before a place ("what about", "hur är det med"). */
const MAX_OPENER = 4;

/** Intents a place's question can have besides applying, its amount and the list. */
const ABOUT_PLACE = (intent: string) => !['eligibility', 'municipalities', 'amount', 'help'].includes(intent);

/** What the named-place rules share: whether the part asks to apply, or is about something else. */
function placeFacts(s: Scope) {
  const { r } = s;
  const asksToApply = r.cue.eligibility;
  // "Vad blir det för väder i Göteborg?": a question about something else that names a place gets no
  // verdict. What makes it one is a word of another subject (words.yaml → query.elsewhere), even among
  // words the bot knows ("Should I move to Gothenburg?"); or, among words it does not know, a question
  // that begins otherwise than with the place ("Is Malmö expensive?", "Har Göteborg tunnelbana?"), or a
  // sentence that asks nothing ("Just landed in Sundsvall"). The place put first is the question
  // ("karlskrona, kvalar vi in?", "Lund resp Landskrona?", "what about Hofors next door?"); so is a
  // question of an amount or a line of a draft checked ("Hur mycket får Gävle av potten?").
  const question = isQuestion(s.kit, r.text);
  const putFirst = leadsWithPlace(s) || r.cue.placeOpener || r.cue.ellipsis || r.cue.amount || r.cue.check;
  const otherSubject = r.cue.elsewhere || (r.offTopic && !(question && putFirst));
  const elsewhere = s.sure && !r.strong && !asksToApply && otherSubject;
  // No word of the grant and none of belonging to a list: about the place, not the programme.
  const aside = elsewhere && !namesProgramme(s.kit, r) && !r.cue.belongs;
  // "Hör Sandviken till de utvalda?" is all one question; "…, och regnar det där?" has a rest.
  const rest = elsewhere && (r.cue.elsewhere || !question);
  return { asksToApply, elsewhere: rest, aside };
}

/**
 * The part's first word names a place it asks about ("Rosengård täcks?", "karlskrona, kvalar vi in?"), or
 * the first after a lead-in with a colon ("Hallandsposten: Halmstad?").
 */
function leadsWithPlace(s: Scope): boolean {
  const colon = s.r.text.indexOf(':');
  const firsts = [s.r.all[0]?.folded, colon >= 0 ? words(s.r.text.slice(colon + 1))[0]?.folded : undefined];
  return s.r.mentions.some((m) => firsts.includes(fold(m.said).split(/\s+/)[0]));
}

const offTopic = (s: Scope) =>
  made(s, 'named-off-topic', offTopicPlace(s.ctx), 'unknown', null, s.confidence, null);
const besidesIt = (s: Scope) => made(s, 'named-besides', besides(s.ctx), 'unknown', null, s.confidence, null);

export const pronoun: Rule = {
  name: 'pronoun',
  examples: [],
  // "hur mycket får de då?", "kan min kommun söka?": the places of the question before.
  decide(s) {
    if (!(s.ctx.mentions.length && s.carried.length && !s.named)) return null;
    // "vad kan de använda dem till?": what the money is for ("dem" is the money, not an amount asked),
    // and the help entry's words ("använda") are no topic of a place.
    const own = topicOf(s.r);
    const topic = s.r.cue.purpose && !s.r.cue.amount ? 'purpose' : own === 'help' ? null : own;
    const d = onTopic(s, topic ?? s.prev?.topic ?? 'eligibility');
    return { ...d, rule: `pronoun:${d.rule}`, parts: noted(s, d.parts) };
  },
};

export const namedPurpose: Rule = {
  name: 'named-purpose',
  examples: ['Får Malmö använda pengarna till skolor?', 'Can Gothenburg use the money for youth centres?'],
  // "Får Malmö använda pengarna till skolor?": what the money may go to, which the release says for every
  // municipality (the measures it names), with the place's verdict; not a bare verdict with a "rest" note.
  decide(s) {
    const { r } = s;
    if (!s.named || !r.cue.purpose || r.cue.amount) return null;
    if (r.strong && !['purpose', 'amount', 'help', 'eligibility'].includes(r.strong.intent)) return null;
    if (placeFacts(s).aside) return null;
    withListedInMessage(s);
    const parts = combine([eligibility(s.ctx), s.kit.compose('purpose', s.ctx)]);
    return made(s, 'named-purpose', parts, 'eligibility', 'eligibility', s.confidence);
  },
};

export const namedAmount: Rule = {
  name: 'named-amount',
  examples: ['Hur mycket får Malmö?'],
  decide(s) {
    const { r } = s;
    const topId = r.top && r.score <= SUGGEST_AT ? r.top.entry.id : null;
    if (!s.named || !(r.cue.amount || r.cue.money || topId?.startsWith('amount'))) return null;
    const { aside, elsewhere } = placeFacts(s);
    // "How much does a Stockholm apartment cost?" is not about the grant.
    if (aside) return offTopic(s);
    if (elsewhere) return besidesIt(s);
    // "Falköping – kan de få pengar härifrån?" (money in words the bot does not know), "Tensta omfattas?"
    // (a word of applying, the amounts' entry only near): no "how much", so whether they may apply.
    const near = topId?.startsWith('amount');
    if (!r.cue.amount && (r.offTopic ? !near : r.cue.eligibility && !r.cue.money)) return null;
    return entry(s, 'named-amount', 'amount.per-municipality', 'amount');
  },
};

export const namedWhich: Rule = {
  name: 'named-which',
  examples: ['Vilka bostadsområden i Gävle gäller det?'],
  // "Vilka bostadsområden i Gävle gäller det?": which of something about a place, not whether it may apply.
  decide(s) {
    const { r } = s;
    // "What's the status of Borås?": an opener that asks of the place itself, not "which" of something.
    if (!s.named || r.strong || !r.cue.listAsk || opensOnPlace(s)) return null;
    const near = r.top && r.score <= SUGGEST_AT ? r.top.entry : placeless(s);
    if (!near || !ABOUT_PLACE(near.intent)) return null;
    if (!s.r.cue.eligibility) return entry(s, 'named-which', near.id, near.intent, s.confidence);
    // "Which neighbourhoods in Uppsala qualify?": the municipality's verdict, then what is said of the areas.
    const parts = combine([eligibility(s.ctx), s.kit.compose(near.id, s.ctx)]);
    return made(s, 'named-which', parts, 'eligibility', 'eligibility', s.confidence);
  },
};

/**
 * The areas' entry, when the part's other words point at it, the place's name aside: "Which neighbourhoods in Uppsala
 * qualify?" asks about the areas, which the name only dilutes (a name no entry knows weighs as a subject).
 */
function placeless(s: Scope) {
  const { kit, r } = s;
  const ranked = kit.matcher.rank(
    r.query.filter((x) => !kit.gazetteer.isPlaceWord(x)),
    3,
  );
  // Only the areas: a place's other questions ("which of them can apply?") are the place's own.
  return ranked.find((x) => x.score <= ANSWER_AT && x.entry.intent === 'criteria')?.entry ?? null;
}

export const namedTopic: Rule = {
  name: 'named-topic',
  examples: ['Which neighbourhoods in Malmö are targeted?'],
  // "Vem fördelar pengarna i Malmö?" is about the agency; the municipality comes along.
  decide(s) {
    const { r } = s;
    if (!s.named || !r.strong || !ABOUT_PLACE(r.strong.intent)) return null;
    if (!r.cue.eligibility) return entry(s, 'named-topic', r.strong.id, r.strong.intent, s.confidence);
    const parts = combine([eligibility(s.ctx), s.kit.compose(r.strong.id, s.ctx)]);
    return made(s, 'named-eligibility-and-topic', parts, 'eligibility', 'eligibility', 1);
  },
};

/**
 * "and Malmö, across the bridge?", "What about Mölndal, right next door?": the place right after the
 * opener, and what follows its comma only describes it. The words are no question of their own.
 */
export function apposition(s: Scope): boolean {
  const first = s.r.mentions[0];
  if (!first || !s.r.cue.placeOpener) return false;
  const at = s.r.f.indexOf(fold(first.said));
  const comma = s.r.f.indexOf(',');
  return at >= 0 && comma > at && s.r.f.slice(0, at).split(/\s+/).filter(Boolean).length <= MAX_OPENER;
}

/** The part opens with a place opener ("what's the status of", "hur ser det ut för") and the place right after it. */
function opensOnPlace(s: Scope): boolean {
  const first = s.r.mentions[0];
  if (!first || !s.r.cue.placeOpener) return false;
  const at = s.r.f.indexOf(fold(first.said));
  return at >= 0 && s.r.f.slice(0, at).split(/\s+/).filter(Boolean).length <= MAX_OPENER + 1;
}

export const namedEligibility: Rule = {
  name: 'named-eligibility',
  examples: ['Kan Malmö söka?', 'What about Malmö?', 'Kan Hbg kn söka?', 'Is Wexiö eligible?'],
  decide(s) {
    const { r } = s;
    if (!s.named) return null;
    // "Gefle Dagblad asks which municipalities in Gävleborg county can apply": the county's list answers,
    // and it names every place asked about with its verdict.
    if (r.county && r.cue.list && inCountyList(s, r.county)) return null;
    const { asksToApply, aside, elsewhere } = placeFacts(s);
    // "What about Malmö?" with nothing before it: the question people ask of a place is whether it may apply.
    if (s.sure && r.cue.ellipsis && !s.prev?.topic && (!r.offTopic || apposition(s))) {
      withListedInMessage(s);
      return entry(s, 'named-eligibility', 'eligibility', 'eligibility');
    }
    // "How far is Malmö from Copenhagen?", "Vad gör Gävle kommun åt snöröjningen?": a question for a
    // fact about the place, with no word of applying, of a list or of the grant's money: no verdict.
    // "What about Hofors next door?", "Vad gäller för Motala?" open with a question word, but ask of the
    // place what people ask of a place here: whether it may apply (words.yaml → query.place_opener).
    const factAsked = whStart(s.kit, r.f) && !r.cue.placeOpener;
    if (s.sure && factAsked && !asksToApply && !r.cue.belongs && !r.strong && !r.cue.money)
      return offTopic(s);
    // "What's the weather in Gothenburg tomorrow?": no verdict, an offer to ask about the grant.
    if (aside) return offTopic(s);
    if (elsewhere) return besidesIt(s);
    withListedInMessage(s);
    return entry(s, 'named-eligibility', 'eligibility', 'eligibility');
  },
};

/** Every place the part names is one of the county's listed municipalities. */
function inCountyList(s: Scope, c: County): boolean {
  const listed = new Set(countyMentions(c, s.ctx).map((m) => m.municipality.code));
  return s.ctx.mentions.length > 0 && s.ctx.mentions.every((m) => listed.has(m.municipality.code));
}

const intent = (s: Scope) => (s.r.cue.list ? 'municipalities' : 'eligibility');

export const county: Rule = {
  name: 'county',
  examples: [
    'Kan Västmanlands län söka?',
    'Hur mycket får Skåne län?',
    'Kan Norrland söka?',
    'Vilka småländska kommuner kan söka?',
    'Which municipalities in Svealand can apply?',
  ],
  decide(s) {
    const { r, ctx } = s;
    if (!r.county) return null;
    ctx.county = r.county;
    // "hur många skånekommuner är med totalt?" counts municipalities, not kronor.
    if (r.cue.amount && !r.cue.countAsk)
      return entry(s, 'county-amount', 'amount.per-municipality', 'amount');
    // "Kan Region Skåne söka?" asks about the regional authority, which is no municipality at all.
    if (r.cue.regionalAuthority) {
      ctx.mentions = [];
      return made(s, 'county', s.kit.compose('county', ctx), intent(s), 'county', 1, 'eligibility');
    }
    // "Kan Västmanlands län söka?": a county is not a municipality; name its municipalities on the list.
    return { ...countyAnswer(s, r.county), intent: intent(s) };
  },
};
