// The answer engine: pure, in memory, no I/O. The Lambda handler, the terminal chat, the batch CLI and
// the benchmarks all call it. Entities (municipalities, years, counties) are recognised by rules, because
// a wrong name or number is unacceptable; the topic is matched with Fuse.js over the FAQ entries of the
// content. What it knows (facts, answers, word lists) is content: createEngine(content) answers from any.
//
// The pipeline of one message:
//   1. message.ts   Slack markup unwrapped; sentences; questions told from context; questions cut into parts
//   2. reading.ts   each part read once: language, places, years, topic words, cues
//   3. rules/       what the part takes from before (carry.ts), then the first rule of the table that applies
//   4. query/       the part's typed query applied: claims checked, operations and units computed
//   5. here         the parts' answers joined, the verdicts and claims gathered, the next context made
import {
  combine,
  help as helpParts,
  type Parts,
  thanks as thanksParts,
  toAnswer,
  verdicts,
} from './answers.ts';
import { CONTENT, type Content } from './content.ts';
import { agencyTurn, dedupe, nextContext, withContextText } from './conversation.ts';
import { createKit, type Kit } from './kit.ts';
import { cleanMessage, partsOf, questionsOf } from './message.ts';
import { applyQuery } from './query/apply.ts';
import { isHelp, isThanks, read, whStart } from './reading.ts';
import { decide } from './rules/index.ts';
import type { Decision } from './rules/scope.ts';
import { words } from './text.ts';
import type { Answer, ConversationContext, Lang } from './types.ts';

export interface Engine {
  /**
   * Answers one message, in the language it was asked in. `context` is the `context` of the previous
   * answer in the same conversation, if any; the answer carries the next one.
   */
  answer(question: string, context?: ConversationContext | null): Answer;
  /** The help text with example questions. */
  help(lang: Lang): Answer;
}

/** Builds the in-memory indexes once; answering is then pure and synchronous. */
export function createEngine(content: Content = CONTENT): Engine {
  const kit = createKit(content);
  const help = (lang: Lang) => helpAnswer(kit, lang);

  function answer(question: string, context?: ConversationContext | null): Answer {
    const text = cleanMessage(question);
    const whole = words(text);
    const lang = kit.detectLanguage(whole, context?.lang ?? 'sv');
    if (whole.length === 0 || isHelp(kit, text, whole)) return { ...help(lang), rule: 'help' };
    // "Tack!": a short reply; the conversation's context stays for the next question.
    if (isThanks(kit, whole, text)) return thanksAnswer(kit, lang, context ?? null);

    // The question sentences; the rest of a long message is context (its places and years).
    const { questions, contextText } = questionsOf(kit, text);
    let prev = withContextText(kit, contextText, lang, context ?? null);
    const { parts, capped } = partsOf(kit, questions);
    if (parts.length === 0) return help(lang);
    const decisions: Decision[] = [];
    let sameMessage = contextText.length > 0;
    parts.forEach((part, i) => {
      const r = read(kit, part, lang);
      // Leaning on the message's own context sentences or an earlier part is no follow-up to note.
      const inMessage = sameMessage || i > 0;
      // The places "before" are the message's own only when its other sentences named some ("Hallstahammar
      // då? låter likt" leans on the turn before, as "Hallstahammar då?" would).
      const own = sameMessage && prev !== (context ?? null);
      const d = applyQuery(decide(kit, r, prev, own, inMessage), {
        raw: r.text,
        f: r.f,
        lang,
        stated: r.statedKronor,
        offTopic: r.offTopic,
        asksFact: whStart(kit, r.f),
        quoted: contextText,
        prev,
        kb: kit.kb,
        cues: kit.cues,
        known: kit.known,
        compose: kit.compose,
      });
      sameMessage = false;
      // A part that found nothing, shown only when no part answered, leaves the context where the
      // answered parts put it ("Har du citatet? Behöver det till ett nyhetsbrev" → "vem sa det?").
      const dropped = d.parts.outcome === 'fallback' && decisions.some((x) => x.parts.outcome !== 'fallback');
      decisions.push(d);
      if (!dropped) prev = nextContext(d, lang, prev, agencyTurn(kit, r));
    });
    const out = joined(decisions, lang, prev) ?? help(lang);
    if (!capped) return out;
    return { ...out, text: `${out.text}\n${kit.kb.say(lang, 'parts.capped', { max: parts.length })}` };
  }

  return { answer, help };
}

/** The parts' answers as one: those that found nothing dropped when another was answered, repeats once. */
function joined(decisions: Decision[], lang: Lang, next: ConversationContext | null): Answer | null {
  const answered = decisions.filter((d) => ['answered', 'unstated'].includes(d.parts.outcome ?? 'answered'));
  const shown = answered.length ? answered : decisions.slice(0, 1);
  const kept = shown.filter((d, i, xs) => xs.findIndex((x) => x.parts.text === d.parts.text) === i);
  const [first] = kept;
  if (!first) return null;
  const last = decisions[decisions.length - 1] ?? first;
  const parts: Parts = kept.length === 1 ? first.parts : combine(kept.map((d) => d.parts));
  const out = toAnswer(parts, {
    lang,
    intent: first.intent,
    entryId: first.entryId,
    confidence: Math.min(...kept.map((d) => d.confidence)),
    // Every shown part's verdicts, also those of a part whose text repeated another's.
    municipalities: dedupe(
      shown.flatMap((d) =>
        d.parts.outcome === 'fallback' && d.rule.includes('off-topic') ? [] : verdicts(d.ctx),
      ),
    ),
    context: next ?? nextContext(last, lang, null),
  });
  const claims = kept.flatMap((d) => d.claims ?? []);
  if (claims.length) out.claims = claims;
  return kept.length > 1
    ? { ...out, parts: kept.map((d) => d.intent), rule: kept.map((d) => d.rule).join('+') }
    : { ...out, rule: first.rule };
}

function helpAnswer(kit: Kit, lang: Lang): Answer {
  return toAnswer(helpParts({ kb: kit.kb, lang }), {
    lang,
    intent: 'help',
    entryId: 'help',
    confidence: 1,
    municipalities: [],
    context: null,
  });
}

function thanksAnswer(kit: Kit, lang: Lang, context: ConversationContext | null): Answer {
  const meta = {
    lang,
    intent: 'help' as const,
    entryId: 'thanks',
    confidence: 1,
    municipalities: [],
    context,
  };
  return { ...toAnswer(thanksParts({ kb: kit.kb, lang }), meta), rule: 'thanks' };
}
