import { isContentWord, stem } from './tokenize.js';

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

/**
 * `sections[i]`: the stems of section i's texts, one list a text, so that no pair crosses from one
 * text to the next (buildIndex has them already, from tokenising the section for its words).
 */
export function buildPhraseIndex(sections: string[][][]): PhraseIndex {
  const index: PhraseIndex = new Map();
  sections.forEach((texts, i) => {
    const seen = new Set<string>();
    for (const stems of texts) {
      for (const pair of stemPairs(stems)) {
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

/** For each section, how many of `pairs` (each listed once) it uses. */
export function phraseHits(index: PhraseIndex, pairs: string[]): Map<number, number> {
  const hits = new Map<number, number>();
  for (const pair of pairs) for (const i of index.get(pair) ?? []) hits.set(i, (hits.get(i) ?? 0) + 1);
  return hits;
}
