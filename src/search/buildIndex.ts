import Fuse from 'fuse.js';
import type { Section } from '../sections/types.js';
import { bodyStrength, type FieldName, FIELDS, sectionFields } from './fields.js';
import { PARAMS } from './params.js';
import { idfOf } from './idf.js';
import { buildExampleIndex, type ExampleIndex } from './nearestExamples.js';
import type { SynonymList } from './synonyms.js';
import { editDistance } from './editDistance.js';
import { isStopWord, stem as stemOf, tokenize } from './tokenize.js';
import { buildPhraseIndex, type PhraseIndex } from './phrases.js';
import { runSteps, type Steps } from '../steps.js';

/** A word of the index's vocabulary, for typo correction. */
export interface VocabularyWord {
  word: string;
  stem: string;
  /**
   * How many sections and example questions use it: ties between equally close corrections go to
   * the commoner word ("leavrs" is "leavers", not "leaves").
   */
  uses: number;
}

/**
 * An inverted index of sections by stem. Each posting holds how strongly the section is about the
 * stem (0..1, from the fields it appears in), so a query costs a few map look-ups, not a scan of
 * every body: that is what keeps questions under a few milliseconds on the whole manual.
 * fuse.js does what it is fast at: fuzzy matching of short strings, here the vocabulary, to
 * correct typos.
 */
export interface SearchIndex {
  sections: Section[];
  postings: Map<string, Map<number, number>>;
  /** Inverse document frequency of each stem (BM25's form, always > 0). */
  idf: Map<string, number>;
  /** idf of a stem no section has: as informative as the rarest stem. */
  unknownIdf: number;
  words: Map<string, VocabularyWord>;
  /**
   * fuse.js indexes of the vocabulary in small buckets, by first letter and length and by last
   * letter and length: a typo rarely changes both ends of a word, and a scan of a few hundred short
   * words costs microseconds where one over the whole manual's vocabulary costs tens of ms.
   */
  fuzzy: Map<string, Fuse<VocabularyWord>>;
  synonyms: SynonymList;
  /** Positions in `synonyms` of the phrases that start with each word, so a question only tries those. */
  synonymStarts: Map<string, number[]>;
  /** Content stems of each section's heading, to reward questions that cover a heading closely. */
  headingStems: Set<string>[];
  /** Each section's page, as an index into `pageTitleStems` (sections of a page are scored together too: see rank.ts). */
  pageOf: number[];
  /** Content stems of each page's title. */
  pageTitleStems: Set<string>[];
  /**
   * Pairs of adjacent words in each section's page title, heading, subheadings and body (see
   * phrases.ts). The title counts for every section of its page, as it does for words.
   */
  phrases: PhraseIndex;
  /** Corrections already worked out, since people repeat the same typos. */
  corrections: Map<string, VocabularyWord | null>;
  /** Example questions (see indexExamples.ts); empty until indexExamples adds them. */
  examples: ExampleIndex;
}

/** The fields whose pairs of adjacent words are indexed, besides the body. */
const PAIRED = new Set<FieldName>(['heading', 'subheading', 'pageTitle']);

const FUSE_OPTIONS = {
  keys: ['word'],
  includeScore: true,
  threshold: 0.4,
  ignoreLocation: true,
  isCaseSensitive: true,
  shouldSort: true,
};

/** The typo buckets a word of the vocabulary belongs to. */
export function bucketKeys(word: string, length = word.length): [string, string] {
  return [`first:${word[0]}:${length}`, `last:${word[word.length - 1]}:${length}`];
}

/**
 * `exampleQuestions`: the texts of the example questions, whose words join the vocabulary that
 * typos are corrected to (people misspell "imposter" too); indexExamples indexes the questions.
 */
export function buildIndex(sections: Section[], synonyms: SynonymList = [], exampleQuestions: string[] = []): SearchIndex {
  return runSteps(buildIndexSteps(sections, synonyms, exampleQuestions));
}

/** Sections indexed between steps (see steps.ts). */
const SECTIONS_PER_STEP = 100;
/** Example questions' words counted between steps. */
const EXAMPLES_PER_STEP = 1000;
/** Example questions' words checked for being typos of the manual's, between steps. */
const CHECKS_PER_STEP = 250;
/** Typo buckets made searchable (fuse.js indexes) between steps. */
const BUCKETS_PER_STEP = 200;

/** buildIndex in steps (see steps.ts), for a rebuild while serving. */
export function* buildIndexSteps(sections: Section[], synonyms: SynonymList = [], exampleQuestions: string[] = []): Steps<SearchIndex> {
  const postings = new Map<string, Map<number, number>>();
  const headingStems = sections.map((s) => new Set(tokenize(s.heading).map((t) => t.stem)));
  const pageNumbers = new Map<string, number>();
  const pageTitleStems: Set<string>[] = [];
  const pageOf = sections.map((s) => {
    let p = pageNumbers.get(s.page.file);
    if (p === undefined) {
      p = pageNumbers.size;
      pageNumbers.set(s.page.file, p);
      pageTitleStems.push(new Set(tokenize(s.page.title).map((t) => t.stem)));
    }
    return p;
  });
  const vocabulary = new Map<string, { stem: string; sections: Set<number> }>();
  // The stems of each section's title, heading, subheadings and body, text by text, for its pairs
  // of adjacent words (phrases.ts). Link texts and the page's `section` are left out: links are in
  // the body already, and the site section names a shelf, not a topic.
  const sequences: string[][][] = [];

  for (const [i, section] of sections.entries()) {
    if (i > 0 && i % SECTIONS_PER_STEP === 0) yield;
    const strengths = new Map<string, number>();
    const fields = sectionFields(section);
    const texts: string[][] = [];
    for (const field of FIELDS) {
      for (const text of fields[field]) {
        const tokens = tokenize(text);
        if (PAIRED.has(field)) texts.push(tokens.map((t) => t.stem));
        for (const { word, stem } of tokens) {
          strengths.set(stem, Math.max(strengths.get(stem) ?? 0, PARAMS.field[field]));
          note(vocabulary, word, stem, i);
        }
      }
    }
    const counts = new Map<string, number>();
    for (const text of fields.body) {
      const tokens = tokenize(text);
      texts.push(tokens.map((t) => t.stem));
      for (const { word, stem } of tokens) {
        counts.set(stem, (counts.get(stem) ?? 0) + 1);
        note(vocabulary, word, stem, i);
      }
    }
    sequences.push(texts);
    for (const [stem, count] of counts) strengths.set(stem, Math.max(strengths.get(stem) ?? 0, bodyStrength(count)));
    for (const [stem, strength] of strengths) {
      let posting = postings.get(stem);
      if (!posting) {
        posting = new Map();
        postings.set(stem, posting);
      }
      posting.set(i, strength);
    }
  }
  yield;

  const n = sections.length;
  const idf = new Map<string, number>();
  for (const [stem, posting] of postings) idf.set(stem, idfOf(n, posting.size));

  const uses = new Map<string, number>();
  for (const [k, q] of exampleQuestions.entries()) {
    if (k > 0 && k % EXAMPLES_PER_STEP === 0) yield;
    for (const word of new Set(tokenize(q).map((t) => t.word))) uses.set(word, (uses.get(word) ?? 0) + 1);
  }
  const words = new Map<string, VocabularyWord>();
  for (const [word, v] of vocabulary) {
    // Numbers and very short words are not worth correcting to: "2nd" is not a typo of "and".
    if (word.length >= 3 && /[a-z]/.test(word)) words.set(word, { word, stem: v.stem, uses: v.sections.size + (uses.get(word) ?? 0) });
  }
  // Words of synonym phrases and example questions can be misspelt too ("stnadup" for "standup").
  const usable = (word: string) => word.length >= 3 && /^[a-z]+$/.test(word) && !isStopWord(word) && !words.has(word);
  for (const word of synonyms.flatMap((s) => s.phrase)) if (usable(word)) words.set(word, { word, stem: stemOf(word), uses: uses.get(word) ?? 0 });
  // Example questions are typed by people, typos and all: a word they use that is an edit away
  // from one of the manual's ("leavrs") is taken for a typo, or it would stop that typo from being
  // corrected in every question: when only one example uses it, or when the manual's word is used
  // PARAMS.typoUses times as often ("responsibilites", typed by a few writers).
  // Only the manual's words with the same first letter and a length at most one apart are compared
  // (an edit away means that length; a typo in the first letter is not looked for): comparing every
  // word with every other held a reload up.
  const byInitialAndLength = new Map<string, string[]>();
  if (uses.size) {
    for (const w of words.keys()) {
      const key = `${w[0]}${w.length}`;
      const list = byInitialAndLength.get(key);
      if (list) list.push(w);
      else byInitialAndLength.set(key, [w]);
    }
  }
  const near = (word: string) => [-1, 0, 1].flatMap((d) => byInitialAndLength.get(`${word[0]}${word.length + d}`) ?? []);
  let checked = 0;
  for (const [word, count] of uses) {
    if (!usable(word)) continue;
    if (++checked % CHECKS_PER_STEP === 0) yield;
    if (near(word).some((w) => (count === 1 || words.get(w)!.uses >= PARAMS.typoUses * count) && editDistance(w, word, 1) <= 1)) continue;
    words.set(word, { word, stem: stemOf(word), uses: count });
  }
  yield;
  const buckets = new Map<string, VocabularyWord[]>();
  for (const w of words.values()) {
    for (const key of bucketKeys(w.word)) {
      const bucket = buckets.get(key);
      if (bucket) bucket.push(w);
      else buckets.set(key, [w]);
    }
  }
  yield;
  const fuzzy = new Map<string, Fuse<VocabularyWord>>();
  for (const [key, list] of buckets) {
    fuzzy.set(key, new Fuse(list, FUSE_OPTIONS));
    if (fuzzy.size % BUCKETS_PER_STEP === 0) yield;
  }
  yield;
  const phrases = buildPhraseIndex(sequences);
  yield;

  return {
    sections,
    postings,
    idf,
    unknownIdf: idfOf(n, 1),
    words,
    fuzzy,
    synonyms,
    synonymStarts: startsOf(synonyms),
    headingStems,
    pageOf,
    pageTitleStems,
    phrases,
    corrections: new Map(),
    examples: buildExampleIndex([]),
  };
}

function startsOf(synonyms: SynonymList): Map<string, number[]> {
  const starts = new Map<string, number[]>();
  synonyms.forEach((synonym, i) => {
    const first = synonym.phrase[0]!;
    const list = starts.get(first);
    if (list) list.push(i);
    else starts.set(first, [i]);
  });
  return starts;
}

function note(vocabulary: Map<string, { stem: string; sections: Set<number> }>, word: string, stem: string, i: number) {
  let v = vocabulary.get(word);
  if (!v) {
    v = { stem, sections: new Set() };
    vocabulary.set(word, v);
  }
  v.sections.add(i);
}
