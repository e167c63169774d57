import type { ManualIndex } from '../load/loadManualIndex.js';
import { type Match, search } from '../search/rank.js';
import type { PageOutline } from '../sections/pageOutline.js';
import type { Section } from '../sections/types.js';
import { type AnswerKind, decide, isAnswer, MAX_OFFERED } from './decide.js';

export interface Answer {
  question: string;
  /** Answered with a section, with a whole page, offered a choice, or neither (see decide.ts). */
  kind: AnswerKind;
  /** Whether it was answered: with a section or a page. */
  answered: boolean;
  /** Best first, listed whatever the kind, so what came close can be seen. With kind "section" the first is the answer. */
  matches: Match[];
  /** With kind "offer", the sections offered, best first; empty otherwise. */
  offered: Section[];
  /** With kind "page", the page answered with. */
  page?: PageOutline;
  /** Beside a section answer, the sections close enough to it to offer as well ("Also:"), best first. */
  alternatives: Section[];
  /** Not answered, nor offered: the best match, when it was close enough to be worth asking its page's owners about. */
  nearest?: Section;
}

/**
 * Alternatives worth offering beside an answer ("Also:"): close to it, not just anything that
 * matched. With example questions most answers beat their runner-up by a wide margin, so the
 * ratio is lower there. Set by hand, looking at which answers to the evaluation questions got any.
 */
const ALTERNATIVE_RATIO = { lexical: 0.75, examples: 0.6 };
/** A match weaker than this is no alternative, however the answer scored. */
const ALTERNATIVE_MIN = 0.3;

/**
 * The matches the decision reads, whatever number the caller lists: so `ask --json --limit 1`
 * decides as Slack does (the decision looks at other pages' and sections' scores).
 */
const DECISION_MATCHES = 10;

/** `limit`: how many matches to list in the answer. */
export function answerQuestion(manual: ManualIndex, question: string, limit = 5): Answer {
  const result = search(manual.search, question, Math.max(limit, DECISION_MATCHES));
  const decision = decide(result, manual.pageCount);
  const base = { question, kind: decision.kind, answered: isAnswer(decision), offered: [] as Section[], alternatives: [] as Section[] };
  const [best, ...rest] = result.matches;
  if (decision.kind === 'page' && best) return { ...base, matches: result.matches.slice(0, limit), page: manual.pages.get(decision.page ?? best.section.page.file)! };
  if (decision.kind === 'offer') return { ...base, matches: result.matches.slice(0, limit), offered: decision.offered };
  if (decision.kind === 'none' || !best) return { ...base, matches: result.matches.slice(0, limit), ...(decision.nearest ? { nearest: decision.nearest } : {}) };
  // The section answered with comes first, whether or not it scored best (a keyword query).
  const chosen = result.matches.find((m) => m.section === decision.section) ?? best;
  const others = chosen === best ? rest : result.matches.filter((m) => m !== chosen);
  const ratio = result.usesExamples ? ALTERNATIVE_RATIO.examples : ALTERNATIVE_RATIO.lexical;
  const alternatives = others.filter((m) => m.score >= chosen.score * ratio && m.score >= ALTERNATIVE_MIN).slice(0, MAX_OFFERED).map((m) => m.section);
  return { ...base, matches: [chosen, ...others].slice(0, limit), alternatives };
}
