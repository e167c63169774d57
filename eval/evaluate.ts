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
  correct: boolean;
  /** Answered, with the wrong section (or answered an unanswerable question). */
  wrong: boolean;
  /** Held out from tuning: every other question, so the numbers on it say how the ranker does on unseen questions. */
  heldOut: boolean;
}

export interface EvalReport {
  results: EvalResult[];
  total: number;
  top1: number;
  /** Answerable questions whose expected section is the best match, answered or not: the ranking alone. */
  first: number;
  top3: number;
  mrr: number;
  wrong: number;
  answerable: number;
  unanswerable: number;
  declined: number;
  /** Declined as a close call (the sections offered instead of an answer)... */
  closeCalls: number;
  /** ...and of those, the ones that offered the expected section. */
  closeCallsRight: number;
}

export function readQuestions(file: string): EvalQuestion[] {
  return JSON.parse(readFileSync(file, 'utf8')) as EvalQuestion[];
}

/**
 * The whole GOV.UK manual's question files: the tuning ones choose the word-pair weight and the
 * decision (npm run tune:manual); the held-out ones choose nothing.
 */
export const WHOLE_MANUAL_SETS = {
  tuning: ['govuk-manual-questions.json', 'govuk-manual-tuning-questions.json'],
  holdout: ['govuk-manual-holdout-questions.json'],
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

/** `split`: mark every other question as held out from tuning (the set the ranker was tuned on). */
export function evaluate(manual: ManualIndex, questions: EvalQuestion[], split = true): EvalReport {
  const results = questions.map((question, i): EvalResult => {
    const answer = answerQuestion(manual, question.q, 10);
    const { expect } = question;
    const rank = expect ? answer.matches.findIndex((m) => isExpected(m.section, expect)) + 1 : 0;
    const correct = expect ? answer.answered && rank === 1 : !answer.answered;
    return { question, answer, rank, correct, wrong: answer.answered && !correct, heldOut: split && i % 2 === 1 };
  });
  return summarise(results);
}

export function summarise(results: EvalResult[]): EvalReport {
  const answerable = results.filter((r) => r.question.expect !== null);
  const unanswerable = results.filter((r) => r.question.expect === null);
  const ratio = (n: number, d: number) => (d ? n / d : 0);
  return {
    results,
    total: results.length,
    top1: ratio(results.filter((r) => r.correct).length, results.length),
    first: ratio(answerable.filter((r) => r.rank === 1).length, answerable.length),
    top3: ratio(answerable.filter((r) => r.rank >= 1 && r.rank <= 3).length, answerable.length),
    mrr: ratio(answerable.reduce((sum, r) => sum + (r.rank ? 1 / r.rank : 0), 0), answerable.length),
    wrong: results.filter((r) => r.wrong).length,
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    declined: unanswerable.filter((r) => !r.answer.answered).length,
    closeCalls: results.filter((r) => r.answer.closeCall.length > 1).length,
    closeCallsRight: results.filter((r) => {
      const { expect } = r.question;
      return r.answer.closeCall.length > 1 && expect !== null && r.answer.closeCall.some((s) => isExpected(s, expect));
    }).length,
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

export function formatReport(title: string, report: EvalReport, showMisses = true): string {
  const lines = [
    `${title}: ${report.total} questions (${report.answerable} answerable, ${report.unanswerable} not)`,
    `  top-1 accuracy ${pct(report.top1)}   top-3 recall ${pct(report.top3)}   MRR ${report.mrr.toFixed(3)}   right section first ${pct(report.first)}`,
    `  wrong answers given ${report.wrong} (${pct(report.wrong / Math.max(1, report.total))})   unanswerable declined ${report.declined}/${report.unanswerable}`,
    `  close calls ${report.closeCalls} (declined, sections offered instead), the expected one offered in ${report.closeCallsRight}`,
  ];
  const misses = report.results.filter((r) => !r.correct);
  if (showMisses && misses.length) {
    lines.push('  misses:');
    for (const r of misses) {
      const got = r.answer.matches[0];
      const expect = r.question.expect === null ? 'no answer' : typeof r.question.expect === 'string' ? r.question.expect : `${r.question.expect.file} > ${r.question.expect.heading}`;
      const gave = r.answer.answered && got ? `answered "${got.section.heading}" (${got.score})` : `declined (best: ${got ? `"${got.section.heading}" ${got.score}` : 'none'})`;
      lines.push(`  - [${r.question.kind}${r.heldOut ? ', held out' : ''}] ${JSON.stringify(r.question.q)}: expected ${expect}, ${gave}${r.rank > 1 ? `, expected at rank ${r.rank}` : ''}`);
    }
  }
  return lines.join('\n');
}
