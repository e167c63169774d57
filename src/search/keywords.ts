import type { SearchIndex } from './buildIndex.js';
import { PARAMS } from './params.js';
import type { Concept } from './readQuestion.js';

/**
 * The sections a keyword query points at. People use the bot like a search box (`/techlead
 * leavers`, `/techlead sentry`): one to three words as typed (PARAMS.keywords.maxWords), each
 * content word one the manual uses (or a synonym or a typo of one). Such a query points at, in order of strength:
 * - "heading": sections whose heading (a page title, for an intro) is just those words;
 * - "in heading": sections whose heading has every one of them;
 * - "key terms": sections whose text has every one of them, when at most
 *   PARAMS.keywords.keyTermSections sections do ("pagerduty", "acceptance criteria"): words that
 *   say where they are, unlike "team" or "work".
 * The strongest kind that any section has is returned, with those sections (best first, as
 * ranked); undefined when the question is no keyword query or points nowhere.
 */
export interface KeywordTargets {
  kind: 'heading' | 'in heading' | 'key terms';
  sections: number[];
}

export function keywordTargets(index: SearchIndex, words: string[], concepts: Concept[], ranked: number[]): KeywordTargets | undefined {
  const { maxWords, keyTermSections } = PARAMS.keywords;
  if (words.filter(Boolean).length > maxWords || concepts.length === 0 || concepts.some((c) => c.alternatives.length === 0)) return undefined;
  const inHeading = (i: number, c: Concept) => c.alternatives.some((a) => a.stems.every((s) => index.headingStems[i]!.has(s)));
  const inText = (i: number, c: Concept) => c.alternatives.some((a) => a.stems.every((s) => index.postings.get(s)?.has(i)));
  const asked = new Set(concepts.flatMap((c) => c.alternatives.flatMap((a) => a.stems)));
  const wholeHeading = (i: number) => [...index.headingStems[i]!].every((s) => asked.has(s));
  // Candidates: the sections with the first concept in their text (headings are text too).
  const candidates = new Set<number>();
  for (const a of concepts[0]!.alternatives) for (const s of a.stems) for (const i of index.postings.get(s)?.keys() ?? []) candidates.add(i);
  const order = (sections: number[]) => {
    const rank = new Map(ranked.map((i, r) => [i, r]));
    return sections.sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || a - b);
  };
  const headed = [...candidates].filter((i) => concepts.every((c) => inHeading(i, c)));
  const exact = headed.filter(wholeHeading);
  if (exact.length) return { kind: 'heading', sections: order(exact) };
  if (headed.length) return { kind: 'in heading', sections: order(headed) };
  const texts = [...candidates].filter((i) => concepts.every((c) => inText(i, c)));
  if (texts.length && texts.length <= keyTermSections) return { kind: 'key terms', sections: order(texts) };
  return undefined;
}
