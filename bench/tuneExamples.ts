/**
 * npm run tune:examples: chooses how example questions count (PARAMS.examples) without touching
 * the evaluation questions. The shipped examples come from two writers who worked apart; the
 * index gets one writer's examples and is scored on the other writer's questions (their "not
 * answered" ones included), both ways round, over a grid of settings. A setting that does well
 * there does well on questions phrased by someone whose examples the bot does not have, which is
 * what every real question is. Objective, as in npm run tune: right answers minus twice the
 * wrong ones. Prints the best settings, and for information how they do on the evaluation sets;
 * it does not write them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_BASE_URL, loadManualIndex, type ManualIndex, SHIPPED_MANUAL_DIR } from '../src/answer/manualIndex.js';
import { buildIndex } from '../src/search/buildIndex.js';
import { indexExamples } from '../src/search/exampleIndex.js';
import { EXAMPLES_FOLDER, type ExampleQuestion, parseExampleQuestions } from '../src/search/exampleQuestions.js';
import { PARAMS } from '../src/search/params.js';
import { evaluate, type EvalQuestion, readQuestions } from '../test/eval/evaluate.js';
import { projectRoot } from './projectRoot.js';

const manual = await loadManualIndex({ dir: SHIPPED_MANUAL_DIR, baseUrl: DEFAULT_BASE_URL });
const folder = path.join(SHIPPED_MANUAL_DIR, EXAMPLES_FOLDER);
const writers = readdirSync(folder).filter((f) => f.endsWith('.yml')).sort().map((f) => ({ name: f, examples: parseExampleQuestions(readFileSync(path.join(folder, f), 'utf8'), f) }));
if (writers.length < 2) throw new Error(`tune:examples needs at least two files in ${folder}`);

const withExamples = (examples: ExampleQuestion[]): ManualIndex => ({
  ...manual,
  search: indexExamples(buildIndex(manual.sections, manual.search.synonyms, examples.map((e) => e.question)), examples).index,
});
const asQuestions = (examples: ExampleQuestion[]): EvalQuestion[] => examples.map((e) => ({ q: e.question, expect: e.answer, kind: e.answer ? 'example' : 'unanswerable' }));
// Each writer's questions, against an index with every other writer's examples.
const folds = writers.map((w) => ({ index: withExamples(writers.filter((o) => o !== w).flatMap((o) => o.examples)), questions: asQuestions(w.examples) }));

function measure(index: ManualIndex, questions: EvalQuestion[]) {
  const r = evaluate(index, questions, false);
  const right = r.results.filter((x) => x.correct).length;
  return { right: right / r.total, wrong: r.wrong / r.total, objective: (right - 2 * r.wrong) / r.total, declined: `${r.declined}/${r.unanswerable}` };
}
function crossScore() {
  let right = 0, wrong = 0, n = 0;
  for (const f of folds) {
    const r = evaluate(f.index, f.questions, false);
    right += r.results.filter((x) => x.correct).length;
    wrong += r.wrong;
    n += r.total;
  }
  return { right: right / n, wrong: wrong / n, objective: (right - 2 * wrong) / n };
}

const tried: { params: typeof PARAMS.examples; score: ReturnType<typeof crossScore> }[] = [];
for (const weight of [1, 1.5, 2, 3]) {
  for (const sure of [0.5, 0.6, 0.7, 2]) {
    for (const min of [0.3, 0.35, 0.4]) {
      for (const ratio of [1.1, 1.2, 1.35]) {
        for (const notAnswered of [1, 1.2, 1.4]) {
          PARAMS.examples = { weight, decision: { sure, min, ratio, notAnswered } };
          tried.push({ params: structuredClone(PARAMS.examples), score: crossScore() });
        }
      }
    }
  }
}
tried.sort((a, b) => b.score.objective - a.score.objective);

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const root = projectRoot();
const sets = ['tech-lead-questions.json', 'tech-lead-test-questions.json', 'tech-lead-fresh-questions.json'].map((f) => ({ name: f, questions: readQuestions(path.join(root, 'test/eval', f)) }));
console.log(`${tried.length} settings, scored across ${writers.map((w) => w.name).join(' / ')}; best first:`);
for (const { params, score } of tried.slice(0, 5)) {
  PARAMS.examples = params;
  console.log(`${JSON.stringify(params)}\n  across writers: right ${pct(score.right)}, wrong ${pct(score.wrong)}`);
  for (const s of sets) {
    const m = measure(manual, s.questions);
    console.log(`  ${s.name}: right ${pct(m.right)}, wrong ${pct(m.wrong)}, unanswerable declined ${m.declined}`);
  }
}
