import { idfOf } from './idf.js';
import { PARAMS } from './params.js';

/** Mark a function word and a pair of adjacent words among a question's features, apart from stems. */
export const FUNCTION_WORD = '~';
export const WORD_PAIR = '+';

/** Who an example question belongs to: a section's index, or NOT_ANSWERED. */
export const NOT_ANSWERED = -1;

/**
 * Example questions as weighted bags of stems, in an inverted index, so that finding the ones
 * nearest a question costs a few look-ups, not a scan of every example.
 */
export interface ExampleIndex {
  count: number;
  owners: number[];
  /** How many examples each owner has, headings included. */
  perOwner: Map<number, number>;
  /** The sections that have examples people wrote, not just their heading. */
  written: Set<number>;
  norms: number[];
  /** stem -> the examples that use it, with the stem's weight (its idf over the examples). */
  postings: Map<string, number[]>;
  idf: Map<string, number>;
  /** A sum per example, zero between questions: reused, since function words reach most examples. */
  dots: Float64Array;
}

export function buildExampleIndex(examples: { owner: number; stems: Set<string>; heading?: boolean }[]): ExampleIndex {
  const postings = new Map<string, number[]>();
  examples.forEach(({ stems }, i) => {
    for (const s of stems) {
      const list = postings.get(s);
      if (list) list.push(i);
      else postings.set(s, [i]);
    }
  });
  const idf = new Map<string, number>();
  for (const [s, list] of postings) idf.set(s, idfOf(examples.length, list.length) * (s.startsWith(WORD_PAIR) ? PARAMS.examples.pairs : 1));
  const norms = examples.map(({ stems }) => Math.sqrt([...stems].reduce((sum, s) => sum + idf.get(s)! ** 2, 0)));
  const perOwner = new Map<number, number>();
  const written = new Set<number>();
  for (const { owner, heading } of examples) {
    perOwner.set(owner, (perOwner.get(owner) ?? 0) + 1);
    if (!heading && owner !== NOT_ANSWERED) written.add(owner);
  }
  return { count: examples.length, owners: examples.map((e) => e.owner), perOwner, written, norms, postings, idf, dots: new Float64Array(examples.length) };
}

export interface Nearest {
  /** Section index -> similarity (0..1) of the question to that section's nearest examples. */
  bySection: Map<number, number>;
  /** Similarity of the question to the nearest examples the manual does not answer. */
  notAnswered: number;
}

/**
 * Cosine similarity of idf-weighted bags of stems, between the question and each example; each
 * section (and "not answered") gets the mean of its `k` nearest examples' similarities, so one
 * short example that happens to share a common word does not decide alone. An owner with fewer
 * than `k` examples is averaged over those it has, so sections nobody has written many examples
 * for yet are not marked down for it. Stems no example uses
 * count in the question's norm, weighted as rare as can be: a question that is mostly about
 * something else is not near any example.
 */
export function nearestExamples(index: ExampleIndex, stems: Set<string>, k = 1): Nearest {
  const bySection = new Map<number, number>();
  if (index.count === 0 || stems.size === 0) return { bySection, notAnswered: 0 };
  k = Math.max(1, Math.floor(k));
  const unused = idfOf(index.count, 0) * PARAMS.examples.unknown;
  let norm = 0;
  // Searching is synchronous, so one array per index serves every question; it is zeroed again below.
  const { dots } = index;
  const touched: number[] = [];
  for (const s of stems) {
    const w = index.idf.get(s);
    if (w === undefined) {
      // A function word or pair of words no example uses says nothing of the topic; a word does.
      if (!s.startsWith(FUNCTION_WORD) && !s.startsWith(WORD_PAIR)) norm += unused ** 2;
      continue;
    }
    norm += w ** 2;
    for (const e of index.postings.get(s)!) {
      if (dots[e] === 0) touched.push(e);
      dots[e] = dots[e]! + w * w;
    }
  }
  norm = Math.sqrt(norm);
  // The k best similarities of each owner, best first.
  const best = new Map<number, number[]>();
  for (const e of touched) {
    const sim = dots[e]! / (norm * index.norms[e]!);
    dots[e] = 0;
    const owner = index.owners[e]!;
    const top = best.get(owner);
    if (!top) best.set(owner, [sim]);
    else if (top.length < k || sim > top[top.length - 1]!) {
      top.push(sim);
      top.sort((a, b) => b - a);
      if (top.length > k) top.pop();
    }
  }
  let notAnswered = 0;
  for (const [owner, top] of best) {
    const mean = top.reduce((sum, x) => sum + x, 0) / Math.min(k, index.perOwner.get(owner)!);
    if (owner === NOT_ANSWERED) notAnswered = mean;
    else bySection.set(owner, mean);
  }
  return { bySection, notAnswered };
}
