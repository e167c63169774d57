import type { ExampleIndex } from './nearestExamples.js';

/**
 * How many of each owner's example questions use each feature (see questionFeatures), for
 * featureOdds: one row per feature, one column per owner (each section with examples, and "not
 * answered"). How many examples each owner has, and each feature's weight, are the example
 * index's own (perOwner, weights).
 */
export interface FeatureCounts {
  /** owner (a section's index, or NOT_ANSWERED) -> its column */
  columns: Map<number, number>;
  /** feature -> its row */
  rows: Map<string, number>;
  /** rows × columns, row-major */
  counts: Uint32Array;
}

export function countFeatures(examples: { owner: number; features: Set<string> }[]): FeatureCounts {
  const columns = new Map<number, number>();
  const rows = new Map<string, number>();
  for (const { owner, features } of examples) {
    if (!columns.has(owner)) columns.set(owner, columns.size);
    for (const f of features) if (!rows.has(f)) rows.set(f, rows.size);
  }
  const width = columns.size;
  const counts = new Uint32Array(rows.size * width);
  for (const { owner, features } of examples) {
    const column = columns.get(owner)!;
    for (const f of features) counts[rows.get(f)! * width + column]!++;
  }
  return { columns, rows, counts };
}

/**
 * Naive Bayes log-odds, per feature, that a question is one of `other`'s example questions rather
 * than one of `owner`'s, from the features each one's examples use: the mean over the question's
 * features, weighed by their idf, so that "the" says little and a long question does not pile up
 * more evidence than a short one (a sum did: it declined short questions it should answer).
 * search.ts asks whether a question is one the manual does not answer (`other` is NOT_ANSWERED)
 * rather than the matched section's. Nearest examples (nearestExamples) need one example with most
 * of the question's words; this weighs words that lean towards "not answered" under any section,
 * such as "template", "how often" or "who approves" in questions about a section's topic.
 *
 * A feature neither of the two uses says nothing either way and is skipped (smoothing alone would
 * count it by how many examples each side has). Undefined when either side has fewer than
 * `minExamples` examples, since counts that small cannot tell a leaning word from chance (with a
 * handful of "not answered" examples every question leans their way), or when the question has
 * no feature either side uses.
 */
export function featureOdds(examples: ExampleIndex, features: Set<string>, owner: number, other: number, smoothing: number, minExamples: number): number | undefined {
  if (!(smoothing > 0) || !Number.isFinite(smoothing)) throw new RangeError(`smoothing must be a positive number, not ${smoothing}`);
  const table = examples.counts;
  const mine = table.columns.get(owner);
  const theirs = table.columns.get(other);
  if (mine === undefined || theirs === undefined) return undefined;
  const totalMine = examples.perOwner.get(owner)!;
  const totalTheirs = examples.perOwner.get(other)!;
  if (totalMine < minExamples || totalTheirs < minExamples) return undefined;
  const width = table.columns.size;
  // Additive smoothing: a feature none of one side's examples use is rare there, not impossible.
  const nMine = Math.log(totalMine + 2 * smoothing);
  const nTheirs = Math.log(totalTheirs + 2 * smoothing);
  let sum = 0;
  let weights = 0;
  for (const f of features) {
    const row = table.rows.get(f);
    if (row === undefined) continue;
    const base = row * width;
    const cMine = table.counts[base + mine]!;
    const cTheirs = table.counts[base + theirs]!;
    if (cMine === 0 && cTheirs === 0) continue;
    const w = examples.weights.get(f)!;
    sum += w * (Math.log(cTheirs + smoothing) - nTheirs - (Math.log(cMine + smoothing) - nMine));
    weights += w;
  }
  return weights > 0 ? sum / weights : undefined;
}
