import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { runCli } from '../../src/cli/cli.js';
import type { GapsJson } from '../../src/report/gapsReport.js';
import type { StatsJson } from '../../src/report/statsReport.js';
import { SQLITE_FILE, SqliteStore } from '../../src/store/sqliteStore.js';
import { FakeSlack } from '../support/fakeSlack.js';
import { allText, asMessage, blockKitViolations } from '../support/slackMessage.js';

const NOW = new Date('2026-12-07T12:00:00Z');
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);
const DEPLOYING = { url: 'https://docs.example/manual/deploying.html', title: 'Deploying an application' };
const ON_CALL = { url: 'https://docs.example/manual/on-call.html', title: 'Being on call' };

let dir: string;
let slack: FakeSlack;

async function run(args: string[], env: Record<string, string> = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { out: [] as Buffer[], err: [] as Buffer[] };
  stdout.on('data', (c: Buffer) => chunks.out.push(c));
  stderr.on('data', (c: Buffer) => chunks.err.push(c));
  const code = await runCli(args, { stdout, stderr, stdin: new PassThrough(), env: { DATA_DIR: dir, ...env }, now: () => NOW, load: () => Promise.reject(new Error('gaps and stats must not load the manual')) });
  return { code, stdout: Buffer.concat(chunks.out).toString(), stderr: Buffer.concat(chunks.err).toString() };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'techlead-cli-'));
  const store = new SqliteStore(path.join(dir, SQLITE_FILE));
  await store.migrate();
  const gap = (question: string, reason: 'declined' | 'offered', page: typeof DEPLOYING | undefined, owner: string, days: number) => ({ question, reason, ...(page ? { page } : {}), owner, at: ago(days) });
  await store.write({
    counts: [
      { day: ago(2).toISOString().slice(0, 10), page: DEPLOYING, outcome: 'section', count: 6 },
      { day: ago(2).toISOString().slice(0, 10), page: DEPLOYING, outcome: 'offer', count: 2 },
      { day: ago(1).toISOString().slice(0, 10), outcome: 'none', count: 3 },
      { day: ago(1).toISOString().slice(0, 10), page: ON_CALL, outcome: 'page', count: 1 },
    ],
    gaps: [
      gap('can I deploy on a bank holiday', 'offered', DEPLOYING, '#fixture-platform', 2),
      gap('can I deploy on a bank holiday', 'offered', DEPLOYING, '#fixture-platform', 1),
      gap('how do I book annual leave', 'declined', undefined, '#govuk-developers', 1),
      gap('how do I book annual leave', 'declined', undefined, '#govuk-developers', 0.5),
      gap('how do I book annual leave', 'declined', undefined, '#govuk-developers', 0.2),
      gap('old question <!here>', 'declined', undefined, '#govuk-developers', 10),
    ],
    votes: [
      { key: 'a', helpful: true, section: `${DEPLOYING.url}#deploy-freezes`, page: DEPLOYING, owner: '#fixture-platform', at: ago(1) },
      { key: 'b', helpful: false, section: `${DEPLOYING.url}#deploy-freezes`, page: DEPLOYING, owner: '#fixture-platform', question: 'who approves a deploy freeze', at: ago(1) },
      { key: 'c', helpful: true, section: `${DEPLOYING.url}#deploy-freezes`, page: DEPLOYING, owner: '#fixture-platform', at: ago(1) },
    ],
  });
  await store.close();
  slack = await new FakeSlack().start();
});
beforeEach(() => slack.reset());
afterAll(async () => {
  await slack.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('techlead gaps', () => {
  it('--json prints one object: since, and the questions most-asked first', async () => {
    const { code, stdout } = await run(['gaps', '--json']);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const report = JSON.parse(lines[0]!) as GapsJson;
    expect(report.since).toBe(ago(7).toISOString());
    expect(report.questions).toEqual([
      { question: 'how do I book annual leave', reason: 'declined', count: 3, page: null, pageUrl: null, owner: '#govuk-developers', lastAsked: ago(0.2).toISOString() },
      { question: 'can I deploy on a bank holiday', reason: 'offered', count: 2, page: 'Deploying an application', pageUrl: DEPLOYING.url, owner: '#fixture-platform', lastAsked: ago(1).toISOString() },
      { question: 'who approves a deploy freeze', reason: 'unhelpful', count: 1, page: 'Deploying an application', pageUrl: DEPLOYING.url, owner: '#fixture-platform', lastAsked: ago(1).toISOString() },
    ]);
  });

  it('groups by page and owner channel for people, with counts and last-asked times', async () => {
    const { code, stdout } = await run(['gaps']);
    expect(code).toBe(0);
    expect(stdout).toContain('3 questions, asked 6 times');
    const deploying = stdout.indexOf('Deploying an application  #fixture-platform  3 asked');
    const none = stdout.indexOf('(no page close)  #govuk-developers  3 asked');
    expect(deploying).toBeGreaterThan(0);
    expect(none).toBeGreaterThan(0);
    expect(stdout).toMatch(/ 2 {2}offered +can I deploy on a bank holiday {2}\(last 2026-12-06 12:00 UTC\)/);
    expect(stdout).toContain('unhelpful  who approves a deploy freeze');
  });

  it('--since reaches further back, and rejects what it cannot read', async () => {
    const report = JSON.parse((await run(['gaps', '--since', '30d', '--json'])).stdout) as GapsJson;
    expect(report.questions.map((q) => q.question)).toContain('old question <!here>');
    expect(JSON.parse((await run(['gaps', '--since=2026-12-07', '--json'])).stdout).questions).toHaveLength(1);
    for (const bad of ['yesterday', '7', '2030-01-01', '']) {
      const { code, stderr } = await run(['gaps', '--since', bad]);
      expect(code).toBe(2);
      expect(stderr).toContain('--since takes a duration such as 7d');
    }
    expect((await run(['gaps', '--frobnicate'])).code).toBe(2);
  });

  it('says so when the bot has not created the store, and creates nothing', async () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'techlead-cli-empty-'));
    try {
      const { code, stderr } = await run(['gaps'], { DATA_DIR: path.join(empty, 'data') });
      expect(code).toBe(1);
      expect(stderr).toContain('no records yet');
      expect(stderr).toContain('DATA_DIR');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('reports a bad DATABASE_URL without printing it', async () => {
    const { code, stderr } = await run(['gaps'], { DATABASE_URL: 'mysql://u:hunter2-secret@db/x' });
    expect(code).toBe(2);
    expect(stderr).toContain('DATABASE_URL should be a PostgreSQL URL');
    expect(stderr).not.toContain('hunter2');
  });

  it('--post sends each owner channel its part, and says which it could not', async () => {
    slack.answer('conversations.list', (args) =>
      args.cursor
        ? { ok: true, channels: [{ id: 'C0PLATFORM', name: 'fixture-platform' }], response_metadata: { next_cursor: '' } }
        : { ok: true, channels: [{ id: 'C0DEVS', name: 'govuk-developers' }], response_metadata: { next_cursor: 'page2' } },
    );
    slack.fail('chat.postMessage', { status: 200, body: { ok: false, error: 'not_in_channel' } }, 1);
    const { code, stderr } = await run(['gaps', '--since', '30d', '--post'], { SLACK_BOT_TOKEN: 'xoxb-cli-test', SLACK_API_URL: slack.url });
    expect(code).toBe(1);
    // Most-asked group first: #govuk-developers (4 asks) failed, #fixture-platform was posted.
    expect(stderr).toContain('could not post to #govuk-developers: not_in_channel (invite the bot: /invite @techlead)');
    expect(stderr).toContain('posted 2 questions to #fixture-platform');
    const [post] = slack.callsTo('chat.postMessage');
    expect(post!.args.channel).toBe('C0PLATFORM');
    const message = asMessage(post!.args);
    expect(allText(message)).toContain('can I deploy on a bank holiday');
    expect(allText(message)).toContain('who approves a deploy freeze');
    expect(allText(message)).not.toContain('annual leave');
    expect(blockKitViolations(message)).toEqual([]);
    expect(slack.callsTo('conversations.list')).toHaveLength(2);
  });

  it('--post never lets a question ping a channel', async () => {
    slack.answer('conversations.list', { ok: true, channels: [{ id: 'C0DEVS', name: 'govuk-developers' }, { id: 'C0PLATFORM', name: 'fixture-platform' }] });
    expect((await run(['gaps', '--since', '30d', '--post'], { SLACK_BOT_TOKEN: 'xoxb-cli-test', SLACK_API_URL: slack.url })).code).toBe(0);
    const devs = slack.callsTo('chat.postMessage').find((c) => c.args.channel === 'C0DEVS')!;
    expect(JSON.stringify(devs.args)).not.toContain('<!here>');
    expect(allText(asMessage(devs.args))).toContain('old question &lt;!here&gt;');
  });

  it('--post needs the bot token', async () => {
    const { code, stderr } = await run(['gaps', '--post']);
    expect(code).toBe(2);
    expect(stderr).toContain('SLACK_BOT_TOKEN');
  });
});

describe('techlead stats', () => {
  it('--json gives questions per day and, per page, the answer rate and the helpful rate', async () => {
    const { code, stdout } = await run(['stats', '--json']);
    expect(code).toBe(0);
    const stats = JSON.parse(stdout) as StatsJson;
    expect(stats.days).toEqual([
      { day: '2026-12-05', questions: 8, answered: 6, answerRate: 0.75 },
      { day: '2026-12-06', questions: 4, answered: 1, answerRate: 0.25 },
    ]);
    expect(stats.pages[0]).toEqual({ page: 'Deploying an application', pageUrl: DEPLOYING.url, questions: 8, answered: 6, answerRate: 0.75, helpful: 2, notHelpful: 1, helpfulRate: 0.667 });
    expect(stats.pages.find((p) => p.page === null)).toMatchObject({ questions: 3, answered: 0, answerRate: 0, helpfulRate: null });
  });

  it('prints a table for people', async () => {
    const { code, stdout } = await run(['stats', '--since', '7d']);
    expect(code).toBe(0);
    expect(stdout).toContain('12 questions, 7 answered (58%)');
    expect(stdout).toMatch(/Deploying an application\s+8\s+6\s+75%\s+2\s+1\s+67%/);
  });
});
