/**
 * npm run bench: what it costs to serve a manual, in-process, for the shipped page and (if present)
 * the whole GOV.UK manual in ../shared/govuk-manual (GOVUK_MANUAL_DIR):
 * - start-up: loading the index (read, parse and split, synonyms, example questions, index and
 *   classifier) and rendering every section for Slack, end to end, median of 5; and in stages;
 * - memory: the RSS of a fresh process once it has loaded the manual (run in a child process, so
 *   nothing else this benchmark loads counts);
 * - a live reload: the longest the event loop is held while it runs in steps (questions wait that
 *   long at most), three reloads;
 * - per question: answerQuestion (reading, typos, ranking, examples, decision), median and p99;
 *   "cold" clears the typo cache before each question, "warm" is the steady state.
 * Writes the figures, dated, to docs/results/bench.md. Speed on this shared 2-core machine is
 * noisy: read several runs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { answerQuestion } from '../src/answer/answer.js';
import { DEFAULT_BASE_URL, type ManualSource, PROJECT_ROOT, SHIPPED_MANUAL_DIR } from '../src/config.js';
import { chooseExamples } from '../src/load/chooseExamples.js';
import { loadManualIndex, readSynonyms, synonymsFileFor, vocabularyFileFor } from '../src/load/loadManualIndex.js';
import { loadManual } from '../src/manual/loadManual.js';
import { buildSearchIndex } from '../src/search/indexExamples.js';
import { splitSections } from '../src/sections/splitSections.js';
import { prerender } from '../src/slack/blocks.js';
import { prerenderManual } from '../src/slack/messages.js';
import { readQuestionFiles, SHIPPED_SETS, WHOLE_MANUAL_SETS } from '../eval/evaluate.js';

const root = PROJECT_ROOT;
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const lines: string[] = [];
const say = (line: string) => {
  console.log(line);
  lines.push(line);
};

/** RSS (MB) of a new Node process that loads the manual as the bot does (dist/, so npm run build first). */
function rssAfterLoad(source: ManualSource): number {
  const script = `
    const { loadManualIndex } = await import(${JSON.stringify(path.join(root, 'dist/load/loadManualIndex.js'))});
    const { prerenderManual } = await import(${JSON.stringify(path.join(root, 'dist/slack/messages.js'))});
    await prerenderManual(await loadManualIndex(${JSON.stringify(source)}));
    process.stdout.write(String(process.memoryUsage().rss));`;
  return Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) / 1024 / 1024;
}

async function bench(name: string, source: ManualSource, questions: string[]): Promise<void> {
  const stages = { read: [] as number[], parse: [] as number[], index: [] as number[], render: [] as number[], total: [] as number[] };
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    let t = start;
    const { pages } = await loadManual(source.dir, source.baseUrl);
    stages.read.push(performance.now() - t);
    t = performance.now();
    const sections = pages.flatMap(splitSections);
    stages.parse.push(performance.now() - t);
    t = performance.now();
    const { examples } = chooseExamples(source, new Set(pages.map((p) => p.file)));
    buildSearchIndex(sections, readSynonyms([synonymsFileFor(source), vocabularyFileFor(source)], []), examples);
    stages.index.push(performance.now() - t);
    t = performance.now();
    prerender(sections, pages.length > 1);
    stages.render.push(performance.now() - t);
    // End to end, as main.ts starts: the index loaded in steps, then rendered for Slack.
    t = performance.now();
    await prerenderManual(await loadManualIndex(source));
    stages.total.push(performance.now() - t);
  }
  const manual = await loadManualIndex(source);
  say(`${name}: ${manual.pageCount} pages, ${manual.sections.length} sections, ${manual.exampleQuestions} example questions`);
  say(`  start-up, end to end (median of 5): ${ms(med(stages.total))}; in stages: read ${ms(med(stages.read))}, parse and split ${ms(med(stages.parse))}, index with examples ${ms(med(stages.index))}, render for Slack ${ms(med(stages.render))}`);
  say(`  RSS of a fresh process after loading: ${rssAfterLoad(source).toFixed(0)} MB`);

  // A live reload builds the index in steps while serving (see src/steps.ts): the longest a
  // question can wait for it is the longest gap between turns of a 1 ms timer meanwhile.
  const holds: number[] = [];
  for (let i = 0; i < 3; i++) {
    let last = performance.now();
    let longest = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 1);
    await prerenderManual(await loadManualIndex(source));
    clearInterval(timer);
    holds.push(longest);
  }
  say(`  a reload while serving held the event loop at most: ${holds.map(ms).join(', ')}`);

  for (const mode of ['cold', 'warm'] as const) {
    const times: number[] = [];
    const rounds = mode === 'cold' ? 3 : 10;
    for (let r = 0; r < rounds; r++) {
      for (const q of questions) {
        if (mode === 'cold') manual.search.corrections.clear();
        const t = performance.now();
        answerQuestion(manual, q);
        times.push(performance.now() - t);
      }
    }
    times.sort((a, b) => a - b);
    say(`  per question, ${mode} (${times.length} calls): median ${ms(percentile(times, 50))}, p99 ${ms(percentile(times, 99))}, max ${ms(times[times.length - 1]!)}`);
  }
}

const asked = (files: string[]) => readQuestionFiles(root, files).map((q) => q.q);
await bench('Shipped page', { dir: SHIPPED_MANUAL_DIR, baseUrl: DEFAULT_BASE_URL }, asked(SHIPPED_SETS.tuning));
const whole = path.resolve(root, process.env.GOVUK_MANUAL_DIR ?? '../shared/govuk-manual');
if (existsSync(whole)) await bench('Whole GOV.UK manual', { dir: whole, baseUrl: DEFAULT_BASE_URL }, asked(WHOLE_MANUAL_SETS.tuning));
else say(`(whole manual skipped: none at ${whole})`);

const date = new Date().toISOString().slice(0, 10);
mkdirSync(path.join(root, 'docs', 'results'), { recursive: true });
writeFileSync(
  path.join(root, 'docs', 'results', 'bench.md'),
  `# Speed and memory\n\nWritten by \`npm run bench\` on ${date}, on a shared 2-core machine (noisy: compare several runs).\n\n\`\`\`\n${lines.join('\n')}\n\`\`\`\n`,
);
console.log('\n(written to docs/results/bench.md)');
