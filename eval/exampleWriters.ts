/**
 * npm run eval:writers: do more writers' example questions help with questions from a writer the
 * bot has no examples from? Each writer is held out in turn; the examples of none of the others,
 * of SAMPLES random sets of 1, 2, 4, 8, 16 and 32 of them (the same sets on every run), and of
 * all of them are indexed, and the held-out writer's questions are asked. Prints, per held-out
 * writer, how often the right section comes first for their answerable questions, averaged by
 * number of writers indexed, then the average over writers; and, averaged the same way, the share
 * of their answerable questions it answers with the right section, and of their unanswerable
 * questions it declines (a setting that declined everything would score 100% on the last alone).
 * The decision uses the shipped settings, chosen with all the writers: with fewer writers, other
 * settings might do better.
 */
import { decide, isAnswer } from '../src/answer/decide.js';
import { loadManualIndex } from '../src/load/loadManualIndex.js';
import { DEFAULT_BASE_URL, SHIPPED_MANUAL_DIR } from '../src/config.js';
import { buildIndex } from '../src/search/buildIndex.js';
import { buildSearchIndex } from '../src/search/indexExamples.js';
import type { ExampleQuestion } from '../src/search/exampleQuestions.js';
import { search } from '../src/search/rank.js';
import { seededRandom } from './random.js';
import { answers, readWriters } from './writers.js';

const manual = await loadManualIndex({ dir: SHIPPED_MANUAL_DIR, baseUrl: DEFAULT_BASE_URL });
const writers = readWriters();
const SAMPLES = Number(process.env.SAMPLES ?? 6);
// The same sets of writers on every run.
const random = seededRandom(20261125);
function shuffled<T>(list: T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
const overall = new Map<number, number[]>();
const overallDeclined = new Map<number, number[]>();
const overallAnswered = new Map<number, number[]>();
const idx = (ex: ExampleQuestion[]) => buildSearchIndex(manual.sections, manual.search.synonyms, ex).index;
const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
const add = (m: Map<number, number[]>, k: number, x: number) => m.set(k, [...(m.get(k) ?? []), x]);
const row = (m: Map<number, number[]>) => [...m].map(([k, v]) => `${k}: ${(100 * mean(v)).toFixed(1)}%`).join('  ');
for (const held of writers) {
  const others = writers.filter((w) => w !== held);
  const subsets: (typeof writers)[] = [[]];
  for (const size of [1, 2, 4, 8, 16, 32].filter((n) => n < others.length)) {
    for (let i = 0; i < SAMPLES; i++) subsets.push(shuffled(others).slice(0, size));
  }
  subsets.push(others);
  const bySize = new Map<number, number[]>();
  const declinedBySize = new Map<number, number[]>();
  const answeredBySize = new Map<number, number[]>();
  for (const sub of subsets) {
    const index = sub.length ? idx(sub.flatMap((w) => w.examples)) : buildIndex(manual.sections, manual.search.synonyms);
    let right = 0, answeredRight = 0, n = 0, declined = 0, unanswerable = 0;
    for (const e of held.examples) {
      if (e.answer) {
        n++;
        const result = search(index, e.question, 3);
        if (answers(e, result.matches[0]?.section)) {
          right++;
          if (isAnswer(decide(result, 1))) answeredRight++;
        }
      } else {
        unanswerable++;
        if (!isAnswer(decide(search(index, e.question, 3), 1))) declined++;
      }
    }
    if (n) add(bySize, sub.length, right / n);
    if (n) add(answeredBySize, sub.length, answeredRight / n);
    if (unanswerable) add(declinedBySize, sub.length, declined / unanswerable);
  }
  for (const [k, v] of bySize) add(overall, k, mean(v));
  for (const [k, v] of declinedBySize) add(overallDeclined, k, mean(v));
  for (const [k, v] of answeredBySize) add(overallAnswered, k, mean(v));
  if (bySize.size) console.log(`${held.name.padEnd(28)} right first  ${row(bySize)}`);
  if (answeredBySize.size) console.log(`${''.padEnd(28)} answered     ${row(answeredBySize)}`);
  if (declinedBySize.size) console.log(`${''.padEnd(28)} declined     ${row(declinedBySize)}`);
}
console.log(`\nAveraged over held-out writers, by number of other writers indexed:`);
console.log(`right section first (answerable questions): ${row(overall)}`);
console.log(`answered, with the right section:           ${row(overallAnswered)}`);
console.log(`unanswerable questions declined:            ${row(overallDeclined)}`);
