/**
 * npm run eval:writers: do more writers' example questions help with questions from a writer the
 * bot has no examples from? Each writer is held out in turn; the others' examples are indexed
 * in every combination of 0, 1, 2 and all of them, and the held-out writer's answerable questions
 * are ranked. Prints, per held-out writer, how often the right section comes first, averaged by
 * number of writers indexed. Ranking only: the answer decision is left out.
 */
import { DEFAULT_BASE_URL, loadManualIndex, SHIPPED_MANUAL_DIR } from '../src/answer/manualIndex.js';
import { buildIndex } from '../src/search/buildIndex.js';
import { buildSearchIndex } from '../src/search/indexExamples.js';
import type { ExampleQuestion } from '../src/search/exampleQuestions.js';
import { search } from '../src/search/search.js';
import { answers, readWriters } from './writers.js';

const manual = await loadManualIndex({ dir: SHIPPED_MANUAL_DIR, baseUrl: DEFAULT_BASE_URL });
const writers = readWriters();
const idx = (ex: ExampleQuestion[]) => buildSearchIndex(manual.sections, manual.search.synonyms, ex).index;
for (const held of writers) {
  const others = writers.filter((w) => w !== held);
  const subsets: (typeof writers)[] = [[]];
  for (const o of others) subsets.push([o]);
  for (let i = 0; i < others.length; i++) for (let j = i + 1; j < others.length; j++) subsets.push([others[i]!, others[j]!]);
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
  console.log(`${held.name.padEnd(28)} ${[...bySize].map(([k, v]) => `${k} writers: ${(100 * v.reduce((a, b) => a + b, 0) / v.length).toFixed(1)}%`).join('  ')}`);
}
