import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { isStopWord, stem, words } from './tokenize.js';

/**
 * Synonyms map what people say to what the manual says: `offboarding` -> `leavers`. They live in a
 * YAML file beside the manual (see manual/synonyms.yml) so the team that owns the manual can edit
 * them without touching code. Matching is on whole words as written (not stems), so that a phrase
 * like "leaving" can point at leavers while "annual leave" does not.
 */
export interface Synonym {
  /** The words of the phrase a person might type, lowercased. */
  phrase: string[];
  /** Stems of what the manual calls it. */
  target: string[];
}

export type SynonymList = Synonym[];

export class SynonymFileError extends Error {}

export function parseSynonyms(text: string, source = 'synonyms'): SynonymList {
  let data: unknown;
  try {
    data = yaml.load(text, { json: true });
  } catch (err) {
    throw new SynonymFileError(`${source}: not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  if (data === undefined || data === null) return [];
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new SynonymFileError(`${source}: expected a mapping of "manual term: [what people say, ...]"`);
  }
  const list: SynonymList = [];
  for (const [target, phrases] of Object.entries(data as Record<string, unknown>)) {
    if (!Array.isArray(phrases)) throw new SynonymFileError(`${source}: "${target}" should list phrases, e.g. [offboarding, quitting]`);
    const targetStems = words(target).filter((w) => !isStopWord(w)).map(stem);
    for (const phrase of phrases) {
      const phraseWords = words(String(phrase));
      if (phraseWords.length && targetStems.length) list.push({ phrase: phraseWords, target: targetStems });
    }
  }
  // Longest phrases first, so "new starter" wins over "new".
  return list.sort((a, b) => b.phrase.length - a.phrase.length);
}

export function loadSynonyms(file: string): SynonymList {
  return parseSynonyms(readFileSync(file, 'utf8'), file);
}
