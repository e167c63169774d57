import type { Section } from '../sections/types.js';
import type { SearchIndex } from './buildIndex.js';
import { classifyQuestion, nearestExamples, NOT_ANSWERED } from './nearestExamples.js';
import { PARAMS } from './params.js';
import { phraseHits } from './phrases.js';
import { type Concept, questionFeatures, readQuestion } from './readQuestion.js';

export interface Match {
  section: Section;
  /**
   * 0..1: the share of the question's (weighted) concepts the section covers, and how prominently;
   * with example questions, blended with how near the question is to the section's examples.
   */
  score: number;
  /** With example questions, for a section that has some: similarity (0..1) of the question to its nearest ones. */
  example?: number;
  /** With a classifier that covers the section (see classifyQuestion): the probability that the question is this section's. */
  likelihood?: number;
}

export interface SearchResult {
  matches: Match[];
  concepts: Concept[];
  /** Whether the index has example questions; if so, scores blend them in. */
  usesExamples: boolean;
  /** Similarity (0..1) of the question to the nearest example question the manual does not answer. */
  notAnswered: number;
  /** With a classifier: the probability that the question is one the manual does not answer. */
  notAnsweredLikelihood?: number;
}
export function search(index: SearchIndex, question: string, limit = 5): SearchResult {
  const read = readQuestion(index, question);
  const { concepts } = read;
  const usesExamples = index.examples.count > 0;
  const total = concepts.reduce((sum, c) => sum + c.weight, 0);
  if (total === 0) return { matches: [], concepts, usesExamples, notAnswered: 0 };

  const scores = new Map<number, number>();
  for (const concept of concepts) {
    const best = new Map<number, number>();
    for (const alt of concept.alternatives) {
      const postings = alt.stems.map((s) => index.postings.get(s));
      const candidates = new Set<number>();
      for (const p of postings) if (p) for (const section of p.keys()) candidates.add(section);
      for (const section of candidates) {
        let sum = 0;
        for (const p of postings) sum += p?.get(section) ?? 0;
        const strength = (alt.factor * sum) / postings.length;
        if (strength > (best.get(section) ?? 0)) best.set(section, strength);
      }
    }
    for (const [section, strength] of best) scores.set(section, (scores.get(section) ?? 0) + concept.weight * strength);
  }

  const asked = new Set(concepts.flatMap((c) => c.alternatives.flatMap((a) => a.stems)));
  const headingCovered = (i: number) => {
    const heading = index.headingStems[i]!;
    if (heading.size === 0) return 0;
    let covered = 0;
    for (const s of heading) if (asked.has(s)) covered++;
    return covered / heading.size;
  };
  // The share of the question's adjacent word pairs the section also has side by side: on the
  // whole manual, "emergency banner" or "status page" tells the section about that from the many
  // that use both words apart. The right section came first for 63.4% of the whole manual's tuning
  // questions without pairs, 69.0% with them (npm run tune:manual).
  const { pairs } = read;
  const phrases = pairs.length ? phraseHits(index.phrases, pairs) : undefined;
  const lexical = (i: number) => {
    const covered = (1 - PARAMS.headingFit) * ((scores.get(i) ?? 0) / total) + PARAMS.headingFit * headingCovered(i);
    if (!phrases) return covered;
    return (covered + PARAMS.phrase * ((phrases.get(i) ?? 0) / pairs.length)) / (1 + PARAMS.phrase);
  };

  let ranked: { i: number; score: number; example?: number; likelihood?: number }[];
  let notAnswered = 0;
  let notAnsweredLikelihood: number | undefined;
  if (usesExamples) {
    // The section's own words, the way people ask for it, and what the classifier learnt from
    // those ways, blended: each alone misses questions the others catch (see README "Example
    // questions"). A section nobody wrote examples for is scored on its own words, not marked
    // down for having none; one the classifier does not cover, without the classifier.
    const features = questionFeatures(read);
    const near = nearestExamples(index.examples, features, PARAMS.examples.nearest);
    const classified = classifyQuestion(index.examples, features);
    notAnswered = near.notAnswered;
    if (classified?.covers(NOT_ANSWERED)) notAnsweredLikelihood = classified.probabilities.get(NOT_ANSWERED);
    const w = PARAMS.examples.weight;
    const c = PARAMS.examples.classifier.weight;
    ranked = [...new Set([...scores.keys(), ...near.bySection.keys()])].map((i) => {
      const own = lexical(i);
      if (!index.examples.written.has(i)) return { i, score: own };
      const example = near.bySection.get(i) ?? 0;
      if (!classified?.covers(i)) return { i, score: (own + w * example) / (1 + w), example };
      const likelihood = classified.probabilities.get(i) ?? 0;
      return { i, score: (own + w * example + c * likelihood) / (1 + w + c), example, likelihood };
    });
  } else {
    ranked = [...scores.keys()].map((i) => ({ i, score: lexical(i) }));
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const matches = ranked
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, limit)
    .map(({ i, score, example, likelihood }): Match => {
      const match: Match = { section: index.sections[i]!, score: round(score) };
      if (example !== undefined) match.example = round(example);
      if (likelihood !== undefined) match.likelihood = round(likelihood);
      return match;
    });
  const result: SearchResult = { matches, concepts, usesExamples, notAnswered: round(notAnswered) };
  if (notAnsweredLikelihood !== undefined) result.notAnsweredLikelihood = round(notAnsweredLikelihood);
  return result;
}
