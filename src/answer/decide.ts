import type { Match, SearchResult } from '../search/rank.js';
import { PARAMS } from '../search/params.js';

/**
 * - answer: the best match is the answer.
 * - close call: more than one match is good enough, and none clearly beats the others; the bot
 *   does not pick one, it offers them (`closeCall`).
 * - no answer: nothing good enough, or the question is nearer ones the manual does not answer.
 */
export interface Decision {
  verdict: 'answer' | 'close call' | 'no answer';
  /** For a close call, the matches the bot could not choose between, best first; else empty. */
  closeCall: Match[];
}

/**
 * When the best match is good enough to answer with: a score threshold, and a margin over the
 * runner-up (PARAMS.decision, or PARAMS.examples.decision when the manual has example questions;
 * see README "How the bot decides to answer").
 * - `sure`: a section that covers this much of the question is the answer, whatever else matched,
 *   unless another scores just the same (a tie is a close call, however high).
 * - `min` with `ratio`: a weaker best match still answers if it clearly beats the runner-up
 *   (natural questions carry words no section uses). Below `min`, the bot says it has no section
 *   on that rather than guess; above it but in a near tie, it offers the sections in the tie.
 * - `notAnswered`: with example questions, the best section's examples must be this many times
 *   nearer the question than the nearest questions the manual does not answer, however well the
 *   section scores: "how do I request AWS access for a new app?" shares words with getting access.
 *   (A section nobody wrote examples for has nothing to compare, and skips this check.)
 * - `likelier` and `notAnsweredMax`: with a classifier learnt from the example questions (see
 *   exampleClassifier), the bot declines when it finds "not answered" more than `likelier` times
 *   as likely as the best section, or more likely than `notAnsweredMax` in all: "is there a
 *   template for…" or "how often…" under any section's topic. (Skipped where
 *   the classifier does not cover the section or "not answered": too few examples.)
 */
export function decide(result: Pick<SearchResult, 'matches' | 'usesExamples' | 'notAnswered' | 'notAnsweredLikelihood'>): Decision {
  const [best, second] = result.matches;
  const none: Decision = { verdict: 'no answer', closeCall: [] };
  if (!best) return none;
  const { sure, min, ratio } = result.usesExamples ? PARAMS.examples.decision : PARAMS.decision;
  if (result.usesExamples) {
    const { notAnswered, likelier, notAnsweredMax } = PARAMS.examples.decision;
    if (best.example !== undefined && best.example < notAnswered * result.notAnswered) return none;
    if (best.likelihood !== undefined && result.notAnsweredLikelihood !== undefined) {
      if (result.notAnsweredLikelihood > likelier * best.likelihood || result.notAnsweredLikelihood > notAnsweredMax) return none;
    }
  }
  // A runner-up just as good is a tie however high both score: nothing to choose the first by.
  const tied = second !== undefined && second.score >= best.score;
  if (best.score >= sure && !tied) return { verdict: 'answer', closeCall: [] };
  if (best.score < min) return none;
  if (best.score >= ratio * (second?.score ?? 0)) return { verdict: 'answer', closeCall: [] };
  const closeCall = result.matches.filter((m) => m.score >= min && m.score * ratio > best.score).slice(0, 3);
  return { verdict: 'close call', closeCall };
}
