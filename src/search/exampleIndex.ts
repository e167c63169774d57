import type { Problem } from '../manual/types.js';
import type { SearchIndex } from './buildIndex.js';
import type { ExampleQuestion } from './exampleQuestions.js';
import { buildExampleIndex, NOT_ANSWERED } from './nearestExamples.js';
import { analyseQuestion, questionStems } from './search.js';

/**
 * Adds example questions to a search index, each read the way a question is (typos corrected,
 * synonyms matched), so an example and a question that say the same thing end up with the same
 * stems. An example filed under a page or heading the manual does not have is a problem, skipped.
 * Each section's heading counts as one of its examples too: it is how the manual itself names
 * the topic, so a section nobody wrote examples for, or a question that is just the heading,
 * is not outscored by sections that have them.
 */
export function indexExamples(index: SearchIndex, examples: ExampleQuestion[]): { index: SearchIndex; problems: Problem[]; indexed: number } {
  const byKey = new Map(index.sections.map((s, i) => [`${s.page.file}\n${s.heading}`, i]));
  const pages = new Set(index.sections.map((s) => s.page.file));
  const problems = new Map<string, Problem>();
  const owned: { owner: number; stems: Set<string> }[] = [];
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
    owned.push({ owner, stems: questionStems(analyseQuestion(index, example.question)) });
  }
  const indexed = owned.length;
  if (examples.length) {
    index.sections.forEach((s, i) => owned.push({ owner: i, stems: questionStems(analyseQuestion(index, s.heading)) }));
  }
  return { index: { ...index, examples: buildExampleIndex(owned) }, problems: [...problems.values()], indexed };
}
