/**
 * npm run bench: index build time and per-question latency, in-process, for the shipped manual
 * and (if present) the whole GOV.UK manual in ../shared/govuk-manual. Latency is per call of
 * answerQuestion (analysis, typo correction, ranking, example questions, decision); "cold" clears the typo cache
 * before each question, "warm" is the steady state. Also how long a reload holds up the event loop
 * (questions wait that long at most).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { answerQuestion } from '../src/answer/answer.js';
import { chooseExamples } from '../src/load/chooseExamples.js';
import { loadManualIndex } from '../src/load/loadManualIndex.js';
import { DEFAULT_BASE_URL, type ManualSource, SHIPPED_MANUAL_DIR, PROJECT_ROOT } from '../src/config.js';
import { loadManual } from '../src/manual/loadManual.js';
import { buildSearchIndex } from '../src/search/indexExamples.js';
import { loadSynonyms } from '../src/search/synonyms.js';
import { splitSections } from '../src/sections/splitSections.js';
import { prerender } from '../src/slack/blocks.js';
import { prerenderManual } from '../src/slack/messages.js';
import { readQuestions } from '../eval/evaluate.js';

const root = PROJECT_ROOT;
const questions = [
  ...readQuestions(path.join(root, 'eval/questions/tech-lead-questions.json')),
  ...readQuestions(path.join(root, 'eval/questions/govuk-manual-questions.json')),
].map((q) => q.q);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
const ms = (x: number) => `${x.toFixed(3)} ms`;

async function bench(name: string, source: ManualSource): Promise<void> {
  // Build time, in stages, median of 5 runs.
  const stages = { load: [] as number[], split: [] as number[], index: [] as number[], render: [] as number[] };
  for (let i = 0; i < 5; i++) {
    let t = performance.now();
    const { pages } = await loadManual(source.dir, source.baseUrl);
    stages.load.push(performance.now() - t);
    t = performance.now();
    const sections = pages.flatMap(splitSections);
    stages.split.push(performance.now() - t);
    t = performance.now();
    const { examples } = chooseExamples(source, new Set(pages.map((p) => p.file)));
    buildSearchIndex(sections, loadSynonyms(path.join(SHIPPED_MANUAL_DIR, 'synonyms.yml')), examples);
    stages.index.push(performance.now() - t);
    t = performance.now();
    prerender(sections, pages.length > 1);
    stages.render.push(performance.now() - t);
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const manual = await loadManualIndex(source);
  console.log(`${name}: ${manual.pageCount} pages, ${manual.sections.length} sections, ${manual.exampleQuestions} example questions`);
  console.log(`  build (median of 5): read+front matter ${ms(med(stages.load))}, parse+split ${ms(med(stages.split))}, index ${ms(med(stages.index))}, Slack render ${ms(med(stages.render))}`);

  // A live reload builds the index in steps while serving (see src/steps.ts): the longest
  // a question can wait for it is the longest gap between turns of a 1 ms timer meanwhile.
  const holds: number[] = [];
  for (let i = 0; i < 3; i++) {
    let last = performance.now();
    let longest = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 1);
    // As ManualStore reloads: the index, then every section rendered for Slack.
    await prerenderManual(await loadManualIndex(source));
    clearInterval(timer);
    holds.push(longest);
  }
  console.log(`  reload while serving (3 loads): the event loop held at most ${holds.map((h) => ms(h)).join(', ')}`);

  for (const mode of ['cold', 'warm'] as const) {
    const times: number[] = [];
    const rounds = mode === 'cold' ? 5 : 20;
    for (let r = 0; r < rounds; r++) {
      for (const q of questions) {
        if (mode === 'cold') manual.search.corrections.clear();
        const t = performance.now();
        answerQuestion(manual, q);
        times.push(performance.now() - t);
      }
    }
    times.sort((a, b) => a - b);
    console.log(`  per question, ${mode} (${times.length} calls): median ${ms(percentile(times, 50))}, p99 ${ms(percentile(times, 99))}, max ${ms(times[times.length - 1]!)}`);
  }
}

await bench('Shipped manual', { dir: SHIPPED_MANUAL_DIR, baseUrl: DEFAULT_BASE_URL });
const whole = path.resolve(root, process.env.GOVUK_MANUAL_DIR ?? '../shared/govuk-manual');
if (existsSync(whole)) await bench('Whole GOV.UK manual', { dir: whole, baseUrl: DEFAULT_BASE_URL });
else console.log(`(whole manual skipped: none at ${whole})`);
