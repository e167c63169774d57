import type { SearchIndex } from './buildIndex.js';
import { correct } from './correctTypo.js';
import { FUNCTION_WORD, WORD_PAIR } from './nearestExamples.js';
import { PARAMS } from './params.js';
import { contentStems, stemPairs } from './phrases.js';
import { isStopWord, stem, words } from './tokenize.js';

/** One way a concept of the question can show up in a section. */
interface Alternative {
  stems: string[];
  /** How much a match through this alternative is worth: 1 for the word itself, less for a synonym or a correction. */
  factor: number;
}
/** One thing the question asks about: a word, or a phrase a synonym matched, with its alternatives. */
export interface Concept {
  words: string[];
  /** How much the concept matters: its inverse document frequency. */
  weight: number;
  alternatives: Alternative[];
}

/**
 * Words written with a capital after a lower-case word or a comma on the same line ("is Priya
 * Patel leaving?"): names, not typos, so "Patel" is not corrected to "panel". A capital that
 * starts a sentence, a line, a quote or follows an emoji code says nothing, and neither do
 * capitals in text where every longer word has one ("Trello Crad Contents"): that is Title Case.
 */
export function properNouns(text: string): Set<string> {
  const names = new Set<string>();
  const long = text.match(/\b[A-Za-z][a-z]{3,}\b/g) ?? [];
  if (long.every((w) => /^[A-Z]/.test(w))) return names;
  for (const m of text.matchAll(/(?<=[a-z0-9,][ \t]+)[A-Z][a-z]+\b/g)) names.add(m[0].toLowerCase());
  return names;
}

/** A question as read: its words, typos corrected, its concepts, and its pairs of adjacent content words (each once). */
export interface ReadQuestion {
  words: string[];
  concepts: Concept[];
  pairs: string[];
}

/**
 * Reads a question. Misspelt words are corrected first (to a word of the manual, of a synonym
 * phrase or of an example question), then synonym phrases are matched, longest first, then every
 * other content word is a concept of its own.
 */
export function readQuestion(index: SearchIndex, question: string): ReadQuestion {
  const all = words(question);
  const names = properNouns(question);
  const typo = all.map((word, i) => {
    if (isStopWord(word) || word.length < 2 || index.words.has(word) || index.idf.has(stem(word))) return false;
    // A name neither the manual nor its examples use says who, not what: it is left out, rather
    // than corrected ("Patel" is not "panel") or counted against every section as an unknown topic
    // ("Priya Patel is leaving" fell under the threshold). A product nobody has written about,
    // capitalised mid-sentence ("GitHub Copilot"), is left out too; across writers and on the
    // evaluation sets, leaving names out or in made no difference.
    if (names.has(word)) {
      all[i] = '';
      return false;
    }
    const fix = correct(index, word);
    if (!fix) return false;
    all[i] = fix.word;
    return true;
  });
  const used = new Array<boolean>(all.length).fill(false);
  const concepts: Concept[] = [];
  const factor = (from: number, to: number) => (typo.slice(from, to).some(Boolean) ? PARAMS.typo : 1);

  // Synonym phrases, longest first (the list's order), each at its leftmost place first: only
  // the phrases that start with a word of the question are tried.
  const candidates: [number, number][] = [];
  all.forEach((word, i) => {
    for (const s of index.synonymStarts.get(word) ?? []) candidates.push([s, i]);
  });
  candidates.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (const [s, i] of candidates) {
    const synonym = index.synonyms[s]!;
    const n = synonym.phrase.length;
    if (i + n > all.length || used.slice(i, i + n).some(Boolean)) continue;
    if (!synonym.phrase.every((w, k) => all[i + k] === w)) continue;
    for (let k = i; k < i + n; k++) used[k] = true;
    const own = synonym.phrase.filter((w) => !isStopWord(w)).map(stem).filter((st) => index.idf.has(st));
    const f = factor(i, i + n);
    const alternatives: Alternative[] = [{ stems: synonym.target, factor: PARAMS.synonym * f }];
    if (own.length) alternatives.push({ stems: own, factor: f });
    concepts.push({ words: synonym.phrase, weight: weightOf(index, synonym.target), alternatives });
  }

  const seen = new Set<string>();
  all.forEach((word, i) => {
    if (used[i] || isStopWord(word) || word.length < 2) return;
    const s = stem(word);
    if (seen.has(s)) return;
    seen.add(s);
    if (index.idf.has(s)) {
      concepts.push({ words: [word], weight: weightOf(index, [s]), alternatives: [{ stems: [s], factor: factor(i, i + 1) }] });
      return;
    }
    // A word the manual never uses still counts against every section: a question about
    // "annual leave" is not answered by a section that only matches "leave".
    concepts.push({ words: [word], weight: index.unknownIdf * PARAMS.unknown, alternatives: [] });
  });
  // Each pair once: "swap shift swap shift" asks about one pair, not two of three.
  return { words: all, concepts, pairs: [...new Set(stemPairs(contentStems(all)))] };
}

/**
 * What a question is compared with example questions by: the stems its concepts can match
 * (typos corrected, synonyms' targets included), its function words, and its pairs of adjacent
 * content words. Ranking on the manual's own words drops function words, but between two
 * questions they carry the intent: "do I have to write all the cards myself?" and "what should
 * go in a card?" share every content word. Pairs tell "notice period" from a notice handed in.
 * Each kind of feature put the right section first more often across example writers (npm run
 * tune:examples; PARAMS.examples.pairs weighs pairs). idf weighs "the" and "I" to almost nothing.
 */
export function questionFeatures({ words: all, concepts, pairs }: ReadQuestion): Set<string> {
  const features = new Set<string>();
  for (const c of concepts) {
    if (c.alternatives.length === 0) for (const w of c.words) features.add(stem(w));
    for (const a of c.alternatives) for (const s of a.stems) features.add(s);
  }
  for (const w of all) if (isStopWord(w)) features.add(FUNCTION_WORD + w);
  for (const pair of pairs) features.add(`${WORD_PAIR}${pair}`);
  return features;
}

function weightOf(index: SearchIndex, stems: string[]): number {
  const known = stems.map((s) => index.idf.get(s)).filter((x): x is number => x !== undefined);
  return known.length ? Math.max(...known) : index.unknownIdf;
}
