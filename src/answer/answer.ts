import type { Match } from '../search/search.js';
import { search } from '../search/search.js';
import type { Section } from '../sections/types.js';
import { decide } from './decide.js';
import type { ManualIndex } from './manualIndex.js';

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
}

/**
 * Alternatives worth offering beside an answer: close to it, not just anything that matched. An
 * answer with example questions beats its runner-up by 1.3 times (PARAMS.examples.decision.ratio),
 * so 0.75 (as it was) offered none beside the 310 answers to the evaluation questions; 0.6 offers
 * them beside 10.
 */
const ALTERNATIVE_RATIO = 0.6;

export function answerQuestion(manual: ManualIndex, question: string, limit = 5): Answer {
  const result = search(manual.search, question, Math.max(limit, 3));
  const { verdict, closeCall } = decide(result);
  return { question, answered: verdict === 'answer', matches: result.matches.slice(0, limit), closeCall: closeCall.map((m) => m.section) };
}

/** The sections to offer as "Also:" beside an answer. */
export function alternativesOf(answer: Answer, max = 3): Section[] {
  const [best, ...rest] = answer.matches;
  if (!best) return [];
  return rest.filter((m) => m.score >= best.score * ALTERNATIVE_RATIO && m.score >= 0.3).slice(0, max).map((m) => m.section);
}
