import type { Section } from '../sections/types.js';
import { bucketKeys, type SearchIndex, type VocabularyWord } from './buildIndex.js';
import { editDistance } from './editDistance.js';
import { classifyQuestion, FUNCTION_WORD, nearestExamples, NOT_ANSWERED, WORD_PAIR } from './nearestExamples.js';
import { PARAMS } from './params.js';
import { contentStems, phraseHits, stemPairs } from './phrases.js';
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

/**
 * Slack wraps mentions, channels and links in angle brackets: keep a link's label, drop the rest,
 * and drop emoji codes and escaped characters.
 */
export function stripSlackMarkup(text: string): string {
  return text
    .replace(/<(?:https?|mailto):[^|>]*\|([^>]*)>/g, '$1')
    .replace(/<[@#!][^>]*>/g, ' ')
    .replace(/<([^>]*)>/g, '$1')
    // Emoji codes (":wave:") and the entities Slack escapes <, > and & to ("&gt;" starts a quote).
    .replace(/:[a-z0-9_+'-]+:/g, ' ')
    .replace(/&(?:gt|lt|amp);/g, ' ');
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
  const text = stripSlackMarkup(question);
  const all = words(text);
  const names = properNouns(text);
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
 * Measured across example writers (npm run tune:examples, 23 writers, each writer's questions
 * against the others' examples), the right section came first for 94.5% with stems alone, 96.8%
 * with function words, 97.2% with pairs too (weighed PARAMS.examples.pairs: 0.3 and 0.6 did
 * about as well, 1 worse). idf weighs "the" and "I" to almost nothing by itself.
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
  const fit = (i: number) => {
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
    const covered = (1 - PARAMS.headingFit) * ((scores.get(i) ?? 0) / total) + PARAMS.headingFit * fit(i);
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
