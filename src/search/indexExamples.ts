import type { Problem } from '../manual/types.js';
import type { Section } from '../sections/types.js';
import { buildIndexSteps, type SearchIndex } from './buildIndex.js';
import type { ExampleQuestion } from './exampleQuestions.js';
import { buildExampleIndexSteps, NOT_ANSWERED } from './nearestExamples.js';
import { runSteps, type Steps } from '../steps.js';
import { questionFeatures, readQuestion } from './readQuestion.js';
import type { SynonymList } from './synonyms.js';

/** A manual's search index: its sections and synonyms, with its example questions added. */
export function buildSearchIndex(sections: Section[], synonyms: SynonymList, examples: ExampleQuestion[]): IndexedExamples {
  return runSteps(buildSearchIndexSteps(sections, synonyms, examples));
}

/** buildSearchIndex in steps (see steps.ts), for a rebuild while serving. */
export function* buildSearchIndexSteps(sections: Section[], synonyms: SynonymList, examples: ExampleQuestion[]): Steps<IndexedExamples> {
  const index = yield* buildIndexSteps(sections, synonyms, examples.map((e) => e.question));
  return yield* indexExamplesSteps(index, examples);
}

export interface IndexedExamples {
  index: SearchIndex;
  problems: Problem[];
  indexed: number;
}

/** Example questions read between steps (see steps.ts). */
const READ_PER_STEP = 250;

/**
 * Adds example questions to a search index, each read the way a question is (typos corrected,
 * synonyms matched), so an example and a question that say the same thing end up with the same
 * stems. An example filed under a page or heading the manual does not have is a problem, skipped.
 * Each section's heading counts as one of its examples too: it is how the manual itself names
 * the topic, so a question that is just the heading is near it. Sections nobody wrote examples
 * for are ranked on their own words alone (see search.ts).
 */
export function indexExamples(index: SearchIndex, examples: ExampleQuestion[]): IndexedExamples {
  return runSteps(indexExamplesSteps(index, examples));
}

function* indexExamplesSteps(index: SearchIndex, examples: ExampleQuestion[]): Steps<IndexedExamples> {
  // A heading repeated on a page (rare) files its examples under the first section of that name.
  const byKey = new Map<string, number>();
  index.sections.forEach((s, i) => {
    const key = `${s.page.file}\n${s.heading}`;
    if (!byKey.has(key)) byKey.set(key, i);
  });
  const pages = new Set(index.sections.map((s) => s.page.file));
  const problems = new Map<string, Problem>();
  const owned: { owner: number; features: Set<string>; heading?: boolean }[] = [];
  for (const example of examples) {
    let owner = NOT_ANSWERED;
    if (example.answer) {
      const { file, heading } = example.answer;
      const found = byKey.get(`${file}\n${heading}`);
      if (found === undefined) {
        const message = pages.has(file) ? `no section "${heading}" on ${file}; its example questions are skipped` : `no page ${file} in the manual; its example questions are skipped`;
        problems.set(`${example.source}\n${message}`, { file: example.source, line: example.line, message });
        continue;
      }
      owner = found;
    }
    owned.push({ owner, features: questionFeatures(readQuestion(index, example.question)) });
    if (owned.length % READ_PER_STEP === 0) yield;
  }
  const indexed = owned.length;
  // No example could be used: the index stays as it was, ranked on the manual's words alone.
  if (indexed === 0) return { index, problems: [...problems.values()], indexed };
  for (const [i, s] of index.sections.entries()) owned.push({ owner: i, features: questionFeatures(readQuestion(index, s.heading)), heading: true });
  return { index: { ...index, examples: yield* buildExampleIndexSteps(owned, index.pageOf) }, problems: [...problems.values()], indexed };
}
