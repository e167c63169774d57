/**
 * A classifier of questions, learnt from the example questions: multinomial logistic regression
 * (softmax) over the same features nearest examples compare (see questionFeatures), one class per
 * owner (each section with examples, and "not answered"). Where nearest examples ask "which
 * questions is this one like?", the classifier asks "which words say which section?", and learns
 * that "template" or "how often" say "not answered" whatever the topic. It replaced Naive Bayes
 * odds of the same features, measured across example writers (npm run tune:examples; the figures
 * are in docs/history.md).
 *
 * Trained when the index is built (`orders` runs, averaged), deterministically: the same examples
 * give the same weights, so results and tests do not vary between runs.
 */
import { runSteps, type Steps } from '../steps.js';

// Bound once: inside Jest's VM context every look-up of the global `Math` in the training loop goes
// through the context's global object, which made training several times slower under test.
const { exp, sqrt } = Math;

export interface Classifier {
  /** owner (a section's index, or NOT_ANSWERED) -> its column */
  classes: Map<number, number>;
  /** feature -> its row */
  rows: Map<string, number>;
  /** (rows + 1) × classes, row-major; the last row is each class's bias. Float32: half the memory, and precise enough for a probability. */
  weights: Float32Array;
}

export interface TrainingOptions {
  /** Passes over the examples. */
  epochs: number;
  /** L2 penalty on the weights, against learning one writer's quirks. */
  l2: number;
  /** Adagrad's learning rate. */
  rate: number;
  /**
   * Training runs, each over the examples in its own shuffled order, whose weights are averaged.
   * A few passes of stochastic training end wherever the last examples pushed them, so one order
   * answers differently from another; the average of several is steadier, and better (npm run
   * eval:orders measures it).
   */
  orders: number;
  /** The first order's shuffle seed; the others follow it (seed + 1, …). 1 unless measuring how much the order matters. */
  seed?: number;
}

/**
 * Adagrad on the softmax's log loss, one example at a time, in an order shuffled by a fixed seed;
 * repeated for `orders` seeds, and the weights averaged.
 * The L2 penalty is applied to the weights an example touches, when it touches them (the bias
 * included, harmless at the small penalties used): exact enough for a few passes, and it keeps a
 * pass linear in the examples' features. Time grows with features × classes × orders, memory
 * with features × classes.
 */
export function trainClassifier(examples: { owner: number; features: Set<string> }[], options: TrainingOptions): Classifier {
  return runSteps(trainClassifierSteps(examples, options));
}

/** trainClassifier in steps (see steps.ts): one pass over the examples a step, about 50 ms for 12,000. */
export function* trainClassifierSteps(examples: { owner: number; features: Set<string> }[], options: TrainingOptions): Steps<Classifier> {
  const { epochs, l2, rate, orders } = options;
  if (!(rate > 0) || !(l2 >= 0) || !(epochs >= 0) || !Number.isInteger(orders) || orders < 1 || !validSeeds(options.seed ?? 1, orders) || !Number.isFinite(rate + l2 + epochs)) {
    throw new RangeError(`training options must be finite, rate > 0, l2 >= 0, epochs >= 0, orders and seed whole numbers >= 1: ${JSON.stringify(options)}`);
  }
  const classes = new Map<number, number>();
  const rows = new Map<string, number>();
  for (const { owner, features } of examples) {
    if (!classes.has(owner)) classes.set(owner, classes.size);
    for (const f of features) if (!rows.has(f)) rows.set(f, rows.size);
  }
  const width = classes.size;
  const bias = rows.size;
  const encoded = examples.map(({ owner, features }) => ({ y: classes.get(owner)!, x: [...[...features].map((f) => rows.get(f)!), bias] }));
  const mean = new Float64Array((rows.size + 1) * width);
  const first = options.seed ?? 1;
  for (let seed = first; seed < first + orders; seed++) {
    const weights = yield* train(encoded, width, mean.length, epochs, l2, rate, parkMiller(seed));
    for (let k = 0; k < mean.length; k++) mean[k]! += weights[k]! / orders;
  }
  return { classes, rows, weights: Float32Array.from(mean) };
}

/** Park and Miller's generator needs seeds from 1 to 2^31 - 2: 2^31 - 1 returns 0 for ever. */
function validSeeds(first: number, orders: number): boolean {
  return Number.isInteger(first) && first >= 1 && first + orders - 1 < 2147483647;
}

/** Examples trained on between steps (see steps.ts). */
const TRAINED_PER_STEP = 3000;

/** One training run, over the examples in the order `random` shuffles them to each pass. */
function* train(encoded: { x: number[]; y: number }[], width: number, size: number, epochs: number, l2: number, rate: number, random: () => number): Steps<Float64Array> {
  const weights = new Float64Array(size);
  const squares = new Float64Array(size).fill(1e-8);
  const order = [...encoded];
  const p = new Float64Array(width);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const [n, { x, y }] of order.entries()) {
      if (n > 0 && n % TRAINED_PER_STEP === 0) yield;
      softmax(weights, width, x, p);
      for (let c = 0; c < width; c++) {
        const error = p[c]! - (c === y ? 1 : 0);
        for (const row of x) {
          const k = row * width + c;
          const g = error + l2 * weights[k]!;
          squares[k]! += g * g;
          weights[k]! -= (rate * g) / sqrt(squares[k]!);
        }
      }
    }
    yield;
  }
  return weights;
}

/** owner -> probability (they sum to 1) that the question is one of that owner's. Features the examples never used say nothing. */
export function classify(classifier: Classifier, features: Set<string>): Map<number, number> {
  const width = classifier.classes.size;
  const x: number[] = [];
  for (const f of features) {
    const row = classifier.rows.get(f);
    if (row !== undefined) x.push(row);
  }
  x.push(classifier.rows.size);
  const p = new Float64Array(width);
  softmax(classifier.weights, width, x, p);
  const byOwner = new Map<number, number>();
  for (const [owner, c] of classifier.classes) byOwner.set(owner, p[c]!);
  return byOwner;
}

function softmax(weights: Float32Array | Float64Array, width: number, x: number[], into: Float64Array): void {
  let max = -Infinity;
  for (let c = 0; c < width; c++) {
    let z = 0;
    for (const row of x) z += weights[row * width + c]!;
    into[c] = z;
    if (z > max) max = z;
  }
  let sum = 0;
  for (let c = 0; c < width; c++) sum += into[c] = exp(into[c]! - max);
  for (let c = 0; c < width; c++) into[c]! /= sum;
}

/** A small seeded generator (Park and Miller's): Math.random cannot be seeded. */
function parkMiller(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647;
  };
}
