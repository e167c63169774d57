import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { answerQuestion } from '../../src/answer/answer.js';
import { loadManualIndex } from '../../src/load/loadManualIndex.js';
import { DEFAULT_BASE_URL, SHIPPED_MANUAL_DIR } from '../../src/config.js';
import type { Section } from '../../src/sections/types.js';
import { prerenderSteps } from '../../src/slack/blocks.js';
import { EXAMPLES_FOLDER, loadExampleQuestions } from '../../src/search/exampleQuestions.js';
import { buildSearchIndexSteps } from '../../src/search/indexExamples.js';
import { PARAMS } from '../../src/search/params.js';
import { runSteps, runStepsYielding, type Steps } from '../../src/steps.js';

function* counting(n: number, log: string[]): Steps<number> {
  for (let i = 0; i < n; i++) {
    log.push(`step ${i}`);
    yield;
  }
  return n;
}

// One load of the shipped manual for the suite: each costs its 12,000 examples' index.
let loaded: ReturnType<typeof loadManualIndex> | undefined;
const shippedManual = () => (loaded ??= loadManualIndex({ dir: SHIPPED_MANUAL_DIR, baseUrl: DEFAULT_BASE_URL }));

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

  it('indexes the shipped example questions in many short steps, and the index answers', async () => {
    const manual = await shippedManual();
    const { examples } = loadExampleQuestions(path.join(SHIPPED_MANUAL_DIR, EXAMPLES_FOLDER));
    const steps = buildSearchIndexSteps(manual.sections, manual.search.synonyms, examples);
    let count = 0;
    let next = steps.next();
    while (!next.done) {
      count++;
      next = steps.next();
    }
    // At least one step a pass of each training run, and one a thousand examples read. (That the
    // steps build the same index as before they were steps: npm run eval printed the same, byte
    // for byte, before and after.)
    const { orders, epochs } = PARAMS.examples.classifier;
    expect(count).toBeGreaterThanOrEqual(orders * epochs + Math.floor(examples.length / 1000));
    expect(next.value.indexed).toBe(examples.length);
    const answer = answerQuestion({ ...manual, search: next.value.index }, 'someone on my team handed in their notice');
    expect(answer.answered && answer.matches[0]?.section.heading).toBe('Managing leavers');
  });

  it('renders sections for Slack in steps of a hundred', async () => {
    const { sections } = await shippedManual();
    const many: Section[] = Array.from({ length: 250 }, (_, i) => sections[i % sections.length]!);
    const steps = prerenderSteps(many, false);
    let count = 0;
    while (!steps.next().done) count++;
    expect(count).toBe(2);
  });
});
