import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SHIPPED_MANUAL_DIR } from '../src/config.js';
import { EXAMPLES_FOLDER, type ExampleQuestion, parseExampleQuestions } from '../src/search/exampleQuestions.js';
import type { Section } from '../src/sections/types.js';

/**
 * A folder's example questions (by default the shipped page's), one set per file: each file is
 * one writer's, written apart from the others.
 */
export function readWriters(folder = path.join(SHIPPED_MANUAL_DIR, EXAMPLES_FOLDER)): { name: string; examples: ExampleQuestion[] }[] {
  const writers = readdirSync(folder)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => ({ name: f, examples: parseExampleQuestions(readFileSync(path.join(folder, f), 'utf8'), f).examples }));
  if (writers.length < 2) throw new Error(`needs at least two example question files in ${folder}`);
  return writers;
}

/** Whether `section` is the one the example question is filed under. */
export function answers(example: ExampleQuestion, section: Section | undefined): boolean {
  return !!example.answer && !!section && example.answer.heading === section.heading && example.answer.file === section.page.file;
}
