import { describe, expect, it } from '@jest/globals';
import { decide } from '../../src/answer/decide.js';
import { PARAMS } from '../../src/search/params.js';
import type { Match } from '../../src/search/rank.js';
import type { Section } from '../../src/sections/types.js';

const section = (heading: string) => ({ heading }) as Section;
const match = (heading: string, score: number, example?: number): Match => ({ section: section(heading), score, ...(example === undefined ? {} : { example }) });

describe('decide, without example questions', () => {
  const { sure, min, ratio } = PARAMS.decision;
  const result = (...matches: Match[]) => ({ matches, usesExamples: false, notAnswered: 0 });

  it('answers a sure match whatever the runner-up, unless it is a tie', () => {
    expect(decide(result(match('a', sure), match('b', sure - 0.001))).verdict).toBe('answer');
    const tie = decide(result(match('a', 1), match('b', 1)));
    expect(tie.verdict).toBe('close call');
    expect(tie.closeCall.map((m) => m.section.heading)).toEqual(['a', 'b']);
  });

  it('answers a weaker match that clears the margin, declines one below the threshold', () => {
    expect(decide(result(match('a', min), match('b', min / ratio - 0.01))).verdict).toBe('answer');
    expect(decide(result(match('a', min - 0.01))).verdict).toBe('no answer');
    expect(decide(result()).verdict).toBe('no answer');
  });

  it('calls a near tie a close call, offering only the matches that clear the threshold', () => {
    const best = (min + sure) / 2;
    const decision = decide(result(match('a', best), match('b', best - 0.01), match('c', min - 0.01)));
    expect(decision.verdict).toBe('close call');
    expect(decision.closeCall.map((m) => m.section.heading)).toEqual(['a', 'b']);
  });
});

describe('decide, with example questions', () => {
  const { min, ratio, notAnswered } = PARAMS.examples.decision;
  const result = (notAnsweredSimilarity: number, ...matches: Match[]) => ({ matches, usesExamples: true, notAnswered: notAnsweredSimilarity });

  it('declines when the question is nearer questions the manual does not answer', () => {
    expect(decide(result(0.5, match('a', 0.9, 0.5 * notAnswered - 0.01))).verdict).toBe('no answer');
    expect(decide(result(0.5, match('a', 0.9, 0.5 * notAnswered + 0.01))).verdict).toBe('answer');
  });

  it('declines when the classifier finds the question likelier one the manual does not answer than the best section’s', () => {
    const { likelier, notAnsweredMax } = PARAMS.examples.decision;
    const classified = (notAnsweredLikelihood: number, likelihood: number) => ({ ...result(0, { ...match('a', 0.9, 0.9), likelihood }), notAnsweredLikelihood });
    // Below notAnsweredMax, the ratio to the best section decides.
    const low = notAnsweredMax / 2;
    expect(decide(classified(low, low / likelier - 0.01)).verdict).toBe('no answer');
    expect(decide(classified(low, low / likelier + 0.01)).verdict).toBe('answer');
    // Above it, however likely the best section.
    expect(decide(classified(notAnsweredMax + 0.01, 1)).verdict).toBe('no answer');
    expect(decide(classified(notAnsweredMax - 0.01, 1)).verdict).toBe('answer');
    // Without a classifier's word on "not answered" (too few examples), neither check applies;
    // nor for a best section the classifier does not cover (no likelihood of its own).
    expect(decide(result(0, { ...match('a', 0.9, 0.9), likelihood: 0 })).verdict).toBe('answer');
    expect(decide({ ...result(0, match('a', 0.9, 0.9)), notAnsweredLikelihood: 1 }).verdict).toBe('answer');
  });

  it('skips that check for a section nobody wrote examples for', () => {
    expect(decide(result(0.9, match('a', 0.9))).verdict).toBe('answer');
  });

  it('uses its own threshold and margin', () => {
    expect(decide(result(0, match('a', min - 0.01, 1))).verdict).toBe('no answer');
    expect(decide(result(0, match('a', min + 0.01, 1), match('b', (min + 0.01) / ratio + 0.01, 1))).verdict).toBe('close call');
  });
});
