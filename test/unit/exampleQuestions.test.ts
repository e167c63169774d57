import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { answerQuestion } from '../../src/answer/answer.js';
import { DEFAULT_BASE_URL, loadManualIndex, type ManualIndex, SHIPPED_MANUAL_DIR } from '../../src/answer/manualIndex.js';
import { formatProblem } from '../../src/manual/types.js';
import { ExampleFileError, parseExampleQuestions } from '../../src/search/exampleQuestions.js';
import { search } from '../../src/search/search.js';
import { page, tempManual } from '../support/tempManual.js';

const PAGE = page(
  'Team practices',
  [
    'How the team works.',
    '',
    '## Looking after people',
    '',
    'Check in regularly with the developers on your team about their workload.',
    '',
    '## Deploying code',
    '',
    'Deploy with the release app. Every deploy needs a second approval.',
  ].join('\n'),
);

const EXAMPLES = [
  '# how people ask',
  'pages:',
  '  team.html.md:',
  '    Looking after people:',
  '      - "a colleague looks exhausted and miserable"',
  '      - "what if a colleague seems miserable at work"',
  '      - "my colleague is miserable, what do I do"',
  '    Deploying code:',
  '      - "how do I ship my change to production"',
  'not answered:',
  '  - "how do I book annual leave for the team"',
].join('\n');

describe('parseExampleQuestions', () => {
  it('reads questions by page and section, and the ones the manual does not answer', () => {
    const examples = parseExampleQuestions(EXAMPLES, 'people.yml');
    expect(examples.map((e) => [e.question, e.answer?.heading ?? null, e.line])).toEqual([
      ['a colleague looks exhausted and miserable', 'Looking after people', 4],
      ['what if a colleague seems miserable at work', 'Looking after people', 4],
      ['my colleague is miserable, what do I do', 'Looking after people', 4],
      ['how do I ship my change to production', 'Deploying code', 8],
      ['how do I book annual leave for the team', null, 10],
    ]);
    expect(examples[0]?.answer?.file).toBe('team.html.md');
    expect(parseExampleQuestions('', 'empty.yml')).toEqual([]);
  });

  it('names the line of broken YAML, and says what shape it expected', () => {
    let error: unknown;
    try {
      parseExampleQuestions('pages:\n  team.html.md:\n    Deploying code: [unclosed\n', 'bad.yml');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ExampleFileError);
    expect((error as ExampleFileError).message).toMatch(/not valid YAML/);
    expect((error as ExampleFileError).line).toBeGreaterThanOrEqual(3);
    expect(() => parseExampleQuestions('- a list', 'x.yml')).toThrow(/expected "pages:/);
    expect(() => parseExampleQuestions('questions: [a]', 'x.yml')).toThrow(/unknown key "questions"/);
    expect(() => parseExampleQuestions('not answered: just one', 'x.yml')).toThrow(/should be a list of questions/);
    expect(() => parseExampleQuestions('pages:\n  team.html.md: [a, b]', 'x.yml')).toThrow(/should map section headings/);
  });
});

describe('a manual with example questions', () => {
  let fixture: ReturnType<typeof tempManual>;
  let manual: ManualIndex;
  let bare: ReturnType<typeof tempManual>;
  let withoutExamples: ManualIndex;
  beforeAll(async () => {
    fixture = tempManual({ 'team.html.md': PAGE, 'example-questions/people.yml': EXAMPLES });
    manual = await loadManualIndex({ dir: fixture.dir, baseUrl: DEFAULT_BASE_URL });
    bare = tempManual({ 'team.html.md': PAGE });
    withoutExamples = await loadManualIndex({ dir: bare.dir, baseUrl: DEFAULT_BASE_URL });
  });
  afterAll(() => {
    fixture.remove();
    bare.remove();
  });

  it('loads them with no problems, each section’s heading counting as one of its examples', () => {
    expect(manual.problems).toEqual([]);
    expect(manual.search.examples.count).toBe(5 + 3);
  });

  // More than one example has to be near: a single one that shares a word decides nothing alone.
  it('finds a section by the way people ask for it, in words the section never uses', () => {
    const question = 'a colleague seems miserable';
    expect(answerQuestion(withoutExamples, question).answered).toBe(false);
    const answer = answerQuestion(manual, question);
    expect(answer.answered).toBe(true);
    expect(answer.matches[0]?.section.heading).toBe('Looking after people');
  });

  it('corrects typos of words only the examples use', () => {
    const { concepts } = search(manual.search, 'a colleague seems miserible');
    expect(concepts.map((c) => c.words[0])).toContain('miserable');
  });

  it('declines a question nearer one the manual does not answer, though it shares words with a section', () => {
    const question = 'book annual leave for the team';
    // "team" is in the page title, so without the "not answered" examples the page's intro matches.
    expect(search(withoutExamples.search, question).matches[0]?.section.heading).toBe('Team practices');
    const result = search(manual.search, question);
    expect(result.notAnswered).toBeGreaterThan(0.9);
    expect(answerQuestion(manual, question).answered).toBe(false);
  });

  it('still answers from the section when a question matches it word for word', () => {
    const answer = answerQuestion(manual, 'deploying code');
    expect(answer.answered).toBe(true);
    expect(answer.matches[0]?.section.heading).toBe('Deploying code');
  });

  it('are the manual’s own: another manual folder does not get the shipped ones', () => {
    expect(withoutExamples.search.examples.count).toBe(0);
  });
});

describe('example question files with problems', () => {
  let fixture: ReturnType<typeof tempManual>;
  let manual: ManualIndex;
  beforeAll(async () => {
    fixture = tempManual({
      'team.html.md': PAGE,
      'example-questions/good.yml': EXAMPLES,
      'example-questions/broken.yml': 'pages:\n  team.html.md:\n    Deploying code: [unclosed\n',
      'example-questions/stale.yml': ['pages:', '  team.html.md:', '    Old heading:', '      - "a question"', '  gone.html.md:', '    Intro:', '      - "another"'].join('\n'),
    });
    manual = await loadManualIndex({ dir: fixture.dir, baseUrl: DEFAULT_BASE_URL });
  });
  afterAll(() => fixture.remove());

  it('reports each by file and line, skips it, and keeps the rest', () => {
    const problems = manual.problems.map(formatProblem).map((p) => p.replace(fixture.dir + path.sep, ''));
    expect(problems).toEqual([
      expect.stringMatching(/^example-questions[/\\]broken\.yml:\d+: not valid YAML/),
      'example-questions/stale.yml:3: no section "Old heading" on team.html.md; its example questions are skipped'.replace('/', path.sep),
      'example-questions/stale.yml:6: no page gone.html.md in the manual; its example questions are skipped'.replace('/', path.sep),
    ]);
    expect(manual.search.examples.count).toBe(5 + 3);
  });
});

describe('the shipped example questions', () => {
  it('all name a section of the shipped manual', async () => {
    const shipped = await loadManualIndex({ dir: SHIPPED_MANUAL_DIR, baseUrl: DEFAULT_BASE_URL });
    expect(shipped.problems).toEqual([]);
    expect(shipped.search.examples.count).toBeGreaterThanOrEqual(480);
  });
});
