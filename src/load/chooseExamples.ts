import { existsSync } from 'node:fs';
import path from 'node:path';
import { type ManualSource, SHIPPED_GOVUK_EXAMPLES_DIR } from '../config.js';
import type { Problem } from '../manual/types.js';
import { EXAMPLES_FOLDER, type ExampleQuestion, loadExampleQuestions } from '../search/exampleQuestions.js';

export interface ChosenExamples {
  /** The folder they were read from; undefined when the manual is served without examples. */
  dir?: string;
  examples: ExampleQuestion[];
  problems: Problem[];
}

/**
 * The example questions a manual is served with. Examples belong to the manual they were written
 * for ("not answered" ones above all: another manual may answer them), so:
 * - EXAMPLES_DIR names a folder: those, and every page or heading they name that the manual does
 *   not have is reported;
 * - EXAMPLES_DIR=off: none;
 * - otherwise the manual's own `example-questions/` folder if it has one (the shipped page has),
 *   else the shipped set for the whole GOV.UK manual, if this is that manual: at least half the
 *   pages the set names are in it. Then a page removed or renamed upstream is reported as stale,
 *   and a manual that is another one altogether is served on its own words, without warnings.
 */
export function chooseExamples(source: ManualSource, pageFiles: ReadonlySet<string>): ChosenExamples {
  if (source.examplesDir === false) return { examples: [], problems: [] };
  if (source.examplesDir) return { dir: source.examplesDir, ...loadExampleQuestions(source.examplesDir) };
  const own = path.join(source.dir, EXAMPLES_FOLDER);
  if (existsSync(own)) return { dir: own, ...loadExampleQuestions(own) };
  const shipped = loadExampleQuestions(SHIPPED_GOVUK_EXAMPLES_DIR);
  const named = new Set(shipped.examples.flatMap((e) => (e.answer ? [e.answer.file] : [])));
  const present = [...named].filter((file) => pageFiles.has(file)).length;
  if (named.size === 0 || present < named.size / 2) return { examples: [], problems: [] };
  return { dir: SHIPPED_GOVUK_EXAMPLES_DIR, ...shipped };
}
