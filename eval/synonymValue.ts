/**
 * npm run eval:synonyms: what each synonym phrase is worth, by leaving it out, one at a time.
 * Synonyms matter most where a manual has no example questions, so both measures rank without
 * them: the example writers' 12,000 questions on the shipped page (as if the page were served
 * without its examples, as it is inside the whole manual), and the whole GOV.UK manual's tuning
 * questions (when ../shared/govuk-manual is there). Each scores +1 for a question answered with
 * the right section and -WRONG_COST (default 3) for a wrong answer (a wrong section, or an answer
 * to a question the manual does not answer); a declined question scores 0. (The tuning scripts
 * also count a declined unanswerable question as right, so there answering one costs 4.)
 *
 * SYNONYMS_FILE: the list to measure (default: the shipped one). PHRASES: a file of
 * "key<TAB>phrase" lines to measure (default: every phrase). Prints each phrase's change in both
 * scores when left out, worst loss first: a negative change means the phrase earns its place.
 * Phrases that read as the same words for the same key ("leaves govuk", "leaves gov.uk") are
 * left out together, since one alone changes nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { decide, isAnswer } from '../src/answer/decide.js';
import { loadManualIndex } from '../src/load/loadManualIndex.js';
import { DEFAULT_BASE_URL, SHIPPED_MANUAL_DIR, PROJECT_ROOT } from '../src/config.js';
import type { Section } from '../src/sections/types.js';
import { buildIndex } from '../src/search/buildIndex.js';
import { search } from '../src/search/rank.js';
import { parseSynonyms, type SynonymList } from '../src/search/synonyms.js';
import { govukManualDir, isExpected, readQuestionFiles, WHOLE_MANUAL_SETS } from './evaluate.js';
import { answers, readWriters } from './writers.js';

const WRONG_COST = Number(process.env.WRONG_COST ?? 3);
if (!(WRONG_COST >= 0)) throw new Error(`WRONG_COST must be a number >= 0, not ${JSON.stringify(process.env.WRONG_COST)}`);
const root = PROJECT_ROOT;
const file = process.env.SYNONYMS_FILE ?? path.join(SHIPPED_MANUAL_DIR, 'synonyms.yml');
const text = readFileSync(file, 'utf8');
const synonyms = parseSynonyms(text, file);

// The phrases as the file writes them, with their key, so that a result names what to edit.
const entries: { key: string; phrase: string }[] = [];
for (const [key, phrases] of Object.entries(yaml.load(text, { json: true }) as Record<string, unknown[]>)) {
  for (const phrase of phrases) entries.push({ key, phrase: String(phrase) });
}
const key = (e: { key: string; phrase: string }) => `${e.key}\t${e.phrase}`;
const wanted = process.env.PHRASES
  ? new Set(readFileSync(process.env.PHRASES, 'utf8').split('\n').filter((l) => l.trim()).map((l) => l.split('\t').slice(0, 2).join('\t')))
  : undefined;
if (wanted) {
  const known = new Set(entries.map(key));
  for (const line of wanted) if (!known.has(line)) console.warn(`not in ${file}, skipped: ${line.replace('\t', ': ')}`);
}
const measured = entries.filter((e) => !wanted || wanted.has(key(e)));

/**
 * The list without one phrase of one key: parsed alone, so that it is matched as the list parses
 * it, and with every entry that reads the same for that key. Undefined if it has no words to match.
 */
function without({ key, phrase }: { key: string; phrase: string }): SynonymList | undefined {
  const [gone] = parseSynonyms(JSON.stringify({ [key]: [phrase] }));
  if (!gone) return undefined;
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  return synonyms.filter((s) => !(same(s.phrase, gone.phrase) && same(s.target, gone.target)));
}

/** A question, and whether a section is the one that answers it (never, for an unanswerable one). */
interface Asked {
  text: string;
  answeredBy: (section: Section) => boolean;
}

/** +1 for each question answered with its section, -WRONG_COST for each answered otherwise; declined 0. */
function score(sections: Section[], list: SynonymList, questions: Asked[]): number {
  const index = buildIndex(sections, list);
  const pages = new Set(sections.map((s) => s.page.file)).size;
  let total = 0;
  for (const q of questions) {
    const result = search(index, q.text, 3);
    if (!isAnswer(decide(result, pages))) continue;
    const first = result.matches[0]?.section;
    total += first && q.answeredBy(first) ? 1 : -WRONG_COST;
  }
  return total;
}

// Only the sections are used: each measure builds its own index from them with the list varied.
const shipped = await loadManualIndex({ dir: SHIPPED_MANUAL_DIR, baseUrl: DEFAULT_BASE_URL });
const writerQuestions: Asked[] = readWriters()
  .flatMap((w) => w.examples)
  .map((e) => ({ text: e.question, answeredBy: (s) => answers(e, s) }));
const writersScore = (list: SynonymList) => score(shipped.sections, list, writerQuestions);

const wholeDir = govukManualDir(root);
const whole = existsSync(wholeDir) ? await loadManualIndex({ dir: wholeDir, baseUrl: DEFAULT_BASE_URL, examplesDir: false }) : undefined;
const wholeQuestions: Asked[] = whole
  ? readQuestionFiles(root, WHOLE_MANUAL_SETS.tuning).map((q) => ({ text: q.q, answeredBy: (s) => !!q.expect && isExpected(s, q.expect) }))
  : [];
const wholeScore = (list: SynonymList) => (whole ? score(whole.sections, list, wholeQuestions) : 0);

const base = { writers: writersScore(synonyms), whole: wholeScore(synonyms) };
console.log(`${file}: ${synonyms.length} phrases; with all of them, writers' questions score ${base.writers}` +
  (whole ? `, the whole manual's tuning questions ${base.whole}` : ' (no whole manual beside the project)'));
const rows = measured.flatMap((e) => {
  const list = without(e);
  if (!list) {
    console.warn(`no words to match, skipped: ${e.key}: ${e.phrase}`);
    return [];
  }
  const together = synonyms.length - list.length > 1 ? ` (left out with ${synonyms.length - list.length - 1} that read the same)` : '';
  return [{ ...e, together, writers: writersScore(list) - base.writers, whole: wholeScore(list) - base.whole }];
});
rows.sort((a, b) => a.writers - b.writers || a.whole - b.whole);
for (const r of rows) console.log(`${String(r.writers).padStart(5)} ${String(r.whole).padStart(4)}  ${r.key}: ${r.phrase}${r.together}`);
