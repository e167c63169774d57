import { PARAMS } from '../search/params.js';
import { confidence } from './confidence.js';
import type { Match, SearchResult } from '../search/rank.js';
import type { Section } from '../sections/types.js';

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
  /** The section answered with, for kind "section". */
  section?: Section;
  /** The page file answered with, for kind "page". */
  page?: string;
  /** For kind "offer", the sections offered, best first. */
  offered: Section[];
  /**
   * For kind "none": the best match, when it is close enough to be worth a person's time (what the
   * decision would have offered), so its page's owners are the people to ask; undefined when
   * nothing is close.
   */
  nearest?: Section;
}

/** Whether the decision answers the question, with a section or a page. */
export const isAnswer = (d: Pick<Decision, 'kind'>): boolean => d.kind === 'section' || d.kind === 'page';

/** Offered at most, so an offer stays a short choice. */
export const MAX_OFFERED = 3;

/**
 * What to reply (see docs/how-it-answers.md). A keyword query that points at a section is answered
 * with it (keywordDecision); a manual of many pages with example questions is decided by one model
 * (decideByConfidence). Otherwise a score threshold, and a margin over the runner-up
 * (PARAMS.decision, or PARAMS.examples.decision when the manual has example questions):
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
export function decide(result: Pick<SearchResult, 'matches' | 'usesExamples' | 'notAnswered' | 'notAnsweredLikelihood' | 'keywords' | 'unexplained'>, pageCount: number): Decision {
  const [best, second] = result.matches;
  const none: Decision = { kind: 'none', offered: [] };
  if (!best) return none;
  const pointed = result.keywords && keywordDecision(result.keywords.sections, result.matches, pageCount);
  if (pointed) return pointed;
  if (result.usesExamples && pageCount > 1) return decideByConfidence(result);
  const { sure, min, ratio, offer } = result.usesExamples ? PARAMS.examples.decision : PARAMS.decision;
  if (result.usesExamples) {
    const { notAnswered, likelier, notAnsweredMax } = PARAMS.examples.decision;
    const declined: Decision = best.score >= offer ? { ...none, nearest: best.section } : none;
    if (best.example !== undefined && best.example < notAnswered * result.notAnswered) return declined;
    if (best.likelihood !== undefined && result.notAnsweredLikelihood !== undefined) {
      if (result.notAnsweredLikelihood > likelier * best.likelihood || result.notAnsweredLikelihood > notAnsweredMax) return declined;
    }
  }
  if (best.score < min) {
    const offered = result.matches.filter((m) => m.score >= offer).slice(0, MAX_OFFERED);
    return offered.length ? { kind: 'offer', offered: offered.map((m) => m.section) } : none;
  }
  // A runner-up just as good is a tie however high both score: nothing to choose the first by.
  const tied = second !== undefined && second.score >= best.score;
  if (best.score >= sure && !tied) return answerWith(best.section);
  if (best.score >= ratio * (second?.score ?? 0)) return answerWith(best.section);
  // The near tie: every plausible match within the margin of the best.
  const near = result.matches.filter((m) => m.score >= offer && m.score * ratio > best.score);
  const onePage = near.every((m) => m.section.page.file === best.section.page.file);
  if (onePage && (pageCount > 1 || near.some((m) => isIntro(m.section)))) return { kind: 'page', page: best.section.page.file, offered: [] };
  return { kind: 'offer', offered: near.slice(0, MAX_OFFERED).map((m) => m.section) };
}

const isIntro = (s: Section) => s.anchor === '';

/**
 * In a manual of many pages with example questions (the whole GOV.UK manual), one model weighs
 * everything the search found (confidence.ts): at `answer` or above, the best match's page is
 * taken to be right, and answered with its best section, or with the page as a whole when another
 * of its sections scores within `pageRatio` of the best (or the best is its intro), if the section
 * shares a word with the question; from `offer`,
 * the best sections of the first few pages are offered; below, nothing is plausible.
 */
function decideByConfidence(result: Parameters<typeof confidence>[0]): Decision {
  const [best] = result.matches;
  if (!best) return { kind: 'none', offered: [] };
  const { answer, offer, pageRatio } = PARAMS.pages.confidence;
  const sure = confidence(result);
  // Never an answer that shares no word with the question (its own words, synonyms and typos
  // counted), however near its examples: "what's the wifi password?" is no question about a page
  // that only looks like one. It can still be offered.
  if (sure >= answer && best.words > 0) {
    const samePage = result.matches.filter((m) => m !== best && m.section.page.file === best.section.page.file);
    if (isIntro(best.section) || samePage.some((m) => m.score * pageRatio >= best.score)) return { kind: 'page', page: best.section.page.file, offered: [] };
    return { kind: 'section', section: best.section, offered: [] };
  }
  if (sure < offer) return { kind: 'none', offered: [] };
  const pages = new Set<string>();
  const offered = result.matches.filter((m) => !pages.has(m.section.page.file) && pages.add(m.section.page.file)).slice(0, MAX_OFFERED);
  return { kind: 'offer', offered: offered.map((m) => m.section) };
}

/** Answered with a section; with its page, when the section is the page's intro. */
function answerWith(section: Section): Decision {
  return isIntro(section) ? { kind: 'page', page: section.page.file, offered: [] } : { kind: 'section', section, offered: [] };
}

/**
 * A keyword query is answered where it points (see keywords.ts), when the ranking puts a section
 * it points at first too, whatever the example questions say about answering: they were mostly
 * written as whole questions, and "stand up" is not a question the manual fails to answer.
 * - It points at sections of other pages as well: answered if the first clearly beats them
 *   (PARAMS.keywords.ratio), else they are offered.
 * - At several sections of the first one's page: in a manual of many pages, the page; on a one-page
 *   manual, the first if it clearly beats the next, else they are offered.
 */
function keywordDecision(targets: Section[], matches: Match[], pageCount: number): Decision | undefined {
  const [top] = matches;
  if (!top || !targets.some((t) => t === top.section || (pageCount > 1 && t.page.file === top.section.page.file))) return undefined;
  const { ratio } = PARAMS.keywords;
  const scoreOf = (s: Section) => matches.find((m) => m.section === s)?.score ?? 0;
  const offer: Decision = { kind: 'offer', offered: targets.slice(0, MAX_OFFERED) };
  const others = targets.filter((t) => t.page.file !== top.section.page.file);
  if (others.length && top.score < ratio * Math.max(...others.map(scoreOf))) return offer;
  const samePage = targets.filter((t) => t.page.file === top.section.page.file);
  if (samePage.length === 1) return answerWith(samePage[0]!);
  if (pageCount > 1) return { kind: 'page', page: top.section.page.file, offered: [] };
  const [first, second] = [...samePage].sort((a, b) => scoreOf(b) - scoreOf(a));
  return scoreOf(first!) >= ratio * scoreOf(second!) ? answerWith(first!) : offer;
}
