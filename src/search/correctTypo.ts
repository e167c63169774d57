import { bucketKeys, type SearchIndex, type VocabularyWord } from './buildIndex.js';
import { editDistance } from './editDistance.js';

/** Edits allowed for a typo in a word of this length: none for short words, where any edit is another word. */
function allowedEdits(length: number): number {
  if (length < 4) return 0;
  if (length < 7) return 1;
  return 2;
}

/** The vocabulary word a misspelt word most likely meant, if one is close enough. */
export function correct(index: SearchIndex, word: string): VocabularyWord | null {
  const cached = index.corrections.get(word);
  if (cached !== undefined) return cached;
  let best: VocabularyWord | null = null;
  const max = allowedEdits(word.length);
  if (max > 0 && /^[a-z]+$/.test(word)) {
    // Words with the same first letter first; only if none is close enough, words with the same
    // last letter (a typo in the first letter). Most typos are settled by the first pass.
    for (const which of [0, 1] as const) {
      let bestDistance = Infinity;
      // Two neighbours swapped ("crad" for "card") is one edit, but fuse.js scores it as two
      // substitutions and can miss it in a short word: each swap is looked up directly.
      if (which === 0) {
        for (let i = 0; i + 1 < word.length; i++) {
          const swapped = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
          const item = index.words.get(swapped);
          if (item && (1 < bestDistance || (best && item.uses > best.uses))) {
            best = item;
            bestDistance = 1;
          }
        }
      }
      for (let length = word.length - max; length <= word.length + max; length++) {
        const bucket = index.fuzzy.get(bucketKeys(word, length)[which]);
        for (const { item } of bucket?.search(word, { limit: 10 }) ?? []) {
          const d = editDistance(word, item.word, max);
          if (d > max) continue;
          if (d < bestDistance || (d === bestDistance && best && item.uses > best.uses)) {
            best = item;
            bestDistance = d;
          }
        }
      }
      if (best) break;
    }
  }
  if (index.corrections.size > 10_000) index.corrections.clear();
  index.corrections.set(word, best);
  return best;
}
