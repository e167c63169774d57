/**
 * npm run tune: chooses the lexical ranker's numbers (src/search/params.ts) by random search on one half
 * of the shipped page's evaluation questions and reports them on the other half, both ways round
 * (two-fold), so the figures printed for the held-out half are on questions the search never saw.
 * Objective: correct answers minus twice the wrong ones (a wrong answer misleads; a declined one
 * sends the person to ask someone). Prints the best settings; it does not write them.
 * The index is built without example questions: these are the numbers for a manual that has
 * none, and for the lexical half of the blend (eval/tuneExamples.ts chooses the rest).
 */
import path from 'node:path';
import { loadManualIndex } from '../src/load/loadManualIndex.js';
import { DEFAULT_BASE_URL, SHIPPED_MANUAL_DIR, PROJECT_ROOT } from '../src/config.js';
import { buildIndex } from '../src/search/buildIndex.js';
import { PARAMS, type Params } from '../src/search/params.js';
import { evaluate, type EvalQuestion, readQuestions, summarise } from './evaluate.js';
import { seededRandom } from './random.js';

const trials = Number(process.env.TRIALS ?? 1500);
const manual = await loadManualIndex({ dir: SHIPPED_MANUAL_DIR, baseUrl: DEFAULT_BASE_URL });
const questions = readQuestions(path.join(PROJECT_ROOT, 'eval/questions/tech-lead-questions.json'));
const halves: [EvalQuestion[], EvalQuestion[]] = [questions.filter((_, i) => i % 2 === 0), questions.filter((_, i) => i % 2 === 1)];
const defaults: Params = structuredClone(PARAMS);

const random = seededRandom(Number(process.env.SEED ?? 1));
const pick = (lo: number, hi: number, step = 0.05) => Math.round((lo + random() * (hi - lo)) / step) * step;

function apply(p: Params): void {
  Object.assign(PARAMS, structuredClone(p));
  manual.search = buildIndex(manual.sections, manual.search.synonyms);
}

function measure(set: EvalQuestion[]) {
  const r = summarise(evaluate(manual, set).results);
  return { top1: r.top1, wrong: r.wrong / r.total, objective: r.top1 - 2 * (r.wrong / r.total) };
}

function candidate(): Params {
  return {
    field: { heading: 1, subheading: pick(0.5, 1), pageTitle: pick(0.3, 1), link: pick(0.4, 0.9), pageSection: pick(0.1, 0.6) },
    bodyMin: pick(0.3, 0.7),
    bodyMax: pick(0.6, 0.95),
    synonym: pick(0.7, 1),
    typo: pick(0.6, 0.95),
    typoUses: defaults.typoUses,
    unknown: pick(0.2, 1),
    headingFit: pick(0, 0.3),
    phrase: defaults.phrase,
    decision: defaults.decision,
    examples: defaults.examples,
    pages: defaults.pages,
    keywords: defaults.keywords,
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
for (const [name, train, test] of [['A', halves[0], halves[1]], ['B', halves[1], halves[0]]] as const) {
  apply(defaults);
  const base = measure(test);
  let best = { params: defaults, score: measure(train).objective };
  for (let t = 0; t < trials; t++) {
    const params = candidate();
    if (params.bodyMax < params.bodyMin) continue;
    apply(params);
    const score = measure(train).objective;
    if (score > best.score) best = { params, score };
  }
  apply(best.params);
  const trained = measure(train);
  const held = measure(test);
  console.log(`fold ${name}: tuned on ${train.length}, held out ${test.length}`);
  console.log(`  current params  held-out top-1 ${pct(base.top1)} wrong ${pct(base.wrong)}`);
  console.log(`  tuned params    train top-1 ${pct(trained.top1)} wrong ${pct(trained.wrong)} | held-out top-1 ${pct(held.top1)} wrong ${pct(held.wrong)}`);
  console.log(`  ${JSON.stringify(best.params)}`);
}
