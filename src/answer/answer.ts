import type { Match } from '../search/rank.js';
import { search } from '../search/rank.js';
import type { Section } from '../sections/types.js';
import { decide } from './decide.js';
import type { ManualIndex } from '../load/loadManualIndex.js';

export interface Answer {
  question: string;
  /** Whether the best match is good enough to answer with. */
  answered: boolean;
  /** Best first. When `answered`, the first is the answer and the rest are alternatives. */
  matches: Match[];
  /**
   * Not answered because two or more sections were about as good as each other: those sections,
   * to offer instead of a guess. Empty otherwise.
   */
  closeCall: Section[];
  /** Beside an answer, the sections close enough to it to offer as well ("Also:"), best first. */
  alternatives: Section[];
}

/**
 * Alternatives worth offering beside an answer: close to it, not just anything that matched. The
 * lexical decision answers a sure match whatever the runner-up, and 0.75 of its score was close.
 * With example questions most answers beat their runner-up by 1.4 times (PARAMS.examples.decision),
 * so 0.75 offered none beside the 310 answers to the evaluation questions; 0.6 offers them beside 6.
 */
const ALTERNATIVE_RATIO = { lexical: 0.75, examples: 0.6 };
/** A match weaker than this is no alternative, however the answer scored. */
const ALTERNATIVE_MIN = 0.3;
const MAX_ALTERNATIVES = 3;

export function answerQuestion(manual: ManualIndex, question: string, limit = 5): Answer {
  const result = search(manual.search, question, Math.max(limit, MAX_ALTERNATIVES + 1));
  const { verdict, closeCall } = decide(result);
  const answered = verdict === 'answer';
  const [best, ...rest] = result.matches;
  const ratio = result.usesExamples ? ALTERNATIVE_RATIO.examples : ALTERNATIVE_RATIO.lexical;
  const alternatives = answered && best ? rest.filter((m) => m.score >= best.score * ratio && m.score >= ALTERNATIVE_MIN).slice(0, MAX_ALTERNATIVES).map((m) => m.section) : [];
  return { question, answered, matches: result.matches.slice(0, limit), closeCall: closeCall.map((m) => m.section), alternatives };
}
