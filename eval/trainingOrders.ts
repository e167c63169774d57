/**
 * npm run eval:orders: how much the classifier's training order matters, and what averaging
 * orders does. Each writer is held out in turn and their questions are asked of an index with the
 * other writers' examples, as in npm run tune:examples, with the shipped decision; prints counts
 * (right answers, wrong answers, unanswerable questions answered) for each training setting:
 * one order at each of the seeds in SEEDS, then the average of each number of orders in ORDERS.
 * EPOCHS=16 trains each run longer; an empty SEEDS or ORDERS skips those. About 30 s for one order, 50 s for 4, on 2 cores.
 */
import { decide, isAnswer } from '../src/answer/decide.js';
import { loadManualIndex } from '../src/load/loadManualIndex.js';
import { DEFAULT_BASE_URL, SHIPPED_MANUAL_DIR } from '../src/config.js';
import { buildSearchIndex } from '../src/search/indexExamples.js';
import { PARAMS } from '../src/search/params.js';
import { search } from '../src/search/rank.js';
import { answers, readWriters } from './writers.js';

const list = (name: string, fallback: string) => (process.env[name] ?? fallback).split(',').filter((x) => x.trim() !== '').map(Number);
if (process.env.EPOCHS) PARAMS.examples.classifier.epochs = Number(process.env.EPOCHS);
const manual = await loadManualIndex({ dir: SHIPPED_MANUAL_DIR, baseUrl: DEFAULT_BASE_URL });
const writers = readWriters();

function heldOut(): { right: number; wrong: number; answeredUnanswerable: number; answerable: number; unanswerable: number } {
  const count = { right: 0, wrong: 0, answeredUnanswerable: 0, answerable: 0, unanswerable: 0 };
  for (const held of writers) {
    const others = writers.filter((w) => w !== held).flatMap((w) => w.examples);
    const { index } = buildSearchIndex(manual.sections, manual.search.synonyms, others);
    for (const e of held.examples) {
      const result = search(index, e.question, 3);
      const answered = isAnswer(decide(result, 1));
      if (!e.answer) {
        count.unanswerable++;
        if (answered) count.answeredUnanswerable++;
        continue;
      }
      count.answerable++;
      if (answered && answers(e, result.matches[0]?.section)) count.right++;
      else if (answered) count.wrong++;
    }
  }
  return count;
}

const settings = [
  ...list('SEEDS', '1,2,3,4').map((seed) => ({ orders: 1, seed, name: `1 order, seed ${seed}` })),
  ...list('ORDERS', '4,8').map((orders) => ({ orders, seed: 1, name: `${orders} orders averaged` })),
];
for (const { orders, seed, name } of settings) {
  Object.assign(PARAMS.examples.classifier, { orders, seed });
  const c = heldOut();
  console.log(`${name.padEnd(20)} right ${c.right} of ${c.answerable}, wrong ${c.wrong}, unanswerable answered ${c.answeredUnanswerable} of ${c.unanswerable}`);
}
