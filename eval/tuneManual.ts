/**
 * npm run tune:manual: chooses how the whole GOV.UK manual is answered with its example questions
 * (PARAMS.pages), without touching the evaluation questions' held-out sets. Each file of
 * examples/govuk-manual is one writer's; each writer's questions (their "not answered" ones
 * included) are ranked with the other writers' examples only: how a real question looks to the
 * bot, phrased by someone whose examples it does not have. (Pages have two writers each, so such a
 * question's page still has the other writer's examples; a page with none is measured by
 * npm run eval's leave-one-page-out figures.)
 *  1. Ranking: how often the right page comes first; with RANKING=1, the blend weights that do best
 *     across writers, chosen over a grid.
 *  2. The decision's model (confidence.ts): logistic regression of "the best match's page is the
 *     right one" on the features, fitted on those questions.
 *  3. Its thresholds: `answer` is the lowest that keeps wrong answers (an unanswerable question
 *     answered is wrong) at or under MAX_WRONG (default 0.05) of the questions; `offer` offers the
 *     most right pages while at most OFFER_NA_MAX (default 0.25) of the unanswerable questions are
 *     offered anything; `pageRatio` trades section answers for page answers.
 * It prints the numbers to put in src/search/params.ts, and for information how they do on the
 * tuning evaluation questions; it writes nothing.
 */
import { existsSync } from 'node:fs';
import { decide, isAnswer } from '../src/answer/decide.js';
import { FEATURES, features } from '../src/answer/confidence.js';
import { DEFAULT_BASE_URL, PROJECT_ROOT, SHIPPED_GOVUK_EXAMPLES_DIR } from '../src/config.js';
import { loadManualIndex } from '../src/load/loadManualIndex.js';
import { buildSearchIndex } from '../src/search/indexExamples.js';
import { PARAMS } from '../src/search/params.js';
import { search, type SearchResult } from '../src/search/rank.js';
import { govukManualDir, readQuestionFiles, WHOLE_MANUAL_SETS } from './evaluate.js';
import { fitLogistic } from './logistic.js';
import { readWriters } from './writers.js';

const maxWrong = Number(process.env.MAX_WRONG ?? 0.05);
const offerNaMax = Number(process.env.OFFER_NA_MAX ?? 0.25);
const dir = govukManualDir(PROJECT_ROOT);
if (!existsSync(dir)) throw new Error(`tune:manual needs the whole GOV.UK manual at ${dir} (GOVUK_MANUAL_DIR)`);
const manual = await loadManualIndex({ dir, baseUrl: DEFAULT_BASE_URL, examplesDir: false });
const writers = readWriters(SHIPPED_GOVUK_EXAMPLES_DIR);
const pageCount = manual.pageCount;

/** A question with the page that answers it (null: none does), and what the search found. */
interface Asked {
  page: string | null;
  heading: string | null;
  result: SearchResult;
}

const started = performance.now();
// The indexes are built once: the ranking's weights below are read when a question is asked.
const foldIndexes = writers.map((w) => ({
  index: buildSearchIndex(manual.sections, manual.search.synonyms, writers.filter((o) => o !== w).flatMap((o) => o.examples)).index,
  questions: w.examples,
}));
const full = buildSearchIndex(manual.sections, manual.search.synonyms, writers.flatMap((o) => o.examples)).index;
const tuningQuestions = readQuestionFiles(PROJECT_ROOT, WHOLE_MANUAL_SETS.tuning);
const searchFolds = (): Asked[] =>
  foldIndexes.flatMap(({ index, questions }) => questions.map((e) => ({ page: e.answer?.file ?? null, heading: e.answer?.heading ?? null, result: search(index, e.question, 10) })));
const searchTuning = (): Asked[] =>
  tuningQuestions.map((q) => ({
    page: q.expect && typeof q.expect !== 'string' ? q.expect.file : null,
    heading: q.expect && typeof q.expect !== 'string' ? q.expect.heading : null,
    result: search(full, q.q, 10),
  }));

const pageOf = (a: Asked) => a.result.matches[0]?.section.page.file;
const rightFirst = (a: Asked) => a.page !== null && pageOf(a) === a.page;
const pct = (x: number, n: number) => `${((100 * x) / Math.max(1, n)).toFixed(1)}%`;
const answerable = (set: Asked[]) => set.filter((a) => a.page !== null);
const firstShare = (set: Asked[]) => set.filter(rightFirst).length / answerable(set).length;

// 1. Ranking: with RANKING=1, the blend (PARAMS.pages: weight, pageExamples, pageWords) that puts
// the right page first most often across writers, over a grid (about ten minutes).
if (process.env.RANKING) {
  let best = { weight: 0, pageExamples: 0, pageWords: 0, share: -1 };
  for (const weight of [2, 3, 4, 6]) {
    for (const pageExamples of [0, 1, 2, 3]) {
      for (const pageWords of [0, 1, 2]) {
        Object.assign(PARAMS.pages, { weight, pageExamples, pageWords });
        const share = firstShare(searchFolds());
        console.log(`   weight ${weight}, pageExamples ${pageExamples}, pageWords ${pageWords}: right page first across writers ${pct(share, 1)}, tuning questions ${pct(firstShare(searchTuning()), 1)}`);
        if (share > best.share) best = { weight, pageExamples, pageWords, share };
      }
    }
  }
  Object.assign(PARAMS.pages, { weight: best.weight, pageExamples: best.pageExamples, pageWords: best.pageWords });
  console.log(`1. chosen: weight ${best.weight}, pageExamples ${best.pageExamples}, pageWords ${best.pageWords}`);
}
const folds = searchFolds();
const tuning = searchTuning();
console.log(`${writers.length} writers, ${folds.length} questions ranked without their writer's examples, ${tuning.length} tuning questions (${Math.round((performance.now() - started) / 1000)} s)`);
console.log(`1. right page first: across writers ${pct(firstShare(folds), 1)}, tuning questions ${pct(firstShare(tuning), 1)}`);

// 2. The model.
const model = fitLogistic(
  folds.map((a) => FEATURES.map((f) => features(a.result)[f])),
  folds.map((a) => (rightFirst(a) ? 1 : 0)),
);
PARAMS.pages.confidence = { ...PARAMS.pages.confidence, bias: model.bias, weights: Object.fromEntries(FEATURES.map((f, i) => [f, model.weights[i]!])) as typeof PARAMS.pages.confidence.weights };

/** How the decision does on a set with the current PARAMS.pages.confidence. */
function score(set: Asked[]) {
  let right = 0, section = 0, pages = 0, otherSection = 0, wrong = 0, naAnswered = 0, naOffered = 0, offeredRight = 0;
  for (const a of set) {
    const d = decide(a.result, pageCount);
    if (a.page === null) {
      if (isAnswer(d)) naAnswered++;
      else if (d.kind === 'offer') naOffered++;
      continue;
    }
    if (isAnswer(d)) {
      const page = d.kind === 'page' ? d.page : d.section?.page.file;
      if (page !== a.page) wrong++;
      else {
        right++;
        if (d.kind === 'page') pages++;
        else if (d.section?.heading === a.heading) section++;
        else otherSection++;
      }
    } else if (d.kind === 'offer' && d.offered.some((s) => s.page.file === a.page)) offeredRight++;
  }
  const n = answerable(set).length;
  const na = set.length - n;
  return { right, section, pages, otherSection, wrong, naAnswered, naOffered, offeredRight, n, na };
}
const describe = (s: ReturnType<typeof score>) =>
  `answered right page ${pct(s.right, s.n)} (exact section ${s.section}, page answers ${s.pages}, other section ${s.otherSection}), right page answered or offered ${pct(s.right + s.offeredRight, s.n)}, wrong ${pct(s.wrong + s.naAnswered, s.n + s.na)}, unanswerable answered ${s.naAnswered}/${s.na}, offered something ${s.naOffered}/${s.na}`;

// 3. Thresholds: answer first (offer below it does not change what is answered), then offer, then pageRatio.
const conf = PARAMS.pages.confidence;
// The lowest threshold that keeps wrong answers (unanswerable questions answered included) at or
// under MAX_WRONG of all questions: what is not answered is offered, with a button to ask the
// page's owners, so a decline costs less than it did, and the bound is what the issues allow.
let chosen = 0.95;
for (let answer = 0.95; answer >= 0.3; answer -= 0.025) {
  conf.answer = answer;
  conf.offer = answer;
  const s = score(folds);
  if ((s.wrong + s.naAnswered) / (s.n + s.na) > maxWrong) break;
  chosen = answer;
}
conf.answer = chosen;
let bestOffer = conf.answer;
for (let offer = conf.answer; offer >= 0.02; offer -= 0.02) {
  conf.offer = offer;
  const s = score(folds);
  if (s.naOffered / s.na <= offerNaMax) bestOffer = offer;
}
conf.offer = bestOffer;
let bestRatio = { pageRatio: conf.pageRatio, value: -Infinity };
for (const pageRatio of [1, 1.05, 1.1, 1.15, 1.2, 1.3, 1.5]) {
  conf.pageRatio = pageRatio;
  const s = score(folds);
  // A section answer is worth most; a page answer on the right page nearly as much (its sections
  // are a click away); another section of the right page misleads as often as it helps.
  const value = s.section + 0.75 * s.pages - s.otherSection;
  if (value > bestRatio.value) bestRatio = { pageRatio, value };
}
conf.pageRatio = bestRatio.pageRatio;

const round = (x: number) => Number(x.toPrecision(4));
console.log(`2. PARAMS.pages.confidence (MAX_WRONG=${maxWrong}, OFFER_NA_MAX=${offerNaMax}):`);
console.log(
  JSON.stringify({ bias: round(conf.bias), weights: Object.fromEntries(Object.entries(conf.weights).map(([k, v]) => [k, round(v)])), answer: round(conf.answer), offer: round(conf.offer), pageRatio: conf.pageRatio }),
);
console.log(`3. across writers: ${describe(score(folds))}`);
console.log(`   tuning questions: ${describe(score(tuning))}`);
if (process.env.CURVE) {
  // For information: the tuning questions at other answer thresholds, the offer threshold as chosen.
  for (let answer = 0.5; answer <= 0.901; answer += 0.05) {
    conf.answer = Math.max(answer, conf.offer);
    console.log(`   answer at ${answer.toFixed(2)}: across writers ${describe(score(folds))}\n      tuning ${describe(score(tuning))}`);
  }
}
