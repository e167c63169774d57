/**
 * npm run tune:manual: chooses the numbers that matter for a manual without example questions, as
 * the whole GOV.UK manual is, on its tuning questions (test/eval/govuk-manual-questions.json and
 * govuk-manual-tuning-questions.json), in two steps as tune:examples does:
 *  1. Ranking: the weight of adjacent word pairs (PARAMS.phrase) that puts the right section first
 *     most often (the smaller weight on a tie).
 *  2. Decision (PARAMS.decision): the threshold and margin that do best with that ranking,
 *     counting a wrong answer WRONG_COST (default 3) times as bad as a declined one.
 * Then it reports once on the held-out questions (govuk-manual-holdout-questions.json), which
 * choose nothing. Prints the settings; it does not write them.
 */
import path from 'node:path';
import { decide } from '../src/answer/decide.js';
import { DEFAULT_BASE_URL, loadManualIndex } from '../src/answer/manualIndex.js';
import { PARAMS } from '../src/search/params.js';
import { search, type SearchResult } from '../src/search/search.js';
import { type EvalQuestion, readQuestions } from '../test/eval/evaluate.js';
import { projectRoot } from './projectRoot.js';

const root = projectRoot();
const cost = Number(process.env.WRONG_COST ?? 3);
const manual = await loadManualIndex({ dir: path.resolve(root, process.env.GOVUK_MANUAL_DIR ?? '../shared/govuk-manual'), baseUrl: DEFAULT_BASE_URL });
const read = (file: string) => readQuestions(path.join(root, 'test/eval', file));
const tuning = [...read('govuk-manual-questions.json'), ...read('govuk-manual-tuning-questions.json')];
const holdout = read('govuk-manual-holdout-questions.json');

type Decision = typeof PARAMS.decision;
const isExpected = (r: SearchResult, q: EvalQuestion) => {
  const s = r.matches[0]?.section;
  if (!s || !q.expect) return false;
  return typeof q.expect === 'string' ? s.heading === q.expect : s.page.file === q.expect.file && s.heading === q.expect.heading;
};

function score(results: SearchResult[], questions: EvalQuestion[], decision: Decision) {
  Object.assign(PARAMS.decision, decision);
  let right = 0;
  let wrong = 0;
  results.forEach((r, i) => {
    const answered = decide(r).verdict === 'answer';
    const q = questions[i]!;
    if (q.expect === null) answered ? wrong++ : right++;
    else if (answered) isExpected(r, q) ? right++ : wrong++;
  });
  return { right: right / questions.length, wrong: wrong / questions.length, objective: (right - cost * wrong) / questions.length };
}

const grid: Decision[] = [];
for (let sure = 0.4; sure <= 0.801; sure += 0.05)
  for (let min = 0.2; min <= sure + 1e-9; min += 0.05)
    for (const ratio of [1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.8, 2, 2.5]) grid.push({ sure: +sure.toFixed(2), min: +min.toFixed(2), ratio });

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const first = (results: SearchResult[], questions: EvalQuestion[]) => results.filter((r, i) => isExpected(r, questions[i]!)).length / questions.filter((q) => q.expect).length;
function bestDecision(results: SearchResult[], questions: EvalQuestion[]) {
  let top = { decision: grid[0]!, objective: -Infinity, right: 0, wrong: 0 };
  for (const decision of grid) {
    const s = score(results, questions, decision);
    if (s.objective > top.objective) top = { decision, ...s };
  }
  return top;
}

console.log(`whole manual: ${manual.sections.length} sections; ${tuning.length} tuning questions, ${holdout.length} held out; a wrong answer costs ${cost}`);
let chosen = { phrase: 0, first: -1 };
for (const phrase of [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.7, 1]) {
  PARAMS.phrase = phrase;
  const results = tuning.map((q) => search(manual.search, q.q, 5));
  const f = first(results, tuning);
  const top = bestDecision(results, tuning);
  console.log(`phrase ${phrase}: right section first ${pct(f)}; (its best decision ${JSON.stringify(top.decision)}: right ${pct(top.right)}, wrong ${pct(top.wrong)})`);
  if (f > chosen.first) chosen = { phrase, first: f };
}
PARAMS.phrase = chosen.phrase;
const top = bestDecision(tuning.map((q) => search(manual.search, q.q, 5)), tuning);
const held = holdout.map((q) => search(manual.search, q.q, 5));
const h = score(held, holdout, top.decision);
console.log(`\nchosen: phrase ${chosen.phrase}, decision ${JSON.stringify(top.decision)}`);
console.log(`tuning (${tuning.length}): right section first ${pct(chosen.first)}; right ${pct(top.right)}, wrong ${pct(top.wrong)}`);
console.log(`held out (${holdout.length}): right section first ${pct(first(held, holdout))}; right ${pct(h.right)}, wrong ${pct(h.wrong)}`);
