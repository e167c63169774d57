/**
 * npm run eval: how well the bot answers the evaluation questions, on the shipped page and on
 * the whole GOV.UK manual (if ../shared/govuk-manual is there). Prints top-1 accuracy, top-3
 * recall, MRR, wrong answers and declined unanswerable questions, then every miss.
 * EXAMPLES=off npm run eval: the shipped page without its example questions.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_BASE_URL, loadManualIndex, SHIPPED_MANUAL_DIR } from '../../src/answer/manualIndex.js';
import { projectRoot } from '../../bench/projectRoot.js';
import { buildIndex } from '../../src/search/buildIndex.js';
import { evaluate, formatReport, readQuestions, summarise } from './evaluate.js';

const root = projectRoot();
const govukManual = path.resolve(root, process.env.GOVUK_MANUAL_DIR ?? '../shared/govuk-manual');

const shipped = await loadManualIndex({ dir: SHIPPED_MANUAL_DIR, baseUrl: DEFAULT_BASE_URL });
// EXAMPLES=off: the same manual without its example questions, to see what they add.
if (process.env.EXAMPLES === 'off') {
  shipped.search = buildIndex(shipped.sections, shipped.search.synonyms);
  console.log('(without example questions)\n');
}
const report = evaluate(shipped, readQuestions(path.join(root, 'test/eval/tech-lead-questions.json')));
console.log(formatReport('Shipped page (tech-lead-responsibilities)', report));
console.log(formatReport('  of which tuning half', summarise(report.results.filter((r) => !r.heldOut)), false));
console.log(formatReport('  of which held-out half', summarise(report.results.filter((r) => r.heldOut)), false));

// Written after the ranker was built, each by someone who had not seen it or the other questions,
// and never used for tuning: the figures to quote for questions the bot has not seen. The fresh set
// came last, after the example questions, from a writer who saw only the page.
for (const [title, file] of [
  ['Shipped page, unseen test set (never tuned on)', 'tech-lead-test-questions.json'],
  ['Shipped page, fresh test set (never tuned on)', 'tech-lead-fresh-questions.json'],
] as const) {
  const questions = path.join(root, 'test/eval', file);
  if (!existsSync(questions)) continue;
  console.log('');
  console.log(formatReport(title, evaluate(shipped, readQuestions(questions), false)));
}

if (existsSync(govukManual)) {
  const whole = await loadManualIndex({ dir: govukManual, baseUrl: DEFAULT_BASE_URL });
  console.log('');
  console.log(formatReport(`Whole GOV.UK manual (${whole.pageCount} pages, ${whole.sections.length} sections)`, evaluate(whole, readQuestions(path.join(root, 'test/eval/govuk-manual-questions.json')), false)));
} else {
  console.log(`\n(whole-manual questions skipped: no manual at ${govukManual})`);
}
