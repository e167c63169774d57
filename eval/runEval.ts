/**
 * npm run eval: how well the bot answers the evaluation questions (eval/questions/*.json), on the
 * shipped page and on the whole GOV.UK manual (when it is at ../shared/govuk-manual, or
 * GOVUK_MANUAL_DIR). The sets that tuned something print their misses; the held-out sets (never
 * tuned on) print theirs only with MISSES=all: reading them would invite fixing them, and then
 * they would measure nothing. The whole manual's held-out questions are also asked with their
 * page's example questions left out (leave-one-page-out: a page added upstream tomorrow has none),
 * and with no example questions at all.
 * EXAMPLES=off npm run eval: everything without example questions.
 * Writes the figures, dated, to docs/results/eval.md.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_BASE_URL, PROJECT_ROOT, SHIPPED_MANUAL_DIR } from '../src/config.js';
import { loadManualIndex, type ManualIndex } from '../src/load/loadManualIndex.js';
import { EXAMPLES_FOLDER, type ExampleQuestion, loadExampleQuestions } from '../src/search/exampleQuestions.js';
import { buildSearchIndex } from '../src/search/indexExamples.js';
import { words } from '../src/search/tokenize.js';
import { type EvalQuestion, type EvalReport, evaluate, formatReport, govukManualDir, readQuestionFiles, SHIPPED_SETS, summarise, WHOLE_MANUAL_SETS } from './evaluate.js';

const root = PROJECT_ROOT;
const off = process.env.EXAMPLES === 'off';
const showHeldOut = process.env.MISSES === 'all';
const rows: string[] = [];
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** A row of the results table: the figures the issues ask for. */
function row(name: string, r: EvalReport): void {
  rows.push(
    `| ${name} | ${r.answerable}+${r.unanswerable} | ${pct(r.first)} | ${pct(r.pageFirst)} | ${pct(r.top1Answerable)} | ${pct(r.answeredRightPage)} | ${pct(r.rightOrOffered)} | ${r.wrong} (${pct(r.wrong / Math.max(1, r.total))}) | ${r.unanswerable - r.declined}/${r.unanswerable} | ${r.unanswerableOffered}/${r.unanswerable} |`,
  );
}

function report(title: string, r: EvalReport, misses: boolean, also = ''): void {
  console.log(`\n${formatReport(title, r, misses)}${also}`);
  row(title, r);
}

const shipped = await loadManualIndex({ dir: SHIPPED_MANUAL_DIR, baseUrl: DEFAULT_BASE_URL, ...(off ? { examplesDir: false } : {}) });
console.log(`Shipped page: ${shipped.sections.length} sections, ${shipped.exampleQuestions} example questions${off ? ' (EXAMPLES=off)' : ''}`);
// Writers who never saw each other's questions still converge on the obvious ones ("leavers",
// "how do I book annual leave?"), so some evaluation questions are word for word an example
// question. Real questions do that too, but the figures without them are the harder test.
const unlike = (examples: ExampleQuestion[]) => {
  const texts = new Set(examples.map((e) => words(e.question).join(' ')));
  return (r: EvalReport) => {
    if (off) return '';
    const unseen = r.results.filter((x) => !texts.has(words(x.question.q).join(' ')));
    return `\n${formatReport(`  of which not word for word an example question (${r.total - unseen.length} are)`, summarise(unseen), false)}`;
  };
};
const unlikeShipped = unlike(loadExampleQuestions(path.join(SHIPPED_MANUAL_DIR, EXAMPLES_FOLDER)).examples);

for (const file of SHIPPED_SETS.tuning) report(`Shipped page, ${file} (tuning)`, evaluate(shipped, readQuestionFiles(root, [file]), false), true);
const heldOut = readQuestionFiles(root, SHIPPED_SETS.holdout);
for (const file of SHIPPED_SETS.holdout) row(`Shipped page, ${file}`, evaluate(shipped, readQuestionFiles(root, [file]), false));
const shippedHeldOut = evaluate(shipped, heldOut, false);
report(`Shipped page, all held-out sets (never tuned on)`, shippedHeldOut, showHeldOut, unlikeShipped(shippedHeldOut));
report(`Shipped page, held-out keyword queries`, summarise(shippedHeldOut.results.filter((r) => r.question.kind === 'keyword')), showHeldOut);

const govuk = govukManualDir(root);
if (existsSync(govuk)) {
  const whole = await loadManualIndex({ dir: govuk, baseUrl: DEFAULT_BASE_URL, ...(off ? { examplesDir: false } : {}) });
  const name = `Whole GOV.UK manual`;
  console.log(`\n${name}: ${whole.pageCount} pages, ${whole.sections.length} sections, ${whole.exampleQuestions} example questions${off ? ' (EXAMPLES=off)' : ''}`);
  const examples = whole.examplesDir ? loadExampleQuestions(whole.examplesDir).examples : [];
  report(`${name}, tuning questions`, evaluate(whole, readQuestionFiles(root, WHOLE_MANUAL_SETS.tuning), false), true);
  const held = readQuestionFiles(root, WHOLE_MANUAL_SETS.holdout);
  for (const file of WHOLE_MANUAL_SETS.holdout) row(`${name}, ${file}`, evaluate(whole, readQuestionFiles(root, [file]), false));
  const wholeHeldOut = evaluate(whole, held, false);
  report(`${name}, held-out questions (never tuned on)`, wholeHeldOut, showHeldOut, unlike(examples)(wholeHeldOut));
  if (examples.length) {
    report(`${name}, held-out, each page's examples left out`, leaveOnePageOut(whole, held, examples), showHeldOut);
    report(`${name}, held-out, no example questions`, evaluate({ ...whole, search: buildSearchIndex(whole.sections, whole.search.synonyms, []).index }, held, false), false);
  }
} else {
  console.log(`\n(whole-manual questions skipped: no manual at ${govuk})`);
}

/**
 * Each answerable question asked of an index without its page's example questions: how the bot
 * finds a page nobody has written examples for yet. (Unanswerable questions have no page, and are
 * asked of the whole index.)
 */
function leaveOnePageOut(manual: ManualIndex, questions: EvalQuestion[], examples: ExampleQuestion[]): EvalReport {
  const byPage = new Map<string, EvalQuestion[]>();
  for (const q of questions) {
    const page = q.expect && typeof q.expect !== 'string' ? q.expect.file : '';
    byPage.set(page, [...(byPage.get(page) ?? []), q]);
  }
  const results = [...byPage].flatMap(([page, asked]) => {
    const index = page ? buildSearchIndex(manual.sections, manual.search.synonyms, examples.filter((e) => e.answer?.file !== page)).index : manual.search;
    return evaluate({ ...manual, search: index }, asked, false).results;
  });
  return summarise(results);
}

const date = new Date().toISOString().slice(0, 10);
const table = [
  `# Evaluation results`,
  '',
  `Written by \`${off ? 'EXAMPLES=off ' : ''}npm run eval\` on ${date}. Answered right: with the expected section (a page answer counts when the intro is expected); on the whole manual, "answered, right page" is the figure the issues name, since a page answer there is on the right page with its sections a click away. Wrong: an answer on another page (another section, on a one-page manual), or an unanswerable question answered. See [measuring.md](../measuring.md) for the sets and how they were written.`,
  '',
  '| set | questions (answerable+not) | right section first | right page first | answered right (section) | answered, right page | right page answered or offered | wrong | unanswerable answered | unanswerable offered something |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ...rows,
  '',
].join('\n');
mkdirSync(path.join(root, 'docs', 'results'), { recursive: true });
writeFileSync(path.join(root, 'docs', 'results', off ? 'eval-without-examples.md' : 'eval.md'), table);
console.log(`\n(written to docs/results/${off ? 'eval-without-examples.md' : 'eval.md'})`);
