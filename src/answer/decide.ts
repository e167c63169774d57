import type { SearchResult } from '../search/search.js';
import { PARAMS } from '../search/params.js';

/**
 * - answer: the best match is the answer.
 * - close call: good enough matches, but no clear winner among them; the bot does not pick one,
 *   it offers them (see answer.ts closeCallOf).
 * - no answer: nothing good enough, or the question is nearer ones the manual does not answer.
 */
export type Verdict = 'answer' | 'close call' | 'no answer';

/**
 * When the best match is good enough to answer with: a score threshold, and a margin over the
 * runner-up (PARAMS.decision, or PARAMS.examples.decision when the manual has example questions;
 * see README "How the bot decides to answer").
 * - `sure`: a section that covers this much of the question is the answer, whatever else matched.
 * - `min` with `ratio`: a weaker best match still answers if it clearly beats the runner-up
 *   (natural questions carry words no section uses). Below `min`, or in a near tie, the bot says
 *   it has no section on that rather than guess between sections.
 * - `notAnswered`: with example questions, the best section's examples must be this many times
 *   nearer the question than the nearest questions the manual does not answer, however well the
 *   section scores: "how long until a leaver's GitHub account goes?" shares words with leavers.
 */
export function verdict(result: Pick<SearchResult, 'matches' | 'usesExamples' | 'notAnswered'>): Verdict {
  const [best, second] = result.matches;
  if (!best) return 'no answer';
  const { sure, min, ratio } = result.usesExamples ? PARAMS.examples.decision : PARAMS.decision;
  if (result.usesExamples && (best.example ?? 0) < PARAMS.examples.decision.notAnswered * result.notAnswered) return 'no answer';
  if (best.score >= sure) return 'answer';
  if (best.score < min) return 'no answer';
  return best.score >= ratio * (second?.score ?? 0) ? 'answer' : 'close call';
}

export function isGoodEnough(result: Pick<SearchResult, 'matches' | 'usesExamples' | 'notAnswered'>): boolean {
  return verdict(result) === 'answer';
}
