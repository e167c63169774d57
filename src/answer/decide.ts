import { PARAMS } from '../search/params.js';
import type { Match, SearchResult } from '../search/rank.js';

/**
 * What to do with a question:
 * - section: answer with the best match.
 * - page: answer with a page as a whole (its intro, its owner and its sections): the question
 *   names the page (its intro is the best match), or several of its sections answer it about
 *   equally well and no other page's do.
 * - offer: no answer, but the sections in `offered` are plausible: the asker picks.
 * - none: nothing plausible, or the question is one the manual does not answer.
 */
export type AnswerKind = 'section' | 'page' | 'offer' | 'none';

export interface Decision {
  kind: AnswerKind;
  /** The page file answered with, for kind "page". */
  page?: string;
  /** For kind "offer", the matches offered, best first. */
  offered: Match[];
}

/**
 * The decision's numbers for a manual: without example questions (PARAMS.decision); with them, on
 * one page (PARAMS.examples.decision: the shipped page) or on many (PARAMS.pages.decision: the
 * whole GOV.UK manual), each chosen on questions about that manual.
 */
export type DecisionNumbers = typeof PARAMS.decision & Partial<Omit<typeof PARAMS.examples.decision, keyof typeof PARAMS.decision>>;

export function decisionNumbers(usesExamples: boolean, pageCount: number): DecisionNumbers {
  if (!usesExamples) return PARAMS.decision;
  return pageCount > 1 ? PARAMS.pages.decision : PARAMS.examples.decision;
}

/** Whether the decision answers the question, with a section or a page. */
export const isAnswer = (d: Pick<Decision, 'kind'>): boolean => d.kind === 'section' || d.kind === 'page';

/** Offered at most, so an offer stays a short choice. */
export const MAX_OFFERED = 3;

const isIntro = (m: Match) => m.section.anchor === '';

/**
 * When the best match is good enough to answer with: a score threshold, and a margin over the
 * runner-up (PARAMS.decision, or PARAMS.examples.decision when the manual has example questions;
 * see docs/how-it-answers.md).
 * - `sure`: a section that covers this much of the question is the answer, whatever else matched,
 *   unless another scores just the same (a tie).
 * - `min` with `ratio`: a weaker best match still answers if it clearly beats the runner-up.
 *   Matches within that margin of the best are a near tie: sections of one page make a page
 *   answer (in a manual of several pages; on a one-page manual the page is the whole manual),
 *   sections of several pages an offer.
 * - `offer`: below `min`, matches that score at least this are still plausible enough to offer.
 * - `notAnswered`: with example questions, the best section's examples must be this many times
 *   nearer the question than the nearest questions the manual does not answer, however well the
 *   section scores. (A section nobody wrote examples for has nothing to compare, and skips it.)
 * - `likelier` and `notAnsweredMax`: with a classifier learnt from the example questions (see
 *   exampleClassifier), the bot declines when it finds "not answered" more than `likelier` times
 *   as likely as the best section, or more likely than `notAnsweredMax` in all. (Skipped where the
 *   classifier does not cover the section or "not answered": too few examples.)
 */
export function decide(result: Pick<SearchResult, 'matches' | 'usesExamples' | 'notAnswered' | 'notAnsweredLikelihood'>, pageCount: number): Decision {
  const [best, second] = result.matches;
  const none: Decision = { kind: 'none', offered: [] };
  if (!best) return none;
  const numbers = decisionNumbers(result.usesExamples, pageCount);
  const { sure, min, ratio, offer } = numbers;
  const { notAnswered, likelier, notAnsweredMax } = numbers;
  if (notAnswered !== undefined && likelier !== undefined && notAnsweredMax !== undefined) {
    if (best.example !== undefined && best.example < notAnswered * result.notAnswered) return none;
    if (best.likelihood !== undefined && result.notAnsweredLikelihood !== undefined) {
      if (result.notAnsweredLikelihood > likelier * best.likelihood || result.notAnsweredLikelihood > notAnsweredMax) return none;
    }
  }
  const answer = (m: Match): Decision => (isIntro(m) ? { kind: 'page', page: m.section.page.file, offered: [] } : { kind: 'section', offered: [] });
  if (best.score < min) {
    const offered = result.matches.filter((m) => m.score >= offer).slice(0, MAX_OFFERED);
    return offered.length ? { kind: 'offer', offered } : none;
  }
  // A runner-up just as good is a tie however high both score: nothing to choose the first by.
  const tied = second !== undefined && second.score >= best.score;
  if (best.score >= sure && !tied) return answer(best);
  if (best.score >= ratio * (second?.score ?? 0)) return answer(best);
  const near = result.matches.filter((m) => m.score >= min && m.score * ratio > best.score);
  const onePage = near.every((m) => m.section.page.file === best.section.page.file);
  if (onePage && (near.some(isIntro) || (pageCount > 1 && near.every((m) => m.score >= sure)))) return { kind: 'page', page: best.section.page.file, offered: [] };
  return { kind: 'offer', offered: near.slice(0, MAX_OFFERED) };
}
