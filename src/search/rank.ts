import type { Section } from '../sections/types.js';
import type { SearchIndex } from './buildIndex.js';
import { classifyQuestion, NOT_ANSWERED, nearestExamples, pageSimilarities } from './nearestExamples.js';
import { PARAMS } from './params.js';
import { type KeywordTargets, keywordTargets } from './keywords.js';
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
  /** 0..1: the section's own words alone (the lexical score), however the score blends in the rest. */
  words: number;
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
  /** For a keyword query, the sections it points at (see keywords.ts), best first. */
  keywords?: { kind: KeywordTargets['kind']; sections: Section[] };
  /**
   * In a manual of many pages with example questions: how much of the question the best match's
   * page does not account for, by its words or by its examples' (see unexplained()).
   */
  unexplained?: Unexplained;
}

/**
 * The question's words that the best page does not account for: neither its sections' text nor
 * its example questions use them (or a synonym or correction of them). A question the manual does
 * not answer is often on a page's topic but asks for something it never mentions ("rotate the
 * Zendesk token"); people's own words for what a page does say are usually in its examples.
 * `share`: their weight (idf) over the question's; `most`: the weight of the rarest of them.
 */
export interface Unexplained {
  share: number;
  most: number;
}
export function search(index: SearchIndex, question: string, limit = 5): SearchResult {
  const read = readQuestion(index, question);
  const { concepts } = read;
  const usesExamples = index.examples.count > 0;
  const total = concepts.reduce((sum, c) => sum + c.weight, 0);
  if (total === 0) return { matches: [], concepts, usesExamples, notAnswered: 0 };

  // Pages are scored as wholes too, where a manual has more than one and example questions (see
  // below): a concept counts for a page as strongly as for its best section.
  const byPage = usesExamples && index.pageTitleStems.length > 1;
  // Dense arrays over the sections, not maps: a common word reaches most sections of a large
  // manual, and this loop is a large part of a question's time there (npm run bench).
  const n = index.sections.length;
  const sectionScores = new Float64Array(n);
  /** The sections any concept reached, in the order first reached, and a flag for each. */
  const scored: number[] = [];
  const isScored = new Uint8Array(n);
  const pageScores = new Map<number, number>();
  /** For each concept, the pages whose text has it. */
  const conceptPages: Set<number>[] = [];
  const best = new Float64Array(n);
  const reached: number[] = [];
  const reach = (section: number, strength: number) => {
    if (strength > best[section]!) {
      if (best[section] === 0) reached.push(section);
      best[section] = strength;
    }
  };
  for (const concept of concepts) {
    for (const alt of concept.alternatives) {
      if (alt.stems.length === 1) {
        // Most alternatives are one stem: its posting is the answer, with nothing to average.
        for (const [section, strength] of index.postings.get(alt.stems[0]!) ?? []) reach(section, alt.factor * strength);
        continue;
      }
      const postings = alt.stems.map((s) => index.postings.get(s));
      const candidates = new Set<number>();
      for (const p of postings) if (p) for (const section of p.keys()) candidates.add(section);
      for (const section of candidates) {
        let sum = 0;
        for (const p of postings) sum += p?.get(section) ?? 0;
        reach(section, (alt.factor * sum) / postings.length);
      }
    }
    for (const section of reached) {
      if (!isScored[section]) {
        isScored[section] = 1;
        scored.push(section);
      }
      sectionScores[section] = sectionScores[section]! + concept.weight * best[section]!;
    }
    if (byPage) {
      const bestOfPage = new Map<number, number>();
      for (const section of reached) {
        const page = index.pageOf[section]!;
        if (best[section]! > (bestOfPage.get(page) ?? 0)) bestOfPage.set(page, best[section]!);
      }
      for (const [page, strength] of bestOfPage) pageScores.set(page, (pageScores.get(page) ?? 0) + concept.weight * strength);
      conceptPages.push(new Set(bestOfPage.keys()));
    }
    for (const section of reached) best[section] = 0;
    reached.length = 0;
  }

  const asked = new Set(concepts.flatMap((c) => c.alternatives.flatMap((a) => a.stems)));
  const covers = (heading: Set<string>) => {
    if (heading.size === 0) return 0;
    let covered = 0;
    for (const s of heading) if (asked.has(s)) covered++;
    return covered / heading.size;
  };
  const headingCovered = (i: number) => covers(index.headingStems[i]!);
  // The share of the question's adjacent word pairs the section also has side by side: on the
  // whole manual, "emergency banner" or "status page" tells the section about that from the many
  // that use both words apart (PARAMS.phrase: npm run tune:lexical).
  const { pairs } = read;
  const phrases = pairs.length ? phraseHits(index.phrases, pairs) : undefined;
  const blend = (covered: number, pairHits: number) => (phrases ? (covered + PARAMS.phrase * (pairHits / pairs.length)) / (1 + PARAMS.phrase) : covered);
  const lexical = (i: number) => blend((1 - PARAMS.headingFit) * (sectionScores[i]! / total) + PARAMS.headingFit * headingCovered(i), phrases?.get(i) ?? 0);
  // A page's own words, as a whole: its title in place of a heading, its best section's pairs.
  const pagePairs = new Map<number, number>();
  if (byPage && phrases) for (const [i, hits] of phrases) pagePairs.set(index.pageOf[i]!, Math.max(pagePairs.get(index.pageOf[i]!) ?? 0, hits));
  const pageLexical = (p: number) => blend((1 - PARAMS.headingFit) * ((pageScores.get(p) ?? 0) / total) + PARAMS.headingFit * covers(index.pageTitleStems[p]!), pagePairs.get(p) ?? 0);

  let ranked: { i: number; score: number; example?: number; likelihood?: number; words?: number }[];
  let notAnswered = 0;
  let notAnsweredLikelihood: number | undefined;
  if (usesExamples) {
    // The section's own words, the way people ask for it, and what the classifier learnt from
    // those ways, blended: each alone misses questions the others catch (see
    // docs/how-it-answers.md). A section nobody wrote examples for is scored on its own words, not marked
    // down for having none; one the classifier does not cover, without the classifier.
    //
    // In a manual of many pages, each with a few examples a section, the page counts as a whole
    // as well: its words (pageLexical) and its examples pooled (pageSimilarities) are added to
    // each of its sections' scores, so the right page comes first more often, and its sections
    // then compete on their own words and examples.
    const features = questionFeatures(read);
    const profile = byPage ? PARAMS.pages : PARAMS.examples;
    const near = nearestExamples(index.examples, features, profile.nearest);
    const classified = classifyQuestion(index.examples, features);
    notAnswered = near.notAnswered;
    if (classified?.covers(NOT_ANSWERED)) notAnsweredLikelihood = classified.probabilities.get(NOT_ANSWERED);
    const w = profile.weight;
    const c = PARAMS.examples.classifier.weight;
    const pageSims = byPage ? pageSimilarities(index.examples, features) : undefined;
    const pageWeight = byPage ? PARAMS.pages.pageExamples + PARAMS.pages.pageWords : 0;
    // Worked out once a page: most sections of the manual are near some example (function words
    // reach most of them), so a question scores hundreds of sections.
    const pageParts = new Map<number, number>();
    const ofPage = (i: number) => {
      if (!byPage) return 0;
      const p = index.pageOf[i]!;
      let part = pageParts.get(p);
      if (part === undefined) {
        part = PARAMS.pages.pageExamples * (pageSims?.get(p) ?? 0) + PARAMS.pages.pageWords * pageLexical(p);
        pageParts.set(p, part);
      }
      return part;
    };
    ranked = [...new Set([...scored, ...near.bySection.keys()])].map((i) => {
      // A section none of whose words the question uses scores nothing on its own words (its
      // heading and word pairs are words of it too), however near its examples.
      const words = isScored[i] ? lexical(i) : 0;
      const own = words + ofPage(i);
      if (!index.examples.written.has(i)) return { i, score: own / (1 + pageWeight), words };
      const example = near.bySection.get(i) ?? 0;
      if (!classified?.covers(i)) return { i, score: (own + w * example) / (1 + w + pageWeight), example, words, likelihood: classified?.pooled };
      const likelihood = classified.probabilities.get(i) ?? 0;
      return { i, score: (own + w * example + c * likelihood) / (1 + w + c + pageWeight), example, likelihood, words };
    });
  } else {
    ranked = scored.map((i) => ({ i, score: lexical(i) }));
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  ranked.sort((a, b) => b.score - a.score || a.i - b.i);
  const matches = ranked
    .slice(0, limit)
    .map(({ i, score, example, likelihood, words }): Match => {
      const match: Match = { section: index.sections[i]!, score: round(score), words: round(words ?? score) };
      if (example !== undefined) match.example = round(example);
      if (likelihood !== undefined) match.likelihood = round(likelihood);
      return match;
    });
  const result: SearchResult = { matches, concepts, usesExamples, notAnswered: round(notAnswered) };
  if (notAnsweredLikelihood !== undefined) result.notAnsweredLikelihood = round(notAnsweredLikelihood);
  if (byPage && ranked[0]) result.unexplained = unexplained(index, concepts, conceptPages, index.pageOf[ranked[0].i]!);
  const keywords = keywordTargets(index, read.words, concepts, ranked.map((r) => r.i));
  if (keywords) result.keywords = { kind: keywords.kind, sections: keywords.sections.map((i) => index.sections[i]!) };
  return result;
}

function unexplained(index: SearchIndex, concepts: Concept[], conceptPages: Set<number>[], page: number): Unexplained {
  const examples = index.examples.pages?.postings;
  let total = 0;
  let missing = 0;
  let most = 0;
  concepts.forEach((c, k) => {
    total += c.weight;
    if (conceptPages[k]?.has(page)) return;
    if (c.alternatives.some((a) => a.stems.some((s) => examples?.get(s)?.some((e) => e.page === page)))) return;
    missing += c.weight;
    most = Math.max(most, c.weight);
  });
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { share: total ? round(missing / total) : 0, most: round(most) };
}
