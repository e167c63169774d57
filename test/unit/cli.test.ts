import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadManualIndex, type ManualIndex } from '../../src/load/loadManualIndex.js';
import { DEFAULT_BASE_URL, type ManualSource, SHIPPED_MANUAL_DIR } from '../../src/config.js';
import { runCli } from '../../src/cli/cli.js';
import { page, tempManual } from '../support/tempManual.js';
import { SHIPPED_HEADINGS } from '../support/shippedManual.js';

const LEAVERS_URL = 'https://docs.publishing.service.gov.uk/manual/tech-lead-responsibilities.html#managing-leavers';
const HEADINGS = SHIPPED_HEADINGS;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function collect(stream: PassThrough): () => string {
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return () => Buffer.concat(chunks).toString('utf8');
}

/**
 * The shipped manual never changes during the tests: it is loaded once and shared by the runs
 * that use it (each load trains the classifier on 12,000 examples). Any other source is loaded
 * afresh each run, as the CLI does.
 */
let shipped: Promise<ManualIndex> | undefined;
function load(source: ManualSource): Promise<ManualIndex> {
  const isShipped = source.dir === SHIPPED_MANUAL_DIR && source.baseUrl === DEFAULT_BASE_URL && source.synonymsFile === undefined;
  if (!isShipped) return loadManualIndex(source);
  shipped ??= loadManualIndex(source);
  return shipped;
}

/** Runs the CLI in-process. No MANUAL_DIR unless given: the shipped manual. */
async function run(args: string[], options: { env?: Record<string, string>; stdin?: string } = {}): Promise<Run> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const stdin = new PassThrough();
  const out = collect(stdout);
  const err = collect(stderr);
  stdin.end(options.stdin ?? '');
  const code = await runCli(args, { stdout, stderr, stdin, env: options.env ?? {}, load });
  return { code, stdout: out(), stderr: err() };
}

interface JsonAnswer {
  query: string;
  answered: boolean;
  matches: { page: string; heading: string; url: string; score: number }[];
}

function jsonLines(stdout: string): JsonAnswer[] {
  return stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as JsonAnswer);
}

describe('techlead on a question two sections answer about equally well', () => {
  // Two sections that tie on every question about a Jenkins token; see test/slack/offer.test.ts.
  const fixture = tempManual({
    'tokens.html.md': page('Getting tokens', 'How we manage credentials and rotation.\n\n## The platform way\n\nGet a Jenkins token.\n\n## The self-service way\n\nGet a Jenkins token.\n'),
    'example-questions/tokens.yml': 'pages:\n  tokens.html.md:\n    The platform way: ["how do I get a jenkins token"]\n    The self-service way: ["how do I get a jenkins token"]\n',
  });
  afterAll(() => fixture.remove());
  const env = () => ({ MANUAL_DIR: fixture.dir });
  let question = '';
  beforeAll(async () => {
    for (const q of ['how do I get a jenkins token', 'jenkins token', 'jenkins token credentials', 'jenkins token credentials rotation', 'jenkins credentials rotation manage']) {
      const [answer] = jsonLines((await run(['--json', q], { env: env() })).stdout) as (JsonAnswer & { offered: unknown[] })[];
      if (answer?.offered.length) {
        question = q;
        break;
      }
    }
    if (!question) throw new Error('none of the Jenkins token questions was an offer');
  });

  it('names both, with their links, instead of picking one', async () => {
    const { code, stdout } = await run([question], { env: env() });
    expect(code).toBe(0);
    expect(stdout).toContain(`Not sure which section of the manual answers "${question}". Is it one of these?`);
    expect(stdout).toContain('  - The platform way: https://docs.publishing.service.gov.uk/manual/tokens.html#the-platform-way');
    expect(stdout).toContain('  - The self-service way: https://docs.publishing.service.gov.uk/manual/tokens.html#the-self-service-way');
  });

  it('lists them as offered in --json, not answered', async () => {
    const [answer] = jsonLines((await run(['--json', question], { env: env() })).stdout) as (JsonAnswer & { offered: { heading: string }[] })[];
    expect(answer?.answered).toBe(false);
    expect(answer?.offered.map((s) => s.heading).sort()).toEqual(['The platform way', 'The self-service way']);
  });
});

describe('techlead (in-process)', () => {
  describe('--json', () => {
    it('prints one line of JSON with the query, whether it answered, and the matches', async () => {
      const { code, stdout, stderr } = await run(['--json', 'leavers']);
      expect(code).toBe(0);
      expect(stderr).toBe('');
      expect(stdout.endsWith('\n')).toBe(true);
      expect(stdout.trimEnd().split('\n')).toHaveLength(1);
      const [answer] = jsonLines(stdout);
      expect(answer).toMatchObject({ query: 'leavers', answered: true });
      expect(Object.keys(answer!).sort()).toEqual(['answered', 'matches', 'offered', 'query']);
      expect(answer!.matches[0]).toEqual({
        page: 'Responsibilities of a Tech Lead',
        heading: 'Managing leavers',
        url: LEAVERS_URL,
        score: expect.any(Number),
      });
      for (const m of answer!.matches) expect(Object.keys(m).sort()).toEqual(['heading', 'page', 'score', 'url']);
    });

    it('joins the words of a question given as several arguments', async () => {
      const [answer] = jsonLines((await run(['--json', 'managing', 'leavers'])).stdout);
      expect(answer?.query).toBe('managing leavers');
      expect(answer?.matches[0]?.heading).toBe('Managing leavers');
    });

    it('answers one line of standard input per JSON line, in order', async () => {
      const { code, stdout } = await run(['--json', '--stdin'], { stdin: 'leavers\nonboarding\nzzqx qqzz\n' });
      expect(code).toBe(0);
      const answers = jsonLines(stdout);
      expect(answers.map((a) => a.query)).toEqual(['leavers', 'onboarding', 'zzqx qqzz']);
      expect(answers.map((a) => a.answered)).toEqual([true, true, false]);
      expect(answers[0]?.matches[0]?.heading).toBe('Managing leavers');
      expect(answers[1]?.matches[0]?.heading).toBe('Onboarding new team members');
    });

    it('keeps blank input lines, so output lines up with input', async () => {
      const { stdout } = await run(['--stdin', '--json'], { stdin: 'leavers\n\nweeknote' });
      expect(jsonLines(stdout).map((a) => [a.query, a.answered])).toEqual([
        ['leavers', true],
        ['', false],
        ['weeknote', true],
      ]);
    });
  });

  describe('text output', () => {
    it('shows the section with its links resolved and the section URL', async () => {
      const { code, stdout } = await run(['leavers']);
      expect(code).toBe(0);
      expect(stdout).toContain('Managing leavers');
      expect(stdout).toContain('user reviewer (https://github.com/alphagov/govuk-user-reviewer)');
      expect(stdout).toContain('https://github.com/alphagov/govuk-user-reviewer/pull/542');
      expect(stdout).toContain('https://trello.com/c/IQIV54Pc/378-leaver');
      expect(stdout).toContain(LEAVERS_URL);
      expect(stdout).toContain('Owned by #govuk-tech-leads');
      // References are resolved, not shown as written.
      expect(stdout).not.toMatch(/\]\[|\[user reviewer\]/);
    });

    it('says when nothing answers, and lists the topics instead', async () => {
      const { code, stdout } = await run(['zzqx', 'qqzz']);
      expect(code).toBe(0);
      expect(stdout).toContain('No section of the manual answers "zzqx qqzz"');
      for (const heading of HEADINGS) expect(stdout).toContain(heading);
    });

    it('separates answers to several lines of standard input', async () => {
      const { stdout } = await run(['--stdin'], { stdin: 'leavers\nweeknote\n' });
      const parts = stdout.split('\n----\n');
      expect(parts).toHaveLength(2);
      expect(parts[0]).toContain(LEAVERS_URL);
      expect(parts[1]).toContain('#attending-tech-lead-stand-up-and-writing-the-weeknote');
    });
  });

  it('topics lists all 12 headings, in page order', async () => {
    const { code, stdout } = await run(['topics']);
    expect(code).toBe(0);
    const listed = stdout
      .split('\n')
      .filter((l) => l.startsWith('  - '))
      .map((l) => l.slice(4));
    expect(listed).toEqual(HEADINGS);
  });

  it('--help prints the usage', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage:/);
  });

  describe('check', () => {
    it('exits 0 for the shipped manual', async () => {
      const { code, stdout, stderr } = await run(['check']);
      expect(code).toBe(0);
      expect(stdout.trim()).toBe('1 pages, 12 sections, 12000 example questions, 0 problems');
      expect(stderr).toBe('');
    });

    describe('a folder with one bad page', () => {
      let manual: ReturnType<typeof tempManual>;
      beforeAll(() => {
        manual = tempManual({
          'good.html.md': page('Good page', '## Topic\n\nText.'),
          'alerts/bad.html.md': '---\ntitle: Bad\nowner_slack: "#x"\n  section: wrong\n---\n\nText.\n',
        });
      });
      afterAll(() => manual.remove());

      it('exits non-zero and lists the file, with its line', async () => {
        const { code, stdout, stderr } = await run(['check'], { env: { MANUAL_DIR: manual.dir } });
        expect(code).not.toBe(0);
        expect(stderr).toMatch(/^alerts\/bad\.html\.md:4: front matter is not valid YAML/m);
        expect(stdout).toContain('1 pages');
        expect(stdout).toContain('1 problems');
      });

      it('still answers from the good pages, warning about the bad one', async () => {
        const { code, stdout, stderr } = await run(['--json', 'topic'], { env: { MANUAL_DIR: manual.dir } });
        expect(code).toBe(0);
        expect(stderr).toContain('warning: skipped alerts/bad.html.md:4');
        expect(jsonLines(stdout)[0]?.matches[0]?.heading).toBe('Topic');
      });
    });

    it('fails clearly for a folder with no pages', async () => {
      const empty = tempManual({});
      try {
        const { code, stderr } = await run(['check'], { env: { MANUAL_DIR: empty.dir } });
        expect(code).toBe(1);
        expect(stderr).toMatch(/^techlead: no manual pages/);
      } finally {
        empty.remove();
      }
    });
  });

  describe('--limit', () => {
    it('limits the number of matches', async () => {
      expect(jsonLines((await run(['--json', '--limit', '1', 'team'])).stdout)[0]?.matches).toHaveLength(1);
      expect(jsonLines((await run(['--json', '--limit=5', 'team'])).stdout)[0]?.matches).toHaveLength(5);
      expect(jsonLines((await run(['--json', 'team'])).stdout)[0]?.matches).toHaveLength(3);
    });

    it.each([['0'], ['51'], ['2.5'], ['many'], ['-1']])('rejects --limit %s with exit code 2 and the usage', async (value) => {
      const { code, stdout, stderr } = await run(['--json', '--limit', value, 'leavers']);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(`--limit takes a whole number from 1 to 50, not "${value}"`);
      expect(stderr).toContain('Usage:');
    });

    it('rejects --limit with no value', async () => {
      const { code, stderr } = await run(['leavers', '--limit']);
      expect(code).toBe(2);
      expect(stderr).toContain('--limit takes a whole number');
    });
  });

  it('rejects an unknown option and a missing question', async () => {
    const unknown = await run(['--jsn', 'leavers']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown option --jsn');
    const none = await run(['--json']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no question given');
  });

  describe('MANUAL_DIR', () => {
    let manual: ReturnType<typeof tempManual>;
    beforeAll(() => {
      manual = tempManual({
        'ops/kettle.html.md': page('Kitchen duties', 'Intro.\n\n## Descaling the kettle\n\nUse vinegar once a month.', 'owner_slack: "#kitchen"\n'),
      });
    });
    afterAll(() => manual.remove());

    it('is the manual the CLI answers from', async () => {
      const env = { MANUAL_DIR: manual.dir, MANUAL_BASE_URL: 'https://manual.example.test/docs' };
      const topics = await run(['topics'], { env });
      expect(topics.stdout).toContain('Descaling the kettle');
      expect(topics.stdout).not.toContain('Managing leavers');

      const [answer] = jsonLines((await run(['--json', 'descaling', 'kettle'], { env })).stdout);
      expect(answer?.answered).toBe(true);
      expect(answer?.matches[0]).toMatchObject({
        page: 'Kitchen duties',
        heading: 'Descaling the kettle',
        url: 'https://manual.example.test/docs/ops/kettle.html#descaling-the-kettle',
      });
      expect(jsonLines((await run(['--json', 'leavers'], { env })).stdout)[0]?.answered).toBe(false);
    });

    it('may be relative to the working directory', async () => {
      const relative = path.relative(process.cwd(), manual.dir);
      const { stdout } = await run(['check'], { env: { MANUAL_DIR: relative } });
      expect(stdout.trim()).toBe('1 pages, 2 sections, 0 problems');
    });
  });
});

// The built command, as people run it. `npm test` builds first; skipped if dist/ is not there.
const BIN = path.resolve(process.cwd(), 'dist/cli/main.js');
(existsSync(BIN) ? describe : describe.skip)('techlead (built binary)', () => {
  it('answers --json leavers on one line', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.MANUAL_DIR;
    delete env.MANUAL_BASE_URL;
    delete env.SYNONYMS_FILE;
    const { stdout } = await promisify(execFile)(process.execPath, [BIN, '--json', 'leavers'], { cwd: process.cwd(), env });
    const answers = jsonLines(stdout);
    expect(answers).toHaveLength(1);
    expect(answers[0]?.matches[0]?.url).toBe(LEAVERS_URL);
  });

  it('exits 1 from check for a folder with a bad page', async () => {
    const manual = tempManual({ 'bad.html.md': '---\nowner_slack: "#x"\n---\n\nNo title.\n', 'good.html.md': page('Good', 'Text.') });
    try {
      await expect(promisify(execFile)(process.execPath, [BIN, 'check'], { env: { ...process.env, MANUAL_DIR: manual.dir } })).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringContaining('bad.html.md:1'),
      });
    } finally {
      manual.remove();
    }
  });
});
