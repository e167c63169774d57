import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { answerQuestion } from '../../src/answer/answer.js';
import { loadManualIndex, type ManualIndex } from '../../src/load/loadManualIndex.js';
import { DEFAULT_BASE_URL, SHIPPED_MANUAL_DIR } from '../../src/config.js';
import { formatProblem } from '../../src/manual/types.js';
import { ExampleFileError, parseExampleQuestions } from '../../src/search/exampleQuestions.js';
import { buildExampleIndex, classifyQuestion, FEW_EXAMPLES, FUNCTION_WORD, NOT_ANSWERED, nearestExamples, WORD_PAIR } from '../../src/search/nearestExamples.js';
import { PARAMS } from '../../src/search/params.js';
import { search } from '../../src/search/rank.js';
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
    const { examples, problems } = parseExampleQuestions(EXAMPLES, 'people.yml');
    expect(problems).toEqual([]);
    expect(examples.map((e) => [e.question, e.answer?.heading ?? null, e.line])).toEqual([
      ['a colleague looks exhausted and miserable', 'Looking after people', 4],
      ['what if a colleague seems miserable at work', 'Looking after people', 4],
      ['my colleague is miserable, what do I do', 'Looking after people', 4],
      ['how do I ship my change to production', 'Deploying code', 8],
      ['how do I book annual leave for the team', null, 10],
    ]);
    expect(examples[0]?.answer?.file).toBe('team.html.md');
    expect(parseExampleQuestions('', 'empty.yml').examples).toEqual([]);
    expect(parseExampleQuestions('# only a comment\r\n', 'comment.yml').examples).toEqual([]);
  });

  it('reads Windows line endings, and names a key\'s own line, not a comment or question that mentions it', () => {
    const text = ['# Deploying code: how people ask', 'pages:', '  team.html.md:', '    "Looking after people":', '      - "deploying code makes me anxious"', "    'Deploying code':", '      - "ship it"', 'not answered:', '  - "not answered: what is this"'].join('\r\n');
    const { examples } = parseExampleQuestions(text, 'x.yml');
    expect(examples.map((e) => [e.answer?.heading ?? null, e.line])).toEqual([
      ['Looking after people', 4],
      ['Deploying code', 6],
      [null, 8],
    ]);
  });

  it('names the line of broken YAML, and of a repeated key, which would silently drop a list', () => {
    const failure = (text: string) => {
      try {
        parseExampleQuestions(text, 'bad.yml');
      } catch (err) {
        return err as ExampleFileError;
      }
      throw new Error('expected it to throw');
    };
    const broken = failure('pages:\n  team.html.md:\n    Deploying code: [unclosed\n');
    expect(broken).toBeInstanceOf(ExampleFileError);
    expect(broken.message).toMatch(/not valid YAML/);
    expect(broken.line).toBeGreaterThanOrEqual(3);
    const repeated = failure('pages:\n  team.html.md:\n    Deploying code: [a]\n    Deploying code: [b]\n');
    expect(repeated.message).toMatch(/not valid YAML: duplicated mapping key/);
    expect(repeated.line).toBe(4);
  });

  it('rejects a file of the wrong shape, saying what it expected', () => {
    expect(() => parseExampleQuestions('- a list', 'x.yml')).toThrow(/expected "pages:/);
    expect(() => parseExampleQuestions('questions: [a]', 'x.yml')).toThrow(/unknown key "questions"/);
    expect(() => parseExampleQuestions('pages: [a]', 'x.yml')).toThrow(/"pages" should map page files/);
  });

  it('skips an entry that is not a list of questions, with its line, and keeps the rest', () => {
    const text = ['pages:', '  team.html.md: [a, b]', '  other.html.md:', '    Intro:', '      - "a real question"', '      - [nested]', '      - 42', '    Empty:', 'not answered: just one'].join('\n');
    const { examples, problems } = parseExampleQuestions(text, 'odd.yml');
    expect(examples.map((e) => e.question)).toEqual(['a real question']);
    expect(problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '2: "team.html.md" should map section headings to lists of questions; skipped',
      '4: "Intro" should be a list of questions, each a line of text; skipped',
      '8: "Empty" should be a list of questions, each a line of text; skipped',
      '9: "not answered" should be a list of questions, each a line of text; skipped',
    ]);
  });
});

describe('nearestExamples', () => {
  const bag = (...stems: string[]) => new Set(stems);
  const index = buildExampleIndex([
    { owner: 0, features: bag('leaver', 'trello') },
    { owner: 0, features: bag('leaver', 'access') },
    { owner: 1, features: bag('weeknot') },
    { owner: NOT_ANSWERED, features: bag('annual', 'leav') },
  ]);

  it('gives each section the similarity of its nearest examples, and "not answered" its own', () => {
    const near = nearestExamples(index, bag('leaver', 'trello'));
    expect(near.bySection.get(0)).toBeCloseTo(1, 5);
    expect(near.bySection.has(1)).toBe(false);
    expect(near.notAnswered).toBe(0);
    expect(nearestExamples(index, bag('annual', 'leav')).notAnswered).toBeCloseTo(1, 5);
  });

  it('averages over the k nearest, or over all a section has when it has fewer', () => {
    const one = nearestExamples(index, bag('leaver', 'trello'), 1).bySection.get(0)!;
    const two = nearestExamples(index, bag('leaver', 'trello'), 2).bySection.get(0)!;
    const five = nearestExamples(index, bag('leaver', 'trello'), 5).bySection.get(0)!;
    expect(two).toBeLessThan(one);
    expect(five).toBeCloseTo(two, 10);
    expect(nearestExamples(index, bag('leaver'), 0).bySection.get(0)).toBeGreaterThan(0);
  });

  it('counts words no example uses against the question: it is about something else', () => {
    const plain = nearestExamples(index, bag('weeknot')).bySection.get(1)!;
    const diluted = nearestExamples(index, bag('weeknot', 'zebra')).bySection.get(1)!;
    expect(plain).toBeCloseTo(1, 5);
    expect(diluted).toBeLessThan(0.6);
    expect(nearestExamples(index, bag()).bySection.size).toBe(0);
    expect(nearestExamples(buildExampleIndex([]), bag('leaver')).notAnswered).toBe(0);
  });

  it('leaves out function words and pairs no example uses, but not unknown words', () => {
    const plain = nearestExamples(index, bag('weeknot')).bySection.get(1)!;
    expect(nearestExamples(index, bag('weeknot', `${FUNCTION_WORD}who`, `${WORD_PAIR}weeknot writer`)).bySection.get(1)).toBeCloseTo(plain, 10);
  });

  it('answers each question afresh: nothing of one question is left for the next', () => {
    const first = nearestExamples(index, bag('leaver', 'trello'));
    nearestExamples(index, bag('leaver', 'access', 'annual', 'leav'));
    expect(nearestExamples(index, bag('leaver', 'trello'))).toEqual(first);
  });

  it('ignores a feature weighed at nothing (word pairs switched off) rather than dividing by zero', () => {
    const saved = PARAMS.examples.pairs;
    PARAMS.examples.pairs = 0;
    try {
      const off = buildExampleIndex([{ owner: 0, features: bag(`${WORD_PAIR}leaver trello`) }, { owner: 1, features: bag('weeknot') }]);
      const near = nearestExamples(off, bag(`${WORD_PAIR}leaver trello`, 'weeknot'));
      expect([...near.bySection.keys()]).toEqual([1]);
      expect(Number.isFinite(near.bySection.get(1))).toBe(true);
    } finally {
      PARAMS.examples.pairs = saved;
    }
  });
});

describe('the classifier of an example index', () => {
  const bag = (...stems: string[]) => new Set(stems);
  const examples = [
    { owner: 0, features: bag('card', 'write') },
    { owner: 0, features: bag('card', 'contain') },
    { owner: 1, features: bag('weeknot', 'write') },
    { owner: NOT_ANSWERED, features: bag('templat', 'jira') },
    { owner: NOT_ANSWERED, features: bag('templat', 'pr') },
  ];
  const withFloor = <T>(minExamples: number, run: () => T): T => {
    const saved = PARAMS.examples.classifier;
    PARAMS.examples.classifier = { ...saved, minExamples };
    try {
      return run();
    } finally {
      PARAMS.examples.classifier = saved;
    }
  };

  it('is learnt only when there are enough "not answered" examples to learn from', () => {
    expect(withFloor(3, () => buildExampleIndex(examples)).classifier).toBeUndefined();
    expect(withFloor(2, () => buildExampleIndex(examples)).classifier).toBeDefined();
  });

  it('pools the sections with too few examples into one class, so a manual of many sections stays cheap', () => {
    // Section 1 has one example, and the 500 sections one each: all share FEW_EXAMPLES.
    const many = [...examples, ...Array.from({ length: 500 }, (_, i) => ({ owner: 10 + i, features: bag(`topic${i}`) }))];
    const { classifier } = withFloor(2, () => buildExampleIndex(many));
    expect([...classifier!.classes.keys()].sort((a, b) => a - b)).toEqual([FEW_EXAMPLES, NOT_ANSWERED, 0]);
    // With no section of its own to learn, the pooled class still tells answered from not answered.
    const pooledOnly = withFloor(2, () => buildExampleIndex(many.filter((e) => e.owner === NOT_ANSWERED || e.owner >= 10)));
    expect([...pooledOnly.classifier!.classes.keys()].sort((a, b) => a - b)).toEqual([FEW_EXAMPLES, NOT_ANSWERED]);
    const classified = withFloor(2, () => classifyQuestion(pooledOnly, bag('topic7')))!;
    expect(classified.covers(17)).toBe(false);
    expect(classified.pooled).toBeGreaterThan(classified.probabilities.get(NOT_ANSWERED)!);
  });

  it('covers only the owners with enough examples: a section with fewer is not marked down for it', () => {
    const index = withFloor(2, () => buildExampleIndex(examples));
    const classified = withFloor(2, () => classifyQuestion(index, bag('card')))!;
    expect([0, 1, NOT_ANSWERED, FEW_EXAMPLES].map((owner) => classified.covers(owner))).toEqual([true, false, true, false]);
    expect(classified.probabilities.get(0)).toBeGreaterThan(classified.probabilities.get(NOT_ANSWERED)!);
    expect(withFloor(3, () => classifyQuestion(index, bag('card')))?.covers(1)).toBe(false);
    expect(classifyQuestion(withFloor(3, () => buildExampleIndex(examples)), bag('card'))).toBeUndefined();
  });
});

describe('search with the classifier', () => {
  const TEMPLATES = [
    'pages:',
    '  team.html.md:',
    '    Looking after people:',
    '      - "a colleague looks miserable"',
    '      - "my colleague seems exhausted"',
    '      - "colleague is unhappy, what do I do"',
    '    Deploying code:',
    '      - "how do I ship my change"',
    '      - "how do I deploy my change to production"',
    '      - "who approves a release"',
    'not answered:',
    '  - "is there a template for a deploy request"',
    '  - "is there a template for checking in"',
    '  - "template for release notes"',
    '  - "is there a template for a colleague review"',
  ].join('\n');
  let fixture: ReturnType<typeof tempManual>;
  let manual: ManualIndex;
  const saved = PARAMS.examples.classifier;
  beforeAll(async () => {
    PARAMS.examples.classifier = { ...saved, minExamples: 3 };
    fixture = tempManual({ 'team.html.md': PAGE, 'example-questions/templates.yml': TEMPLATES });
    manual = await loadManualIndex({ dir: fixture.dir, baseUrl: DEFAULT_BASE_URL });
  });
  afterAll(() => {
    PARAMS.examples.classifier = saved;
    fixture.remove();
  });

  it('blends the probability of each section it covers into its score, and says how likely "not answered" is', () => {
    const deploy = search(manual.search, 'how do I deploy code');
    const template = search(manual.search, 'is there a template for deploying code');
    expect(template.notAnsweredLikelihood).toBeGreaterThan(0.5);
    expect(deploy.notAnsweredLikelihood).toBeLessThan(template.notAnsweredLikelihood!);
    const best = deploy.matches[0]!;
    expect(best.section.heading).toBe('Deploying code');
    expect(best.likelihood).toBeGreaterThan(0.5);
    // score = (lexical + weight × example + classifier weight × probability) / (1 + both weights), lexical in 0..1.
    const { weight } = PARAMS.examples;
    const c = PARAMS.examples.classifier.weight;
    const lexical = best.score * (1 + weight + c) - weight * best.example! - c * best.likelihood!;
    expect(lexical).toBeGreaterThan(0);
    expect(lexical).toBeLessThanOrEqual(1.01);
  });

  it('leaves out a section with too few examples (the intro: only its heading)', () => {
    const intro = search(manual.search, 'team practices').matches.find((m) => m.section.heading === 'Team practices');
    expect(intro).toBeDefined();
    expect(intro?.likelihood).toBeUndefined();
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
    expect(manual.exampleProblems).toEqual([]);
    expect(manual.exampleQuestions).toBe(5);
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
    // Too few examples to learn from (PARAMS.examples.classifier.minExamples): the classifier is
    // left out, rather than declining everything.
    expect(manual.search.examples.classifier).toBeUndefined();
    expect(answer.matches[0]?.likelihood).toBeUndefined();
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
    expect(manual.problems).toEqual([]);
    const problems = manual.exampleProblems.map(formatProblem).map((p) => p.replace(fixture.dir + path.sep, ''));
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
    expect(shipped.exampleProblems).toEqual([]);
    expect(shipped.search.examples.count).toBeGreaterThanOrEqual(480);
  });
});

describe('a manual with examples for only some sections', () => {
  let fixture: ReturnType<typeof tempManual>;
  let manual: ManualIndex;
  beforeAll(async () => {
    const examples = ['pages:', '  team.html.md:', '    Looking after people:', '      - "a colleague seems miserable"', '      - "my colleague is miserable"'].join('\n');
    fixture = tempManual({ 'team.html.md': PAGE, 'example-questions/some.yml': examples });
    manual = await loadManualIndex({ dir: fixture.dir, baseUrl: DEFAULT_BASE_URL });
  });
  afterAll(() => fixture.remove());

  it('still answers from a section nobody wrote examples for, on its own words', () => {
    const answer = answerQuestion(manual, 'release app second approval');
    expect(answer.answered).toBe(true);
    expect(answer.matches[0]?.section.heading).toBe('Deploying code');
    expect(answer.matches[0]?.example).toBeUndefined();
  });

  it('and from the section that has them, by the way people ask', () => {
    expect(answerQuestion(manual, 'a colleague seems miserable').matches[0]?.section.heading).toBe('Looking after people');
  });
});

describe('example questions that name nothing in the manual', () => {
  it('leave the index as it was: ranked on the manual’s words alone', async () => {
    const fixture = tempManual({ 'team.html.md': PAGE, 'example-questions/stale.yml': 'pages:\n  team.html.md:\n    Old heading: ["a question"]\n' });
    try {
      const manual = await loadManualIndex({ dir: fixture.dir, baseUrl: DEFAULT_BASE_URL });
      expect(manual.exampleQuestions).toBe(0);
      expect(manual.search.examples.count).toBe(0);
      expect(manual.exampleProblems).toHaveLength(1);
      expect(answerQuestion(manual, 'release app second approval').answered).toBe(true);
    } finally {
      fixture.remove();
    }
  });
});

