import { describe, expect, it } from '@jest/globals';
import { classify, trainClassifier } from '../../src/search/exampleClassifier.js';

const bag = (...features: string[]) => new Set(features);
const NONE = -1;
const examples = [
  ...['write', 'contain', 'who', 'templat'].map((w) => ({ owner: 0, features: bag('card', w) })),
  ...['when', 'who', 'write'].map((w) => ({ owner: 1, features: bag('weeknot', w) })),
  ...['jira', 'pr', 'design', 'weeknot'].map((w) => ({ owner: NONE, features: bag('templat', w) })),
];
const options = { epochs: 30, l2: 1e-5, rate: 0.5, orders: 1 };

describe('trainClassifier and classify', () => {
  const classifier = trainClassifier(examples, options);

  it('learns which words say which owner', () => {
    const p = classify(classifier, bag('card', 'write'));
    expect(p.get(0)).toBeGreaterThan(0.8);
    expect(classify(classifier, bag('weeknot', 'when')).get(1)).toBeGreaterThan(0.8);
    // "templat" says "not answered" even beside a section's word, as the examples taught it.
    const template = classify(classifier, bag('templat', 'weeknot'));
    expect(template.get(NONE)).toBeGreaterThan(template.get(1)!);
  });

  it('gives probabilities over every owner that sum to 1', () => {
    const p = classify(classifier, bag('card', 'templat'));
    expect([...p.keys()].sort()).toEqual([-1, 0, 1]);
    expect([...p.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });

  it('ignores features no example used', () => {
    expect(classify(classifier, bag('zebra'))).toEqual(classify(classifier, bag()));
    expect(classify(classifier, bag('card', 'zebra'))).toEqual(classify(classifier, bag('card')));
  });

  it('learns the same weights from the same examples every time', () => {
    expect(trainClassifier(examples, options).weights).toEqual(classifier.weights);
  });

  it('averages the weights of runs over the examples in different orders', () => {
    // One pass: where it ends depends most on the order the examples came in.
    const once = { ...options, epochs: 1 };
    const runs = [1, 2, 3].map((seed) => trainClassifier(examples, { ...once, seed }).weights);
    expect(runs[1]).not.toEqual(runs[0]);
    const averaged = trainClassifier(examples, { ...once, orders: 3 }).weights;
    for (const [k, w] of averaged.entries()) expect(w).toBeCloseTo((runs[0]![k]! + runs[1]![k]! + runs[2]![k]!) / 3, 5);
    // The orders start at `seed`: seeds 2 and 3 are the mean of those two runs.
    const later = trainClassifier(examples, { ...once, orders: 2, seed: 2 }).weights;
    for (const [k, w] of later.entries()) expect(w).toBeCloseTo((runs[1]![k]! + runs[2]![k]!) / 2, 5);
  });

  it('rejects training options that cannot learn, and learns nothing from no examples', () => {
    for (const bad of [{ rate: 0 }, { l2: -1 }, { epochs: Number.NaN }, { rate: Infinity }, { orders: 0 }, { orders: 1.5 }, { seed: 0 }, { seed: 1.5 }, { seed: 2147483647 }]) {
      expect(() => trainClassifier(examples, { ...options, ...bad })).toThrow(RangeError);
    }
    expect(classify(trainClassifier([], options), bag('card')).size).toBe(0);
  });
});
