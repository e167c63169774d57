import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { answerQuestion } from '../../src/answer/answer.js';
import { loadManualIndex, type ManualIndex } from '../../src/load/loadManualIndex.js';
import { DEFAULT_BASE_URL, SHIPPED_MANUAL_DIR } from '../../src/config.js';
import { search } from '../../src/search/rank.js';
import { evaluate, govukManualDir, readQuestionFiles, readQuestions, SHIPPED_SETS, summarise, WHOLE_MANUAL_SETS } from '../../eval/evaluate.js';

let manual: ManualIndex;
beforeAll(async () => {
  manual = await loadManualIndex({ dir: SHIPPED_MANUAL_DIR, baseUrl: DEFAULT_BASE_URL });
});

describe('answer quality on the shipped page', () => {
  // The issue's own examples, as people ask them.
  it.each([
    ['a developer is leaving next week, what do I do?', 'Managing leavers'],
    ['how do I get someone access to Sentry?', 'Removing technical blockers'],
    ['onbording', 'Onboarding new team members'],
    ['who writes the weeknote?', 'Attending tech lead stand up and writing the weeknote'],
    ['offboarding', 'Managing leavers'],
    ['we have a new starter on monday', 'Onboarding new team members'],
  ])('answers %j with %j', (question, heading) => {
    const answer = answerQuestion(manual, question);
    expect(answer.answered).toBe(true);
    expect(answer.matches[0]?.section.heading).toBe(heading);
  });

  // Keyword queries, as people use a slash command (the issue's own examples).
  it('answers "stand up" with its section, and "responsibilities" with the page as a whole', () => {
    const standUp = answerQuestion(manual, 'stand up');
    expect(standUp).toMatchObject({ kind: 'section', answered: true });
    expect(standUp.matches[0]?.section.heading).toBe('Attending tech lead stand up and writing the weeknote');
    const page = answerQuestion(manual, 'responsibilities');
    expect(page.kind).toBe('page');
    expect(page.page?.intro.heading).toBe('Responsibilities of a Tech Lead');
    expect(page.page?.sections).toHaveLength(11);
  });

  it.each(['annual leave', 'pay rise', 'wifi'])('declines the keyword query %j, which the page does not answer', (question) => {
    expect(answerQuestion(manual, question).answered).toBe(false);
  });

  it.each(['how do I book annual leave?', "what's the wifi password?", 'zzqx qqzz', ''])('declines %j', (question) => {
    expect(answerQuestion(manual, question).answered).toBe(false);
  });

  // A floor under the evaluation sets, a little below what they measure (npm run eval), so a
  // change that makes answers worse fails here;
  // `npm run eval` prints the figures and every miss.
  it('keeps its accuracy on the evaluation set', () => {
    const report = evaluate(manual, readQuestions(path.resolve('eval/questions/tech-lead-questions.json')));
    expect(report.total).toBeGreaterThanOrEqual(80);
    expect(report.unanswerable).toBeGreaterThanOrEqual(12);
    expect(report.top1).toBeGreaterThanOrEqual(0.91);
    expect(report.top3).toBeGreaterThanOrEqual(0.98);
    expect(report.wrong / report.total).toBeLessThanOrEqual(0.025);
  });

  // Held-out sets, never tuned on. Issue 18 asks for 95% of answerable ones answered right, 2% wrong
  // at most, no unanswerable one answered; the floors sit a little below what npm run eval measures.
  it('keeps its accuracy on the questions it was never tuned on, keyword queries included', () => {
    const report = evaluate(manual, readQuestionFiles(process.cwd(), SHIPPED_SETS.holdout), false);
    expect(report.total).toBeGreaterThanOrEqual(390);
    expect(report.top1Answerable).toBeGreaterThanOrEqual(0.95);
    expect(report.wrong / report.total).toBeLessThanOrEqual(0.01);
    expect(report.declined / report.unanswerable).toBeGreaterThanOrEqual(0.98);
    const keywords = summarise(report.results.filter((r) => r.question.kind === 'keyword'));
    expect(keywords.answerable).toBeGreaterThanOrEqual(80);
    expect(keywords.top1Answerable).toBeGreaterThanOrEqual(0.94);
  });
});

// The whole GOV.UK manual, kept outside the repo as test data (skipped where it is not there).
const GOVUK_MANUAL = govukManualDir(process.cwd());

(existsSync(GOVUK_MANUAL) ? describe : describe.skip)('answer quality on the whole GOV.UK manual', () => {
  let whole: ManualIndex;
  beforeAll(async () => {
    whole = await loadManualIndex({ dir: GOVUK_MANUAL, baseUrl: DEFAULT_BASE_URL });
  });

  // Floors a little below what npm run eval measures: a change that ranks worse, or answers
  // wrongly more often, fails here.
  it.each([
    ['tuning', WHOLE_MANUAL_SETS.tuning, { pageFirst: 0.93, rightPage: 0.7, rightOrOffered: 0.9, wrong: 0.03 }],
    ['held-out', WHOLE_MANUAL_SETS.holdout, { pageFirst: 0.88, rightPage: 0.65, rightOrOffered: 0.85, wrong: 0.05 }],
  ])('keeps its accuracy on the %s questions', (_name, files, floor) => {
    const report = evaluate(whole, readQuestionFiles(process.cwd(), files), false);
    expect(report.pageFirst).toBeGreaterThanOrEqual(floor.pageFirst);
    expect(report.answeredRightPage).toBeGreaterThanOrEqual(floor.rightPage);
    expect(report.rightOrOffered).toBeGreaterThanOrEqual(floor.rightOrOffered);
    expect(report.wrong / report.total).toBeLessThanOrEqual(floor.wrong);
    // Offers to unanswerable questions stay a minority (issue 18: at most a third).
    expect(report.unanswerableOffered / report.unanswerable).toBeLessThanOrEqual(1 / 3);
  });

  it('answers "sentry" with the Sentry page as a whole', () => {
    const answer = answerQuestion(whole, 'sentry');
    expect(answer.kind).toBe('page');
    expect(answer.page?.page.file).toBe('sentry.html.md');
  });

  it('finds a page’s intro when asked its title word for word', () => {
    const intros = whole.sections.filter((s) => s.anchor === '');
    const found = intros.filter((s) => search(whole.search, s.page.title, 1).matches[0]?.section === s);
    // 170 of 172: the other two titles are, stemmed, a section heading on another page ("How to
    // upgrade Rails" and "Upgrading Rails"), which the question covers as well.
    expect(found.length).toBeGreaterThanOrEqual(intros.length - 2);
  });
});
