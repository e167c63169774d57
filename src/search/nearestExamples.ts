import { type Classifier, classify, trainClassifierSteps } from './exampleClassifier.js';
import { idfOf } from './idf.js';
import { PARAMS } from './params.js';
import { runSteps, type Steps } from '../steps.js';

/** Mark a function word and a pair of adjacent words among a question's features, apart from stems. */
export const FUNCTION_WORD = '~';
export const WORD_PAIR = '+';

/** Who an example question belongs to: a section's index, or NOT_ANSWERED. */
export const NOT_ANSWERED = -1;

/**
 * Example questions as weighted bags of features (stems, function words, pairs of words: see
 * questionFeatures), in an inverted index, so that finding the ones nearest a question costs a few
 * look-ups, not a scan of every example.
 */
export interface ExampleIndex {
  count: number;
  owners: number[];
  /** How many examples each owner has, headings included. */
  perOwner: Map<number, number>;
  /** The sections that have examples people wrote, not just their heading. */
  written: Set<number>;
  norms: number[];
  /** feature -> the examples that use it. */
  postings: Map<string, number[]>;
  /** feature -> its weight: its idf over the examples, times PARAMS.examples.pairs for a pair (read when the index is built). */
  weights: Map<string, number>;
  /** A sum per example, zero between questions: reused, since function words reach most examples. */
  dots: Float64Array;
  /**
   * Learnt from the examples when the index is built (see exampleClassifier): absent when "not
   * answered", or every section, has fewer than PARAMS.examples.classifier.minExamples examples,
   * too few to learn from.
   */
  classifier?: Classifier;
  /** With sections on more than one page: each page's examples pooled into one (see pageSimilarities). */
  pages?: PageExamples;
}

/**
 * The sum of each page's examples (headings included), each example's vector of feature weights
 * scaled to length 1, as an inverted index: feature -> the pages that use it, with the sum's
 * weight for it; and each sum's length. One writer's examples for a page are a few per section:
 * pooled, they say what the page is about better than any one of them.
 */
export interface PageExamples {
  postings: Map<string, { page: number; weight: number }[]>;
  norms: Float64Array;
}

export function buildExampleIndex(examples: { owner: number; features: Set<string>; heading?: boolean }[], pageOf: number[] = []): ExampleIndex {
  return runSteps(buildExampleIndexSteps(examples, pageOf));
}

/**
 * buildExampleIndex in steps (see steps.ts): the classifier's training is most of the work.
 * `pageOf`: each section's page; with more than one page, the examples are pooled by page too.
 */
export function* buildExampleIndexSteps(examples: { owner: number; features: Set<string>; heading?: boolean }[], pageOf: number[] = []): Steps<ExampleIndex> {
  const postings = new Map<string, number[]>();
  examples.forEach(({ features }, i) => {
    for (const s of features) {
      const list = postings.get(s);
      if (list) list.push(i);
      else postings.set(s, [i]);
    }
  });
  yield;
  const weights = new Map<string, number>();
  for (const [s, list] of postings) weights.set(s, idfOf(examples.length, list.length) * (s.startsWith(WORD_PAIR) ? PARAMS.examples.pairs : 1));
  const norms = examples.map(({ features }) => Math.sqrt([...features].reduce((sum, s) => sum + weights.get(s)! ** 2, 0)));
  const perOwner = new Map<number, number>();
  const written = new Set<number>();
  for (const { owner, heading } of examples) {
    perOwner.set(owner, (perOwner.get(owner) ?? 0) + 1);
    if (!heading && owner !== NOT_ANSWERED) written.add(owner);
  }
  const index: ExampleIndex = {
    count: examples.length,
    owners: examples.map((e) => e.owner),
    perOwner,
    written,
    norms,
    postings,
    weights,
    dots: new Float64Array(examples.length),
  };
  yield;
  if (new Set(pageOf).size > 1) index.pages = poolByPage(examples, pageOf, weights, norms);
  yield;
  const classifier = yield* learnClassifier(examples, perOwner);
  if (classifier) index.classifier = classifier;
  return index;
}

function poolByPage(examples: { owner: number; features: Set<string> }[], pageOf: number[], weights: Map<string, number>, norms: number[]): PageExamples {
  const sums = new Map<string, Map<number, number>>();
  examples.forEach(({ owner, features }, e) => {
    if (owner === NOT_ANSWERED || !norms[e]) return;
    const page = pageOf[owner]!;
    for (const f of features) {
      let byPage = sums.get(f);
      if (!byPage) {
        byPage = new Map();
        sums.set(f, byPage);
      }
      byPage.set(page, (byPage.get(page) ?? 0) + weights.get(f)! / norms[e]!);
    }
  });
  const pageCount = Math.max(...pageOf) + 1;
  const squares = new Float64Array(pageCount);
  const postings = new Map<string, { page: number; weight: number }[]>();
  for (const [f, byPage] of sums) {
    const list: { page: number; weight: number }[] = [];
    for (const [page, weight] of byPage) {
      list.push({ page, weight });
      squares[page]! += weight * weight;
    }
    postings.set(f, list);
  }
  return { postings, norms: squares.map(Math.sqrt) };
}

/** Cosine similarity of the question's features (weighted as for nearestExamples) to each page's pooled examples. */
export function pageSimilarities(index: ExampleIndex, features: Set<string>): Map<number, number> {
  const sims = new Map<number, number>();
  const pages = index.pages;
  if (!pages) return sims;
  let norm = 0;
  for (const f of features) {
    const w = index.weights.get(f);
    if (w === undefined) continue;
    norm += w * w;
    for (const { page, weight } of pages.postings.get(f) ?? []) sims.set(page, (sims.get(page) ?? 0) + w * weight);
  }
  norm = Math.sqrt(norm);
  for (const [page, dot] of sims) sims.set(page, dot / (norm * pages.norms[page]!));
  return sims;
}

/**
 * The classifier's class for the examples of sections with too few to learn from: pooled, so it
 * still learns that they are questions the manual answers, and its classes stay few however many
 * sections a manual has (a class per section of the whole GOV.UK manual would cost seconds and
 * hundreds of MB to learn).
 */
export const FEW_EXAMPLES = -2;

/** See ExampleIndex.classifier; sections with fewer than minExamples examples share FEW_EXAMPLES. */
function* learnClassifier(examples: { owner: number; features: Set<string> }[], perOwner: Map<number, number>): Steps<Classifier | undefined> {
  const { minExamples, epochs, l2, rate, orders, seed } = PARAMS.examples.classifier;
  const enough = (owner: number) => (perOwner.get(owner) ?? 0) >= minExamples;
  let pooled = 0;
  for (const [owner, n] of perOwner) if (owner !== NOT_ANSWERED && !enough(owner)) pooled += n;
  // Without a section of its own to learn, the pooled class still tells answered from not.
  if (!enough(NOT_ANSWERED) || (![...perOwner.keys()].some((owner) => owner !== NOT_ANSWERED && enough(owner)) && pooled < minExamples)) return undefined;
  return yield* trainClassifierSteps(
    examples.map(({ owner, features }) => ({ owner: enough(owner) ? owner : FEW_EXAMPLES, features })),
    { epochs, l2, rate, orders, seed },
  );
}

/**
 * The classifier's probabilities for a question, and which owners they are good for: those it
 * learnt a class of their own for (see learnClassifier). A section with fewer examples would be
 * marked down for it, not for the question.
 */
export function classifyQuestion(
  index: ExampleIndex,
  features: Set<string>,
): { probabilities: Map<number, number>; covers: (owner: number) => boolean; pooled?: number } | undefined {
  const { classifier } = index;
  if (!classifier) return undefined;
  const probabilities = classify(classifier, features);
  return { probabilities, covers: (owner) => owner !== FEW_EXAMPLES && classifier.classes.has(owner), pooled: probabilities.get(FEW_EXAMPLES) };
}

export interface Nearest {
  /** Section index -> similarity (0..1) of the question to that section's nearest examples. */
  bySection: Map<number, number>;
  /** Similarity of the question to the nearest examples the manual does not answer. */
  notAnswered: number;
}

/**
 * Cosine similarity of weighted bags of features (see questionFeatures), between the question and
 * each example; each section (and "not answered") gets the mean of its `k` nearest examples'
 * similarities, so one short example that happens to share a common word does not decide alone.
 * An owner with fewer than `k` examples is averaged over those it has, so sections nobody has
 * written many examples for yet are not marked down for it. A word no example uses counts in the
 * question's norm at PARAMS.examples.unknown times the weight idf gives it: a question that is
 * mostly about something else is near no example. A function word or pair no example uses is
 * left out: it says nothing of the topic.
 */
export function nearestExamples(index: ExampleIndex, features: Set<string>, k = 1): Nearest {
  const bySection = new Map<number, number>();
  if (index.count === 0 || features.size === 0) return { bySection, notAnswered: 0 };
  k = Math.max(1, Math.floor(k));
  const unused = idfOf(index.count, 0) * PARAMS.examples.unknown;
  let norm = 0;
  const { dots } = index;
  const touched: number[] = [];
  const sims: number[] = [];
  try {
    for (const f of features) {
      const w = index.weights.get(f);
      if (w === undefined) {
        if (!f.startsWith(FUNCTION_WORD) && !f.startsWith(WORD_PAIR)) norm += unused ** 2;
        continue;
      }
      if (w <= 0) continue;
      norm += w ** 2;
      for (const e of index.postings.get(f)!) {
        if (dots[e] === 0) touched.push(e);
        dots[e] = dots[e]! + w * w;
      }
    }
    norm = Math.sqrt(norm);
    for (const e of touched) sims.push(dots[e]! / (norm * index.norms[e]!));
  } finally {
    // Searching is synchronous, so one array per index serves every question, zeroed after each.
    for (const e of touched) dots[e] = 0;
  }
  if (k === 1) return nearestOne(index, touched, sims);
  // The k best similarities of each owner, best first.
  const best = new Map<number, number[]>();
  touched.forEach((e, i) => {
    const sim = sims[i]!;
    const owner = index.owners[e]!;
    const top = best.get(owner);
    if (!top) best.set(owner, [sim]);
    else if (top.length < k || sim > top[top.length - 1]!) {
      top.push(sim);
      top.sort((a, b) => b - a);
      if (top.length > k) top.pop();
    }
  });
  let notAnswered = 0;
  for (const [owner, top] of best) {
    const mean = top.reduce((sum, x) => sum + x, 0) / Math.min(k, index.perOwner.get(owner)!);
    if (owner === NOT_ANSWERED) notAnswered = mean;
    else bySection.set(owner, mean);
  }
  return { bySection, notAnswered };
}

/** nearestExamples with k = 1, the shipped setting: each owner's best similarity, with no list to keep sorted. */
function nearestOne(index: ExampleIndex, touched: number[], sims: number[]): Nearest {
  const bySection = new Map<number, number>();
  let notAnswered = 0;
  for (let i = 0; i < touched.length; i++) {
    const sim = sims[i]!;
    const owner = index.owners[touched[i]!]!;
    if (owner === NOT_ANSWERED) notAnswered = Math.max(notAnswered, sim);
    else if (sim > (bySection.get(owner) ?? 0)) bySection.set(owner, sim);
  }
  return { bySection, notAnswered };
}
