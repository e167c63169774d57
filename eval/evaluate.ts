import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Answer, answerQuestion } from '../src/answer/answer.js';
import type { ManualIndex } from '../src/load/loadManualIndex.js';
import type { Section } from '../src/sections/types.js';

/** An evaluation question: the section that answers it (by heading, and page file for the whole manual), or null. */
export interface EvalQuestion {
  q: string;
  expect: string | { file: string; heading: string } | null;
  kind: string;
}

export interface EvalResult {
  question: EvalQuestion;
  answer: Answer;
  /** 1-based rank of the expected section among the matches, 0 if absent. */
  rank: number;
  /** 1-based rank of the expected section's page among the matches' pages (each page counted once), 0 if absent. */
  pageRank: number;
  /**
   * Answered with the expected section (a page answer counts when the intro is expected), or an
   * unanswerable question not answered.
   */
  correct: boolean;
  /** Answered on the expected page: with its section or another of the page's, or with the page as a whole. */
  rightPage: boolean;
  /** Not answered, and the expected section, or a section of its page, offered. */
  offeredRight: boolean;
  /**
   * Answered wrongly: an unanswerable question answered, or an answerable one answered with another
   * section (in a manual of one page) or another page (in a manual of several, where an answer on
   * the right page is counted right by page; how many of those were another section is `otherSection`).
   */
  wrong: boolean;
  /** In a manual of several pages, answered on the right page but with another section (not the page as a whole). */
  otherSection: boolean;
  /** Held out from tuning: every other question, so the numbers on it say how the ranker does on unseen questions. */
  heldOut: boolean;
}

export interface EvalReport {
  results: EvalResult[];
  total: number;
  top1: number;
  /** Answerable questions answered with the expected section (a page answer, when the intro is expected). */
  top1Answerable: number;
  /** Answerable questions whose expected section is the best match, answered or not: the ranking alone. */
  first: number;
  /** Answerable questions whose expected section's page is the best match's page. */
  pageFirst: number;
  top3: number;
  mrr: number;
  /** Answerable questions answered on the right page (the right section, another of the page's, or the page). */
  answeredRightPage: number;
  /** Answerable questions answered on the right page, or not answered with the right page among those offered. */
  rightOrOffered: number;
  wrong: number;
  otherSection: number;
  answerable: number;
  unanswerable: number;
  declined: number;
  /** Unanswerable questions offered anything. */
  unanswerableOffered: number;
  /** Questions answered with a page as a whole. */
  pageAnswers: number;
  /** Answerable questions offered a choice, and of those, the ones that offered the expected page. */
  offers: number;
  offersRight: number;
}

export function readQuestions(file: string): EvalQuestion[] {
  return JSON.parse(readFileSync(file, 'utf8')) as EvalQuestion[];
}

/**
 * The whole GOV.UK manual's question files: the tuning ones choose the numbers tuned on the whole
 * manual (npm run tune:manual); the held-out ones choose nothing, and their misses are printed
 * only with MISSES=all. The fresh sets were written (2026-12-07) before the whole manual had
 * example questions, by a writer who saw neither the bot nor the examples, and split in two by a
 * fixed seed.
 */
export const WHOLE_MANUAL_SETS = {
  tuning: ['govuk-manual-questions.json', 'govuk-manual-tuning-questions.json', 'govuk-manual-fresh-tuning-questions.json'],
  holdout: ['govuk-manual-holdout-questions.json', 'govuk-manual-fresh-holdout-questions.json'],
};

/**
 * The shipped page's question files. Tuning: the first set (its lexical numbers were chosen on
 * half of it) and the tuning halves of the keyword and mixed sets (2026-12-07). Held out: every
 * other set, written by writers who saw only the page, never tuned on.
 */
export const SHIPPED_SETS = {
  tuning: ['tech-lead-questions.json', 'tech-lead-keyword-tuning-questions.json', 'tech-lead-mixed-tuning-questions.json'],
  holdout: ['tech-lead-test-questions.json', 'tech-lead-fresh-questions.json', 'tech-lead-holdout-questions.json', 'tech-lead-keyword-holdout-questions.json', 'tech-lead-mixed-holdout-questions.json'],
};

/** The questions of several files in eval/questions (such as a WHOLE_MANUAL_SETS list), as one set. */
export function readQuestionFiles(root: string, files: string[]): EvalQuestion[] {
  return files.flatMap((file) => readQuestions(path.join(root, 'eval/questions', file)));
}

/** Where the whole GOV.UK manual is, kept outside the repo as test data: GOVUK_MANUAL_DIR, or ../shared/govuk-manual beside the project. */
export function govukManualDir(root: string): string {
  return path.resolve(root, process.env.GOVUK_MANUAL_DIR ?? '../shared/govuk-manual');
}

export function isExpected(section: Section, expect: NonNullable<EvalQuestion['expect']>): boolean {
  if (typeof expect === 'string') return section.heading === expect;
  return section.page.file === expect.file && section.heading === expect.heading;
}

/** The distinct pages of the matches, best first. */
function pagesOf(answer: Answer): string[] {
  return [...new Set(answer.matches.map((m) => m.section.page.file))];
}

/** `split`: mark every other question as held out from tuning (the set the ranker was tuned on). */
export function evaluate(manual: ManualIndex, questions: EvalQuestion[], split = true): EvalReport {
  const results = questions.map((question, i): EvalResult => {
    const answer = answerQuestion(manual, question.q, 10);
    const { expect } = question;
    const rank = expect ? answer.matches.findIndex((m) => isExpected(m.section, expect)) + 1 : 0;
    const expectedPage = expect ? expectedPageOf(manual, expect) : undefined;
    const pageRank = expectedPage ? pagesOf(answer).indexOf(expectedPage) + 1 : 0;
    const answeredPage = answer.answered ? answer.matches[0]?.section.page.file : undefined;
    const rightPage = expectedPage !== undefined && answeredPage === expectedPage;
    // A page answer is the right answer when the page's intro is what was expected.
    const answeredWith = answer.page ? answer.page.intro : answer.matches[0]?.section;
    const correct = expect ? answer.answered && answeredWith !== undefined && isExpected(answeredWith, expect) : !answer.answered;
    const offeredRight = expectedPage !== undefined && answer.offered.some((s) => s.page.file === expectedPage);
    const byPage = manual.pageCount > 1;
    const wrong = answer.answered && !correct && !(byPage && rightPage);
    const otherSection = byPage && rightPage && !correct && answer.kind === 'section';
    return { question, answer, rank, pageRank, correct, rightPage, offeredRight, wrong, otherSection, heldOut: split && i % 2 === 1 };
  });
  return summarise(results);
}

/** The page file of an expected answer: given, for the whole manual; the one page's, for a heading on the shipped page. */
function expectedPageOf(manual: ManualIndex, expect: NonNullable<EvalQuestion['expect']>): string | undefined {
  if (typeof expect !== 'string') return expect.file;
  return manual.sections.find((s) => s.heading === expect)?.page.file;
}

export function summarise(results: EvalResult[]): EvalReport {
  const answerable = results.filter((r) => r.question.expect !== null);
  const unanswerable = results.filter((r) => r.question.expect === null);
  const ratio = (n: number, d: number) => (d ? n / d : 0);
  const offers = answerable.filter((r) => r.answer.kind === 'offer');
  return {
    results,
    total: results.length,
    top1: ratio(results.filter((r) => r.correct).length, results.length),
    top1Answerable: ratio(answerable.filter((r) => r.correct).length, answerable.length),
    first: ratio(answerable.filter((r) => r.rank === 1).length, answerable.length),
    pageFirst: ratio(answerable.filter((r) => r.pageRank === 1).length, answerable.length),
    top3: ratio(answerable.filter((r) => r.rank >= 1 && r.rank <= 3).length, answerable.length),
    mrr: ratio(answerable.reduce((sum, r) => sum + (r.rank ? 1 / r.rank : 0), 0), answerable.length),
    answeredRightPage: ratio(answerable.filter((r) => r.rightPage).length, answerable.length),
    rightOrOffered: ratio(answerable.filter((r) => r.rightPage || r.offeredRight).length, answerable.length),
    wrong: results.filter((r) => r.wrong).length,
    otherSection: results.filter((r) => r.otherSection).length,
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    declined: unanswerable.filter((r) => !r.answer.answered).length,
    unanswerableOffered: unanswerable.filter((r) => r.answer.kind === 'offer').length,
    pageAnswers: results.filter((r) => r.answer.kind === 'page').length,
    offers: offers.length,
    offersRight: offers.filter((r) => r.offeredRight).length,
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

export function formatReport(title: string, report: EvalReport, showMisses = true): string {
  const lines = [
    `${title}: ${report.total} questions (${report.answerable} answerable, ${report.unanswerable} not)`,
    `  top-1 accuracy ${pct(report.top1)}   top-3 recall ${pct(report.top3)}   MRR ${report.mrr.toFixed(3)}   right section first ${pct(report.first)}   right page first ${pct(report.pageFirst)}`,
    `  answered on the right page ${pct(report.answeredRightPage)}   right page answered or offered ${pct(report.rightOrOffered)}   page answers ${report.pageAnswers}`,
    `  wrong answers given ${report.wrong} (${pct(report.wrong / Math.max(1, report.total))})${report.otherSection ? `, and ${report.otherSection} on the right page with another section` : ''}   unanswerable declined ${report.declined}/${report.unanswerable}, offered something ${report.unanswerableOffered}`,
    `  offers to answerable questions ${report.offers}, the expected page among them in ${report.offersRight}`,
  ];
  const misses = report.results.filter((r) => !r.correct);
  if (showMisses && misses.length) {
    lines.push('  misses:');
    for (const r of misses) {
      const got = r.answer.matches[0];
      const expect = r.question.expect === null ? 'no answer' : typeof r.question.expect === 'string' ? r.question.expect : `${r.question.expect.file} > ${r.question.expect.heading}`;
      const best = got ? `"${got.section.heading}" ${got.score}` : 'none';
      const gave =
        r.answer.kind === 'section' || r.answer.kind === 'page'
          ? `answered ${r.answer.kind === 'page' ? 'with the page ' : ''}"${got?.section.heading}" (${got?.score})`
          : r.answer.kind === 'offer'
            ? `offered ${r.answer.offered.map((s) => `"${s.heading}"`).join(', ')}`
            : `declined (best: ${best})`;
      lines.push(`  - [${r.question.kind}${r.heldOut ? ', held out' : ''}] ${JSON.stringify(r.question.q)}: expected ${expect}, ${gave}${r.rank > 1 ? `, expected at rank ${r.rank}` : ''}`);
    }
  }
  return lines.join('\n');
}
