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

/** The 1-based line of the first line of `text` that holds `needle` at or after line `from`. */
function lineOf(lines: string[], needle: string, from = 0): number | undefined {
  for (let i = from; i < lines.length; i++) if (lines[i]!.includes(needle)) return i + 1;
  return undefined;
}

function questionsOf(value: unknown, where: string): string[] {
  if (!Array.isArray(value)) throw new ExampleFileError(`${where} should be a list of questions`);
  return value.filter((q) => typeof q === 'string' || typeof q === 'number').map(String).map((q) => q.trim()).filter(Boolean);
}

export function parseExampleQuestions(text: string, source: string): ExampleQuestion[] {
  let data: unknown;
  try {
    data = yaml.load(text, { json: true });
  } catch (err) {
    const mark = (err as { mark?: { line?: number } }).mark;
    throw new ExampleFileError(`not valid YAML: ${(err as Error).message.split('\n')[0]}`, mark?.line === undefined ? undefined : mark.line + 1);
  }
  if (data === undefined || data === null) return [];
  if (typeof data !== 'object' || Array.isArray(data)) throw new ExampleFileError(SHAPE);
  const lines = text.split('\n');
  const out: ExampleQuestion[] = [];
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (key === 'not answered') {
      const line = lineOf(lines, 'not answered');
      for (const question of questionsOf(value, '"not answered"')) out.push({ question, answer: null, source, line });
    } else if (key === 'pages') {
      if (!value || typeof value !== 'object' || Array.isArray(value)) throw new ExampleFileError('"pages" should map page files to {section heading: [questions]}', lineOf(lines, 'pages'));
      for (const [file, sections] of Object.entries(value as Record<string, unknown>)) {
        if (!sections || typeof sections !== 'object' || Array.isArray(sections)) throw new ExampleFileError(`"${file}" should map section headings to lists of questions`, lineOf(lines, file));
        const pageLine = lineOf(lines, file) ?? 0;
        for (const [heading, questions] of Object.entries(sections as Record<string, unknown>)) {
          const line = lineOf(lines, heading, pageLine);
          for (const question of questionsOf(questions, `"${heading}"`)) out.push({ question, answer: { file, heading }, source, line });
        }
      }
    } else {
      throw new ExampleFileError(`unknown key "${key}": ${SHAPE}`, lineOf(lines, key));
    }
  }
  return out;
}

/** Every `*.yml` in the manual folder's example-questions/ folder; a file that cannot be read is a problem and skipped. */
export function loadExampleQuestions(manualDir: string): { examples: ExampleQuestion[]; problems: Problem[] } {
  const dir = path.join(manualDir, EXAMPLES_FOLDER);
  const examples: ExampleQuestion[] = [];
  const problems: Problem[] = [];
  if (!existsSync(dir)) return { examples, problems };
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f) && !f.startsWith('.')).sort();
  for (const name of files) {
    const file = path.join(dir, name);
    try {
      examples.push(...parseExampleQuestions(readFileSync(file, 'utf8'), file));
    } catch (err) {
      const line = err instanceof ExampleFileError ? err.line : undefined;
      problems.push({ file, line, message: err instanceof ExampleFileError ? err.message : `cannot be read: ${(err as Error).message}` });
    }
  }
  return { examples, problems };
}
