import { PARAMS } from '../search/params.js';
import type { SearchResult } from '../search/rank.js';

/**
 * What the decision reads of a search in a manual of many pages with example questions, each a
 * number for the logistic model below:
 * - score, example, words: the best match's blended score, its examples' similarity and its own
 *   words' score (see rank.ts);
 * - nearNotAnswered and notAnswered: how near the question is to examples the manual does not
 *   answer, and the classifier's probability that it is one;
 * - margin and logRatio: how far the best match is ahead of the best section of another page;
 * - unexplained and mostUnexplained: how much of the question the best page does not account for.
 */
export const FEATURES = ['score', 'example', 'words', 'nearNotAnswered', 'notAnswered', 'margin', 'logRatio', 'unexplained', 'mostUnexplained'] as const;
export type Feature = (typeof FEATURES)[number];

export function features(result: Pick<SearchResult, 'matches' | 'notAnswered' | 'notAnsweredLikelihood' | 'unexplained'>): Record<Feature, number> {
  const [best] = result.matches;
  const other = result.matches.find((m) => m.section.page.file !== best?.section.page.file);
  const score = best?.score ?? 0;
  const next = other?.score ?? 0;
  return {
    score,
    example: best?.example ?? 0,
    words: best?.words ?? 0,
    nearNotAnswered: result.notAnswered,
    notAnswered: result.notAnsweredLikelihood ?? 0,
    margin: score - next,
    // Smoothed so that a best match with nothing behind it is far ahead, not infinitely.
    logRatio: Math.log((score + 0.01) / (next + 0.01)),
    unexplained: result.unexplained?.share ?? 0,
    mostUnexplained: result.unexplained?.most ?? 0,
  };
}

/**
 * How likely the best match's page is the one that answers the question (0..1): a logistic model
 * of the features, its weights fitted by npm run tune:manual on the example writers' questions,
 * each ranked without that writer's examples (never on evaluation questions).
 */
export function confidence(result: Parameters<typeof features>[0]): number {
  const x = features(result);
  const { bias, weights } = PARAMS.pages.confidence;
  let z = bias;
  for (const f of FEATURES) z += weights[f] * x[f];
  return 1 / (1 + Math.exp(-z));
}
