import { idfOf } from './idf.js';

/** Who an example question belongs to: a section's index, or NOT_ANSWERED. */
export const NOT_ANSWERED = -1;

/**
 * Example questions as weighted bags of stems, in an inverted index, so that finding the ones
 * nearest a question costs a few look-ups, not a scan of every example.
 */
export interface ExampleIndex {
  count: number;
  owners: number[];
  norms: number[];
  /** stem -> the examples that use it, with the stem's weight (its idf over the examples). */
  postings: Map<string, number[]>;
  idf: Map<string, number>;
}

export function buildExampleIndex(examples: { owner: number; stems: Set<string> }[]): ExampleIndex {
  const postings = new Map<string, number[]>();
  examples.forEach(({ stems }, i) => {
    for (const s of stems) {
      const list = postings.get(s);
      if (list) list.push(i);
      else postings.set(s, [i]);
    }
  });
  const idf = new Map<string, number>();
  for (const [s, list] of postings) idf.set(s, idfOf(examples.length, list.length));
  const norms = examples.map(({ stems }) => Math.sqrt([...stems].reduce((sum, s) => sum + idf.get(s)! ** 2, 0)));
  return { count: examples.length, owners: examples.map((e) => e.owner), norms, postings, idf };
}

export interface Nearest {
  /** Section index -> cosine similarity (0..1) of the question to that section's nearest example. */
  bySection: Map<number, number>;
  /** Similarity of the question to the nearest example the manual does not answer. */
  notAnswered: number;
}

/**
 * Cosine similarity of idf-weighted bags of stems, between the question and each example; each
 * section keeps its nearest example's. Stems no example uses count in the question's norm, weighted as
 * rare as can be: a question that is mostly about something else is not near any example.
 */
export function nearestExamples(index: ExampleIndex, stems: Set<string>): Nearest {
  const bySection = new Map<number, number>();
  let notAnswered = 0;
  if (index.count === 0 || stems.size === 0) return { bySection, notAnswered };
  const unused = idfOf(index.count, 0);
  let norm = 0;
  const dots = new Map<number, number>();
  for (const s of stems) {
    const w = index.idf.get(s);
    norm += (w ?? unused) ** 2;
    if (w === undefined) continue;
    for (const e of index.postings.get(s)!) dots.set(e, (dots.get(e) ?? 0) + w * w);
  }
  norm = Math.sqrt(norm);
  for (const [e, dot] of dots) {
    const sim = dot / (norm * index.norms[e]!);
    const owner = index.owners[e]!;
    if (owner === NOT_ANSWERED) notAnswered = Math.max(notAnswered, sim);
    else if (sim > (bySection.get(owner) ?? 0)) bySection.set(owner, sim);
  }
  return { bySection, notAnswered };
}
