/**
 * npm run eval:writers: do more writers' example questions help with questions from a writer the
 * bot has no examples from? Each writer is held out in turn; the examples of none of the others,
 * of SAMPLES random sets of 1, 2, 4, 8 and 16 of them (the same sets on every run), and of all
 * of them are indexed, and the held-out writer's answerable questions are ranked. Prints, per
 * held-out writer, how often the right section comes first, averaged by number of writers
 * indexed, then the average over writers. Ranking only: the answer decision is left out.
 */
import { DEFAULT_BASE_URL, loadManualIndex, SHIPPED_MANUAL_DIR } from '../src/answer/manualIndex.js';
import { buildIndex } from '../src/search/buildIndex.js';
import { buildSearchIndex } from '../src/search/indexExamples.js';
import type { ExampleQuestion } from '../src/search/exampleQuestions.js';
import { search } from '../src/search/search.js';
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
const idx = (ex: ExampleQuestion[]) => buildSearchIndex(manual.sections, manual.search.synonyms, ex).index;
// A writer of only "not answered" questions has nothing to rank, but their examples count for the others.
for (const held of writers.filter((w) => w.examples.some((e) => e.answer))) {
  const others = writers.filter((w) => w !== held);
  const subsets: (typeof writers)[] = [[]];
  for (const size of [1, 2, 4, 8, 16].filter((n) => n < others.length)) {
    for (let i = 0; i < SAMPLES; i++) subsets.push(shuffled(others).slice(0, size));
  }
  subsets.push(others);
  const bySize = new Map<number, number[]>();
  for (const sub of subsets) {
    const index = sub.length ? idx(sub.flatMap((w) => w.examples)) : buildIndex(manual.sections, manual.search.synonyms);
    let right = 0, n = 0;
    for (const e of held.examples) {
      if (!e.answer) continue;
      n++;
      const best = search(index, e.question, 1).matches[0]?.section;
      if (answers(e, best)) right++;
    }
    const l = bySize.get(sub.length) ?? [];
    l.push(n ? right / n : 0);
    bySize.set(sub.length, l);
  }
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  for (const [k, v] of bySize) overall.set(k, [...(overall.get(k) ?? []), mean(v)]);
  console.log(`${held.name.padEnd(28)} ${[...bySize].map(([k, v]) => `${k}: ${(100 * mean(v)).toFixed(1)}%`).join('  ')}`);
}
console.log(`\nRight section first, averaged over held-out writers, by number of other writers indexed:`);
console.log([...overall].map(([k, v]) => `${k}: ${((100 * v.reduce((a, b) => a + b, 0)) / v.length).toFixed(1)}%`).join('  '));
