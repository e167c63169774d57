import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import type { Problem } from '../manual/types.js';

/**
 * Example questions: how people actually ask for each section, written down beside the manual
 * (manual/example-questions/*.yml), plus questions people ask that the manual does not answer.
 * The ranker matches a question against them as well as against the sections themselves: people
 * say "someone handed in their notice", the section says "leavers", and an example that says it
 * the people's way bridges the two. The "not answered" ones let the bot recognise a question it
 * has no section for even when that question shares words with one ("how do I book annual leave").
 */
export interface ExampleQuestion {
  question: string;
  /** The section that answers it (page file relative to the manual folder, and heading); null if none does. */
  answer: { file: string; heading: string } | null;
  /** The file and line it was read from, to report a heading that names no section. */
  source: string;
  line?: number;
}

/** The folder of example question files inside a manual folder. */
export const EXAMPLES_FOLDER = 'example-questions';

export class ExampleFileError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

const SHAPE = 'expected "pages: {page file: {section heading: [questions]}}" and/or "not answered: [questions]"';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The 1-based line at or after `from` (0-based) that starts the mapping key `key`, quoted or not. */
function keyLine(lines: string[], key: string, from = 0): number | undefined {
  const pattern = new RegExp(`^\\s*(["']?)${escapeRegExp(key)}\\1\\s*:`);
  for (let i = from; i < lines.length; i++) if (pattern.test(lines[i]!)) return i + 1;
  return undefined;
}

const isMapping = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

/**
 * Reads one example questions file. YAML that does not parse (a repeated key included: it would
 * silently drop a list) or a file of the wrong shape throws, and the file is skipped; an entry
 * that is not a list of questions is a problem, skipped on its own.
 */
export function parseExampleQuestions(text: string, source: string): { examples: ExampleQuestion[]; problems: Problem[] } {
  let data: unknown;
  try {
    data = yaml.load(text);
  } catch (err) {
    const mark = (err as { mark?: { line?: number } }).mark;
    throw new ExampleFileError(`not valid YAML: ${(err as Error).message.split('\n')[0]}`, mark?.line === undefined ? undefined : mark.line + 1);
  }
  const examples: ExampleQuestion[] = [];
  const problems: Problem[] = [];
  if (data === undefined || data === null) return { examples, problems };
  if (!isMapping(data)) throw new ExampleFileError(SHAPE);
  const lines = text.split(/\r?\n/);

  const take = (value: unknown, name: string, line: number | undefined, answer: ExampleQuestion['answer']) => {
    const items = Array.isArray(value) ? value : [];
    const bad = !Array.isArray(value) || items.some((q) => typeof q !== 'string' || !q.trim());
    if (bad) problems.push({ file: source, line, message: `${name} should be a list of questions, each a line of text; skipped` });
    for (const q of items) if (typeof q === 'string' && q.trim()) examples.push({ question: q.trim(), answer, source, line });
  };

  for (const [key, value] of Object.entries(data)) {
    if (key === 'not answered') {
      take(value, '"not answered"', keyLine(lines, key), null);
    } else if (key === 'pages') {
      if (!isMapping(value)) throw new ExampleFileError('"pages" should map page files to {section heading: [questions]}', keyLine(lines, key));
      for (const [file, sections] of Object.entries(value)) {
        const pageLine = keyLine(lines, file);
        if (!isMapping(sections)) {
          problems.push({ file: source, line: pageLine, message: `"${file}" should map section headings to lists of questions; skipped` });
          continue;
        }
        for (const [heading, questions] of Object.entries(sections)) {
          take(questions, `"${heading}"`, keyLine(lines, heading, pageLine ?? 0), { file, heading });
        }
      }
    } else {
      throw new ExampleFileError(`unknown key "${key}": ${SHAPE}`, keyLine(lines, key));
    }
  }
  return { examples, problems };
}

/** Every `*.yml` in a folder of example questions; a file that cannot be read or parsed is a problem, skipped. */
export function loadExampleQuestions(dir: string): { examples: ExampleQuestion[]; problems: Problem[] } {
  const examples: ExampleQuestion[] = [];
  const problems: Problem[] = [];
  if (!existsSync(dir)) return { examples, problems };
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f) && !f.startsWith('.')).sort();
  for (const name of files) {
    const file = path.join(dir, name);
    try {
      const parsed = parseExampleQuestions(readFileSync(file, 'utf8'), file);
      examples.push(...parsed.examples);
      problems.push(...parsed.problems);
    } catch (err) {
      const line = err instanceof ExampleFileError ? err.line : undefined;
      problems.push({ file, line, message: err instanceof ExampleFileError ? err.message : `cannot be read: ${(err as Error).message}` });
    }
  }
  return { examples, problems };
}
