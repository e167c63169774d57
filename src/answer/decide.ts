import type { Match } from '../search/search.js';

/**
 * When the best match is good enough to answer with: a score threshold, and a margin over the
 * runner-up. The numbers were chosen on the tuning half of the evaluation set (npm run eval; the
 * other half is held out) by a grid search that counts a wrong answer as twice as bad as a
 * missed one; see README "How the bot decides to answer".
 * - SURE_SCORE: a section that covers this much of the question is the answer, whatever else matched.
 * - MIN_SCORE with MIN_RATIO: a weaker best match still answers if it clearly beats the runner-up
 *   (natural questions carry words no section uses). Below MIN_SCORE, or in a near tie, the bot
 *   says it has no section on that rather than guess between sections.
 */
export const DECISION = {
  SURE_SCORE: 0.45,
  MIN_SCORE: 0.35,
  MIN_RATIO: 1.6,
};

export function isGoodEnough(matches: Match[]): boolean {
  const [best, second] = matches;
  if (!best) return false;
  if (best.score >= DECISION.SURE_SCORE) return true;
  return best.score >= DECISION.MIN_SCORE && best.score >= DECISION.MIN_RATIO * (second?.score ?? 0);
}
