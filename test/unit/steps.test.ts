import { describe, expect, it } from '@jest/globals';
import { DEFAULT_BASE_URL, loadManualIndex, SHIPPED_MANUAL_DIR } from '../../src/answer/manualIndex.js';
import { loadExampleQuestions } from '../../src/search/exampleQuestions.js';
import { buildSearchIndex, buildSearchIndexSteps } from '../../src/search/indexExamples.js';
import { PARAMS } from '../../src/search/params.js';
import { runSteps, runStepsYielding, type Steps } from '../../src/search/steps.js';

function* counting(n: number, log: string[]): Steps<number> {
  for (let i = 0; i < n; i++) {
    log.push(`step ${i}`);
    yield;
  }
  return n;
}

describe('work in steps', () => {
  it('runSteps runs them all at once; runStepsYielding lets other work run between them', async () => {
    const log: string[] = [];
    expect(runSteps(counting(3, log))).toBe(3);
    expect(log).toEqual(['step 0', 'step 1', 'step 2']);

    log.length = 0;
    setImmediate(() => log.push('a request'));
    expect(await runStepsYielding(counting(3, log))).toBe(3);
    expect(log).toEqual(['step 0', 'a request', 'step 1', 'step 2']);
  });

  it('indexes the shipped example questions in many steps, to the same index as in one go', async () => {
    const manual = await loadManualIndex({ dir: SHIPPED_MANUAL_DIR, baseUrl: DEFAULT_BASE_URL });
    const { examples } = loadExampleQuestions(SHIPPED_MANUAL_DIR);
    const steps = buildSearchIndexSteps(manual.sections, manual.search.synonyms, examples);
    let count = 0;
    let next = steps.next();
    while (!next.done) {
      count++;
      next = steps.next();
    }
    // At least one step a pass of each training run, and one a thousand examples read.
    const { orders, epochs } = PARAMS.examples.classifier;
    expect(count).toBeGreaterThanOrEqual(orders * epochs + Math.floor(examples.length / 1000));

    const inOneGo = buildSearchIndex(manual.sections, manual.search.synonyms, examples);
    expect(next.value.indexed).toBe(inOneGo.indexed);
    expect(next.value.index.examples.classifier?.weights).toEqual(inOneGo.index.examples.classifier?.weights);
    expect(next.value.index.examples.classifier?.weights).toEqual(manual.search.examples.classifier?.weights);
  });
});
