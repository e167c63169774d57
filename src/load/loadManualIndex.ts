import { existsSync } from 'node:fs';
import path from 'node:path';
import { type ManualSource, SHIPPED_MANUAL_DIR } from '../config.js';
import { loadManual, NoPagesError } from '../manual/loadManual.js';
import type { Problem } from '../manual/types.js';
import type { SearchIndex } from '../search/buildIndex.js';
import { buildSearchIndexSteps } from '../search/indexExamples.js';
import { runStepsYielding } from '../steps.js';
import { loadSynonyms, SynonymFileError, type SynonymList } from '../search/synonyms.js';
import { splitSections } from '../sections/splitSections.js';
import { chooseExamples } from './chooseExamples.js';
import { type PageOutline, pageOutlines } from '../sections/pageOutline.js';
import type { Section } from '../sections/types.js';

/** Everything the bot answers from, built once when the manual loads (not on every question). */
export interface ManualIndex {
  /** Where the pages are published (MANUAL_BASE_URL); the manual's own home page is `${baseUrl}.html`. */
  baseUrl: string;
  pageCount: number;
  sections: Section[];
  /** Each page's intro and sections, by page file: a question about a page as a whole is answered with these. */
  pages: Map<string, PageOutline>;
  search: SearchIndex;
  problems: Problem[];
  /** How many example questions were read and indexed, and from where (see chooseExamples). */
  exampleQuestions: number;
  examplesDir?: string;
  /** Example question files or entries that could not be used (skipped; the pages still serve). */
  exampleProblems: Problem[];
  synonymsFile?: string;
  loadedAt: Date;
}

/** The synonyms file: SYNONYMS_FILE, else `synonyms.yml` in MANUAL_DIR, else the shipped one. */
export function synonymsFileFor(source: ManualSource): string | undefined {
  return source.synonymsFile ?? besideManual(source, 'synonyms.yml');
}

/** The GOV.UK vocabulary (see manual/govuk-vocabulary.yml): in MANUAL_DIR, else the shipped one. */
export function vocabularyFileFor(source: ManualSource): string | undefined {
  return besideManual(source, 'govuk-vocabulary.yml');
}

function besideManual(source: ManualSource, name: string): string | undefined {
  for (const dir of [source.dir, SHIPPED_MANUAL_DIR]) {
    const file = path.join(dir, name);
    if (existsSync(file)) return file;
  }
  return undefined;
}

/** The synonyms and the vocabulary, as one list, longest phrases first; a file that cannot be read is a problem, skipped. */
export function readSynonyms(files: (string | undefined)[], problems: Problem[]): SynonymList {
  const list: SynonymList = [];
  for (const file of files) {
    if (!file) continue;
    try {
      list.push(...loadSynonyms(file));
    } catch (err) {
      const message = err instanceof SynonymFileError ? err.message : `cannot read synonyms: ${(err as Error).message}`;
      problems.push({ file, message });
    }
  }
  return list.sort((a, b) => b.phrase.length - a.phrase.length);
}

/** Loads, splits and indexes the manual. Bad pages are in `problems`; no pages at all throws. */
export async function loadManualIndex(source: ManualSource): Promise<ManualIndex> {
  const { pages, problems } = await loadManual(source.dir, source.baseUrl);
  if (pages.length === 0) throw new NoPagesError(`no page of ${source.dir} could be loaded`, problems);
  const sections: Section[] = [];
  for (const page of pages) {
    try {
      sections.push(...splitSections(page));
    } catch (err) {
      problems.push({ file: page.file, message: `cannot be split into sections: ${(err as Error).message}` });
    }
    // Parsing the whole manual takes seconds: yield between pages so a reload in the background
    // never holds up requests for longer than one page.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  const examples = chooseExamples(source, new Set(pages.map((p) => p.file)));
  const synonymsFile = synonymsFileFor(source);
  const synonyms = readSynonyms([synonymsFile, vocabularyFileFor(source)], problems);
  // In steps, for the same reason as the pages above: with 12,000 example questions, indexing
  // them and training the classifier takes about a second, which a reload must not take from
  // questions in one go.
  const indexed = await runStepsYielding(buildSearchIndexSteps(sections, synonyms, examples.examples));
  return {
    baseUrl: source.baseUrl.replace(/\/+$/, ''),
    pageCount: pages.length,
    sections,
    pages: pageOutlines(sections),
    search: indexed.index,
    problems,
    exampleQuestions: indexed.indexed,
    ...(examples.dir ? { examplesDir: examples.dir } : {}),
    exampleProblems: [...examples.problems, ...indexed.problems],
    synonymsFile,
    loadedAt: new Date(),
  };
}
