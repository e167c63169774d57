import { describe, expect, it } from '@jest/globals';
import { decide, isAnswer } from '../../src/answer/decide.js';
import { PARAMS } from '../../src/search/params.js';
import type { Match } from '../../src/search/rank.js';
import type { Section } from '../../src/sections/types.js';

/** A section of page `file`; an empty anchor makes it the page's intro. */
const section = (heading: string, file = 'p.html.md', anchor = heading) => ({ heading, anchor, page: { file, title: file } }) as Section;
const match = (heading: string, score: number, example?: number, file?: string, anchor?: string): Match => ({
  section: section(heading, file, anchor),
  score,
  words: score,
  ...(example === undefined ? {} : { example }),
});
const headings = (sections: Section[]) => sections.map((s) => s.heading);

describe('decide, without example questions', () => {
  const { sure, min, ratio, offer } = PARAMS.decision;
  const result = (...matches: Match[]) => ({ matches, usesExamples: false, notAnswered: 0 });

  it('answers a sure match whatever the runner-up, unless it is a tie', () => {
    expect(decide(result(match('a', sure), match('b', sure - 0.001)), 2).kind).toBe('section');
    const tie = decide(result(match('a', 1, undefined, 'x'), match('b', 1, undefined, 'y')), 2);
    expect(tie.kind).toBe('offer');
    expect(headings(tie.offered)).toEqual(['a', 'b']);
  });

  it('answers a weaker match that clears the margin', () => {
    expect(decide(result(match('a', min), match('b', min / ratio - 0.01)), 2).kind).toBe('section');
  });

  it('offers plausible matches below the threshold, and nothing when none is plausible', () => {
    const below = decide(result(match('a', min - 0.01), match('b', offer), match('c', offer - 0.01)), 2);
    expect(below.kind).toBe('offer');
    expect(headings(below.offered)).toEqual(['a', 'b']);
    expect(decide(result(match('a', offer - 0.01)), 2).kind).toBe('none');
    expect(decide(result(), 2).kind).toBe('none');
  });

  it('offers a near tie between pages, only the matches that clear the threshold, at most three', () => {
    const best = (min + sure) / 2;
    const decision = decide(result(match('a', best, undefined, 'x'), match('b', best - 0.01, undefined, 'y'), match('c', min - 0.01, undefined, 'z')), 3);
    expect(decision.kind).toBe('offer');
    expect(headings(decision.offered)).toEqual(['a', 'b']);
  });

  it('answers a near tie between sections of one page with the page, in a manual of several pages', () => {
    const tie = result(match('a', 1, undefined, 'sentry'), match('b', 1, undefined, 'sentry'), match('c', 1, undefined, 'sentry'), match('d', 0.2, undefined, 'other'));
    expect(decide(tie, 200)).toMatchObject({ kind: 'page', page: 'sentry', offered: [] });
    // On a manual of one page, the page is the whole manual: the asker picks a section.
    expect(decide(tie, 1).kind).toBe('offer');
  });

  it('answers with the page when its intro is the answer', () => {
    const named = decide(result(match('Sentry', 1, undefined, 'sentry', ''), match('b', 0.3, undefined, 'sentry')), 200);
    expect(named).toMatchObject({ kind: 'page', page: 'sentry', offered: [] });
    expect(isAnswer(named)).toBe(true);
  });
});

describe('decide, with example questions', () => {
  const { min, ratio, notAnswered } = PARAMS.examples.decision;
  const result = (notAnsweredSimilarity: number, ...matches: Match[]) => ({ matches, usesExamples: true, notAnswered: notAnsweredSimilarity });

  it('declines when the question is nearer questions the manual does not answer', () => {
    expect(decide(result(0.5, match('a', 0.9, 0.5 * notAnswered - 0.01)), 1).kind).toBe('none');
    expect(decide(result(0.5, match('a', 0.9, 0.5 * notAnswered + 0.01)), 1).kind).toBe('section');
  });

  it('declines when the classifier finds the question likelier one the manual does not answer than the best section’s', () => {
    const { likelier, notAnsweredMax } = PARAMS.examples.decision;
    const classified = (notAnsweredLikelihood: number, likelihood: number) => ({ ...result(0, { ...match('a', 0.9, 0.9), likelihood }), notAnsweredLikelihood });
    // Below notAnsweredMax, the ratio to the best section decides.
    const low = notAnsweredMax / 2;
    expect(decide(classified(low, low / likelier - 0.01), 1).kind).toBe('none');
    expect(decide(classified(low, low / likelier + 0.01), 1).kind).toBe('section');
    // Above it, however likely the best section.
    expect(decide(classified(notAnsweredMax + 0.01, 1), 1).kind).toBe('none');
    expect(decide(classified(notAnsweredMax - 0.01, 1), 1).kind).toBe('section');
    // Without a classifier's word on "not answered" (too few examples), neither check applies;
    // nor for a best section the classifier does not cover (no likelihood of its own).
    expect(decide(result(0, { ...match('a', 0.9, 0.9), likelihood: 0 }), 1).kind).toBe('section');
    expect(decide({ ...result(0, match('a', 0.9, 0.9)), notAnsweredLikelihood: 1 }, 1).kind).toBe('section');
  });

  it('skips that check for a section nobody wrote examples for', () => {
    expect(decide(result(0.9, match('a', 0.9)), 1).kind).toBe('section');
  });

  it('uses its own threshold and margin', () => {
    expect(decide(result(0, match('a', min + 0.01, 1), match('b', (min + 0.01) / ratio + 0.01, 1)), 1).kind).toBe('offer');
  });
});

describe('decide, keyword queries', () => {
  const keywordResult = (targets: Section[], ...matches: Match[]) => ({ matches, usesExamples: true, notAnswered: 0.9, keywords: { kind: 'in heading' as const, sections: targets } });

  it('answers the one section a keyword query points at, when the ranking puts it first, whatever "not answered" says', () => {
    const a = match('Deploy freezes', 0.5, 0.1, 'deploy');
    expect(decide(keywordResult([a.section], a, match('b', 0.4)), 1)).toMatchObject({ kind: 'section', section: a.section });
  });

  it('answers with the page when it points at several sections of the first one’s page, in a manual of several pages', () => {
    const a = match('Sentry alerts', 0.8, 0.1, 'sentry');
    const b = match('Sentry roles', 0.7, 0.1, 'sentry');
    expect(decide(keywordResult([a.section, b.section], a, b), 200)).toMatchObject({ kind: 'page', page: 'sentry' });
  });

  it('offers the sections of several pages unless the first clearly beats the others', () => {
    const a = match('Sentry', 0.8, 0.1, 'sentry', '');
    const b = match('Sentry', 0.78, 0.1, 'get-started');
    expect(decide(keywordResult([a.section, b.section], a, b), 200).kind).toBe('offer');
    const c = match('Sentry', 0.4, 0.1, 'get-started');
    expect(decide(keywordResult([a.section, c.section], a, c), 200)).toMatchObject({ kind: 'page', page: 'sentry' });
  });

  it('leaves the question to the rest of the decision when the ranking puts something else first', () => {
    const first = match('Other', 0.9, 0.9, 'other');
    const pointed = match('Sentry', 0.5, 0.1, 'sentry', '');
    expect(decide(keywordResult([pointed.section], first, pointed), 200).kind).not.toBe('page');
  });
});

describe('decide, a manual of many pages with example questions (the confidence model)', () => {
  const saved = structuredClone(PARAMS.pages.confidence);
  const zero = Object.fromEntries(Object.keys(saved.weights).map((k) => [k, 0])) as typeof saved.weights;
  /** The model as a constant: confidence 1 / (1 + exp(-bias)). */
  const withBias = <T>(bias: number, run: () => T): T => {
    PARAMS.pages.confidence = { ...saved, bias, weights: zero };
    try {
      return run();
    } finally {
      PARAMS.pages.confidence = saved;
    }
  };
  const result = (...matches: Match[]) => ({ matches, usesExamples: true, notAnswered: 0 });

  it('answers the best section when confident, or its page when another of its sections is close', () => {
    const a = match('a', 0.9, 0.9, 'p');
    expect(withBias(5, () => decide(result(a, match('b', 0.3, 0.3, 'q')), 200))).toMatchObject({ kind: 'section', section: a.section });
    expect(withBias(5, () => decide(result(a, match('b', 0.85, 0.85, 'p')), 200))).toMatchObject({ kind: 'page', page: 'p' });
  });

  it('never answers with a section that shares no word with the question, but may offer it', () => {
    const noWords = { ...match('a', 0.9, 0.9, 'p'), words: 0 };
    expect(withBias(5, () => decide(result(noWords), 200)).kind).toBe('offer');
  });

  it('offers the best section of each of the first pages when unsure, and declines when nothing is plausible', () => {
    const offered = withBias(0, () => decide(result(match('a', 0.5, 0.5, 'p'), match('b', 0.49, 0.5, 'p'), match('c', 0.4, 0.4, 'q'), match('d', 0.3, 0.3, 'r'), match('e', 0.2, 0.2, 's')), 200));
    expect(offered.kind).toBe('offer');
    expect(headings(offered.offered)).toEqual(['a', 'c', 'd']);
    expect(withBias(-5, () => decide(result(match('a', 0.5, 0.5, 'p')), 200))).toEqual({ kind: 'none', offered: [] });
  });
});
