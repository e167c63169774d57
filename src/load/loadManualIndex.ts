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

export function synonymsFileFor(source: ManualSource): string | undefined {
  if (source.synonymsFile) return source.synonymsFile;
  for (const dir of [source.dir, SHIPPED_MANUAL_DIR]) {
    const file = path.join(dir, 'synonyms.yml');
    if (existsSync(file)) return file;
  }
  return undefined;
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
  let synonyms: SynonymList = [];
  if (synonymsFile) {
    try {
      synonyms = loadSynonyms(synonymsFile);
    } catch (err) {
      const message = err instanceof SynonymFileError ? err.message : `cannot read synonyms: ${(err as Error).message}`;
      problems.push({ file: synonymsFile, message });
    }
  }
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
