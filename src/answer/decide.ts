import type { Match } from '../search/search.js';
import { PARAMS } from '../search/params.js';

/**
 * When the best match is good enough to answer with: a score threshold, and a margin over the
 * runner-up (PARAMS.decision, chosen on the tuning half of the evaluation set by bench/tune.ts,
 * counting a wrong answer as twice as bad as a declined one; see README).
 * - `sure`: a section that covers this much of the question is the answer, whatever else matched.
 * - `min` with `ratio`: a weaker best match still answers if it clearly beats the runner-up
 *   (natural questions carry words no section uses). Below `min`, or in a near tie, the bot says
 *   it has no section on that rather than guess between sections.
 */
export function isGoodEnough(matches: Match[]): boolean {
  const [best, second] = matches;
  if (!best) return false;
  const { sure, min, ratio } = PARAMS.decision;
  if (best.score >= sure) return true;
  return best.score >= min && best.score >= ratio * (second?.score ?? 0);
}
