import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { type Answer, answerQuestion } from '../answer/answer.js';
import { loadManualIndex, type ManualIndex } from '../load/loadManualIndex.js';
import type { ManualSource } from '../config.js';
import { manualSourceFromEnv } from '../config.js';
import { NoPagesError } from '../manual/loadManual.js';
import { formatProblem } from '../manual/types.js';
import { renderText } from '../render/renderText.js';
import { sectionName } from '../sections/sectionName.js';
import { isSmallManual } from '../slack/topics.js';
import { RECORD_USAGE, runRecordCommand } from './recordCommands.js';

export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable;
  env: Record<string, string | undefined>;
  /** How the manual is loaded: loadManualIndex, unless a test shares one load between runs. */
  load?: (source: ManualSource) => Promise<ManualIndex>;
  /** The time `--since` counts back from (tests fix it). */
  now?: () => Date;
}

export const USAGE = `Usage:
  techlead [--json] [--limit N] QUESTION...   answer a question from the manual
  techlead [--json] --stdin                   answer one question per line of standard input
  techlead topics                             list the sections the bot can answer from
  techlead check                              load the manual and report every problem (exit 1 if any)
${RECORD_USAGE}

Environment: MANUAL_DIR (default: the shipped manual/), MANUAL_BASE_URL, SYNONYMS_FILE, EXAMPLES_DIR; for gaps and
stats, the bot's record store: DATA_DIR (default ./data) or DATABASE_URL; for --post, SLACK_BOT_TOKEN.`;

interface AskOptions {
  json: boolean;
  stdin: boolean;
  limit: number;
  words: string[];
}

function parseArgs(args: string[]): AskOptions | string {
  const options: AskOptions = { json: false, stdin: false, limit: 3, words: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--json') options.json = true;
    else if (arg === '--stdin') options.stdin = true;
    else if (arg === '--limit' || arg.startsWith('--limit=')) {
      const text = arg.includes('=') ? arg.slice('--limit='.length) : args[++i];
      const n = Number(text);
      if (!Number.isInteger(n) || n < 1 || n > 50) return `--limit takes a whole number from 1 to 50, not "${text ?? ''}"`;
      options.limit = n;
    } else if (arg === '--') {
      options.words.push(...args.slice(i + 1));
      break;
    }
    else if (arg.startsWith('--')) return `unknown option ${arg}`;
    else options.words.push(arg);
  }
  if (!options.stdin && options.words.join('').trim() === '') return 'no question given';
  return options;
}

export function answerJson(answer: Answer): string {
  // Answered with a page as a whole: its intro comes first, scored as the best match.
  const intro = answer.page?.intro;
  const matches = intro ? [{ section: intro, score: answer.matches[0]?.score ?? 0 }, ...answer.matches.filter((m) => m.section !== intro)].slice(0, answer.matches.length) : answer.matches;
  return JSON.stringify({
    query: answer.question,
    answered: answer.answered,
    matches: matches.map((m) => ({ page: m.section.page.title, heading: m.section.heading, url: m.section.url, score: m.score })),
    offered: answer.offered.map((s) => ({ page: s.page.title, heading: s.heading, url: s.url })),
  });
}

export function answerText(manual: ManualIndex, answer: Answer): string {
  const best = answer.matches[0];
  if (answer.kind === 'offer') {
    return [`Not sure which section of the manual answers "${answer.question}". Is it one of these?`, ...answer.offered.map((s) => `  - ${sectionName(s, manual.pageCount > 1)}: ${s.url}`)].join('\n');
  }
  if (!answer.answered || !best) {
    // The topics of a small manual; a large one's would be hundreds of lines.
    const more = isSmallManual(manual) ? ['', 'Topics:', topicsText(manual)] : ['', 'Try other words, or `techlead topics` for every section.'];
    return [`No section of the manual answers "${answer.question}".`, ...more].join('\n');
  }
  // A page answer shows the page's intro, as Slack does; its sections are listed after.
  const section = answer.page ? answer.page.intro : best.section;
  const lines = [sectionName(section, true), ''];
  const body = renderText(section.content);
  if (body) lines.push(body, '');
  lines.push(section.url);
  if (section.page.ownerSlack) lines.push(`Owned by ${section.page.ownerSlack}`);
  const others = answer.alternatives;
  if (others.length) lines.push('', `Also: ${others.map((s) => s.heading).join('; ')}`);
  if (answer.page?.sections.length) lines.push('', 'On this page:', ...answer.page.sections.map((s) => `  - ${s.heading}`));
  return lines.join('\n');
}

export function topicsText(manual: ManualIndex): string {
  const lines: string[] = [];
  let page = '';
  for (const section of manual.sections) {
    if (section.page.file !== page) {
      page = section.page.file;
      if (manual.pageCount > 1) lines.push(`${section.page.title}`);
    }
    if (manual.pageCount === 1 || section.heading !== section.page.title) lines.push(`  - ${section.heading}`);
  }
  return lines.join('\n');
}

async function readLines(stdin: Readable, each: (line: string) => void): Promise<void> {
  const rl = createInterface({ input: stdin, crlfDelay: Infinity });
  for await (const line of rl) each(line);
}

/** Runs the command line; returns the exit code. Separate from process handling so tests can call it. */
export async function runCli(args: string[], io: CliIo): Promise<number> {
  const write = (text: string) => io.stdout.write(`${text}\n`);
  const warn = (text: string) => io.stderr.write(`${text}\n`);
  if (args[0] === '--help' || args[0] === '-h' || args[0] === 'help') {
    write(USAGE);
    return 0;
  }
  // The record store's commands read what the bot wrote; they need no manual.
  if (args[0] === 'gaps' || args[0] === 'stats') return runRecordCommand(args[0], args.slice(1), io);
  let manual: ManualIndex;
  try {
    manual = await (io.load ?? loadManualIndex)(manualSourceFromEnv(io.env));
  } catch (err) {
    if (err instanceof NoPagesError) for (const p of err.problems) warn(formatProblem(p));
    warn(`techlead: ${(err as Error).message}`);
    return 1;
  }

  const problems = [...manual.problems, ...manual.exampleProblems];
  if (args[0] === 'check') {
    for (const p of problems) warn(formatProblem(p));
    const examples = manual.exampleQuestions ? `${manual.exampleQuestions} example questions, ` : '';
    write(`${manual.pageCount} pages, ${manual.sections.length} sections, ${examples}${problems.length} problems`);
    return problems.length ? 1 : 0;
  }
  for (const p of problems) warn(`warning: skipped ${formatProblem(p)}`);
  if (args[0] === 'topics') {
    write(topicsText(manual));
    return 0;
  }

  const options = parseArgs(args);
  if (typeof options === 'string') {
    warn(`techlead: ${options}\n\n${USAGE}`);
    return 2;
  }
  const respond = (question: string) => {
    const answer = answerQuestion(manual, question, options.limit);
    write(options.json ? answerJson(answer) : answerText(manual, answer));
  };
  if (options.stdin) {
    let first = true;
    await readLines(io.stdin, (line) => {
      // One JSON line per input line, blank ones included, so output lines up with input.
      if (!options.json && !first) write('\n----\n');
      first = false;
      respond(line.trim());
    });
  } else {
    respond(options.words.join(' '));
  }
  return 0;
}
