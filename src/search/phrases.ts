import { isContentWord, stem, tokenize } from './tokenize.js';

/**
 * Adjacent content words as one key ("emerg banner"): a section that says "emergency banner"
 * is about that, where one that says "emergency" in one place and "banner" in another may not be.
 * Stop words are skipped, so "deploy the banner" and "deploy banner" give the same pair.
 */
export function stemPairs(stems: string[]): string[] {
  const pairs: string[] = [];
  for (let i = 0; i + 1 < stems.length; i++) pairs.push(`${stems[i]} ${stems[i + 1]}`);
  return pairs;
}

/** The stems of a question's content words, in order (words as read: typos already corrected). */
export function contentStems(words: string[]): string[] {
  return words.filter(isContentWord).map(stem);
}

/** pair -> the sections whose page title, heading, subheadings or body use it, each listed once. */
export type PhraseIndex = Map<string, number[]>;

export function buildPhraseIndex(texts: string[][]): PhraseIndex {
  const index: PhraseIndex = new Map();
  texts.forEach((sectionTexts, i) => {
    const seen = new Set<string>();
    for (const text of sectionTexts) {
      for (const pair of stemPairs(tokenize(text).map((t) => t.stem))) {
        if (seen.has(pair)) continue;
        seen.add(pair);
        const list = index.get(pair);
        if (list) list.push(i);
        else index.set(pair, [i]);
      }
    }
  });
  return index;
}

/** For each section, how many of `pairs` it uses. */
export function phraseHits(index: PhraseIndex, pairs: string[]): Map<number, number> {
  const hits = new Map<number, number>();
  for (const pair of new Set(pairs)) for (const i of index.get(pair) ?? []) hits.set(i, (hits.get(i) ?? 0) + 1);
  return hits;
}
