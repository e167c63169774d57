import type { Problem } from '../manual/types.js';
import type { Section } from '../sections/types.js';
import { buildIndex, type SearchIndex } from './buildIndex.js';
import type { ExampleQuestion } from './exampleQuestions.js';
import { buildExampleIndex, NOT_ANSWERED } from './nearestExamples.js';
import { questionFeatures, readQuestion } from './search.js';
import type { SynonymList } from './synonyms.js';

/** A manual's search index: its sections and synonyms, with its example questions added. */
export function buildSearchIndex(sections: Section[], synonyms: SynonymList, examples: ExampleQuestion[]): ReturnType<typeof indexExamples> {
  return indexExamples(buildIndex(sections, synonyms, examples.map((e) => e.question)), examples);
}

/**
 * Adds example questions to a search index, each read the way a question is (typos corrected,
 * synonyms matched), so an example and a question that say the same thing end up with the same
 * stems. An example filed under a page or heading the manual does not have is a problem, skipped.
 * Each section's heading counts as one of its examples too: it is how the manual itself names
 * the topic, so a question that is just the heading is near it. Sections nobody wrote examples
 * for are ranked on their own words alone (see search.ts).
 */
export function indexExamples(index: SearchIndex, examples: ExampleQuestion[]): { index: SearchIndex; problems: Problem[]; indexed: number } {
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
  }
  const indexed = owned.length;
  // No example could be used: the index stays as it was, ranked on the manual's words alone.
  if (indexed === 0) return { index, problems: [...problems.values()], indexed };
  index.sections.forEach((s, i) => owned.push({ owner: i, features: questionFeatures(readQuestion(index, s.heading)), heading: true }));
  return { index: { ...index, examples: buildExampleIndex(owned) }, problems: [...problems.values()], indexed };
}
