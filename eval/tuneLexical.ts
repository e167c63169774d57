/**
 * npm run tune:lexical: chooses the numbers that matter for a manual without example questions (the
 * whole GOV.UK manual served with EXAMPLES_DIR=off stands in for one), on its tuning questions (WHOLE_MANUAL_SETS.tuning), in two steps as
 * tune:examples does:
 *  1. Ranking: the weight of adjacent word pairs (PARAMS.phrase) that puts the right section first
 *     most often (the smaller weight on a tie).
 *  2. Decision (PARAMS.decision): the threshold and margin that do best with that ranking,
 *     counting a wrong answer WRONG_COST (default 3) times as bad as a declined one. Each point of
 *     the grid is scored with its neighbours (one step either way on each number), so the choice is
 *     the middle of a good region, not a point that 174 questions happen to favour.
 * Then it reports once on the held-out questions (WHOLE_MANUAL_SETS.holdout), which choose
 * nothing. Prints the settings; it does not write them.
 */
import { decide, isAnswer } from '../src/answer/decide.js';
import { loadManualIndex } from '../src/load/loadManualIndex.js';
import { DEFAULT_BASE_URL, PROJECT_ROOT } from '../src/config.js';
import { PARAMS } from '../src/search/params.js';
import { search, type SearchResult } from '../src/search/rank.js';
import { type EvalQuestion, govukManualDir, isExpected, readQuestionFiles, WHOLE_MANUAL_SETS } from './evaluate.js';

const root = PROJECT_ROOT;
const cost = Number(process.env.WRONG_COST ?? 3);
if (!(cost >= 0)) throw new Error(`WRONG_COST must be a number >= 0, not ${JSON.stringify(process.env.WRONG_COST)}`);
const manual = await loadManualIndex({ dir: govukManualDir(root), baseUrl: DEFAULT_BASE_URL, examplesDir: false });
const tuning = readQuestionFiles(root, WHOLE_MANUAL_SETS.tuning);
const holdout = readQuestionFiles(root, WHOLE_MANUAL_SETS.holdout);

type DecisionNumbers = Pick<typeof PARAMS.decision, 'sure' | 'min' | 'ratio'>;
const firstIsExpected = (r: SearchResult, q: EvalQuestion) => !!q.expect && !!r.matches[0] && isExpected(r.matches[0].section, q.expect);

/** Right and wrong answers, as shares of the questions, with the decision's numbers set to `numbers`. */
function score(results: SearchResult[], questions: EvalQuestion[], numbers: DecisionNumbers) {
  const saved = { ...PARAMS.decision };
  Object.assign(PARAMS.decision, numbers);
  let right = 0;
  let wrong = 0;
  results.forEach((r, i) => {
    const answered = isAnswer(decide(r, manual.pageCount));
    const q = questions[i]!;
    if (q.expect === null) answered ? wrong++ : right++;
    else if (answered) firstIsExpected(r, q) ? right++ : wrong++;
  });
  Object.assign(PARAMS.decision, saved);
  return { right: right / questions.length, wrong: wrong / questions.length, objective: (right - cost * wrong) / questions.length };
}

const SURE = [0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8];
const MIN = [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6];
const RATIO = [1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.8, 2, 2.5];

/** The decision whose neighbourhood in the grid does best on average (min <= sure throughout). */
function bestDecision(results: SearchResult[], questions: EvalQuestion[]) {
  const objective = new Map<string, number>();
  const at = (s: number, m: number, r: number) => {
    const key = `${s},${m},${r}`;
    let o = objective.get(key);
    if (o === undefined) {
      o = score(results, questions, { sure: SURE[s]!, min: MIN[m]!, ratio: RATIO[r]! }).objective;
      objective.set(key, o);
    }
    return o;
  };
  const valid = (s: number, m: number, r: number) => s >= 0 && m >= 0 && r >= 0 && s < SURE.length && m < MIN.length && r < RATIO.length && MIN[m]! <= SURE[s]!;
  let top: { numbers: DecisionNumbers; smoothed: number } = { numbers: PARAMS.decision, smoothed: -Infinity };
  for (let s = 0; s < SURE.length; s++) {
    for (let m = 0; m < MIN.length; m++) {
      for (let r = 0; r < RATIO.length; r++) {
        if (!valid(s, m, r)) continue;
        let sum = 0;
        let n = 0;
        for (const ds of [-1, 0, 1]) for (const dm of [-1, 0, 1]) for (const dr of [-1, 0, 1]) {
          if (!valid(s + ds, m + dm, r + dr)) continue;
          sum += at(s + ds, m + dm, r + dr);
          n++;
        }
        if (sum / n > top.smoothed) top = { numbers: { sure: SURE[s]!, min: MIN[m]!, ratio: RATIO[r]! }, smoothed: sum / n };
      }
    }
  }
  return { numbers: top.numbers, ...score(results, questions, top.numbers) };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const share = (results: SearchResult[], questions: EvalQuestion[]) => results.filter((r, i) => firstIsExpected(r, questions[i]!)).length / questions.filter((q) => q.expect).length;
const searchAll = (questions: EvalQuestion[]) => questions.map((q) => search(manual.search, q.q, 5));

console.log(`whole manual: ${manual.sections.length} sections; ${tuning.length} tuning questions, ${holdout.length} held out; a wrong answer costs ${cost}`);
let chosen = { phrase: 0, first: -1 };
for (const phrase of [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.7, 1]) {
  PARAMS.phrase = phrase;
  const first = share(searchAll(tuning), tuning);
  console.log(`phrase ${phrase}: right section first ${pct(first)}`);
  if (first > chosen.first) chosen = { phrase, first };
}
PARAMS.phrase = chosen.phrase;
const top = bestDecision(searchAll(tuning), tuning);
const held = searchAll(holdout);
const h = score(held, holdout, top.numbers);
console.log(`\nchosen: phrase ${chosen.phrase}, decision ${JSON.stringify(top.numbers)}`);
console.log(`tuning (${tuning.length}): right section first ${pct(chosen.first)}; right ${pct(top.right)}, wrong ${pct(top.wrong)}`);
console.log(`held out (${holdout.length}): right section first ${pct(share(held, holdout))}; right ${pct(h.right)}, wrong ${pct(h.wrong)}`);
