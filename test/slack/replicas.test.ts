import { afterAll, beforeAll, expect, it, jest } from '@jest/globals';
import pg from 'pg';
import { type ChildBot, spawnBot } from '../support/childBot.js';
import { FakeSlack } from '../support/fakeSlack.js';
import { SMALL_MANUAL } from '../support/listenerDeps.js';
import { createTestDatabase, describeWithPostgres, type TestDatabase } from '../support/postgres.js';
import { eventBody, mentionEvent, messageEvent, postToSlackEndpoint } from '../support/signedRequest.js';
import { BOT_TOKEN, SIGNING_SECRET } from '../support/startBot.js';

/** A hang guard for the child processes, not a performance assertion. */
jest.setTimeout(30_000);

const EVENTS = 24;
const retry = (n: number) => ({ 'x-slack-retry-num': String(n), 'x-slack-retry-reason': 'http_timeout' });

const describePg = await describeWithPostgres();
describePg('two replicas on one DATABASE_URL', () => {
  let db: TestDatabase;
  let slack: FakeSlack;
  const bots: ChildBot[] = [];
  const urls: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    slack = await new FakeSlack().start();
    // Started together: both migrate the empty database at once.
    for (let i = 0; i < 2; i++) {
      bots.push(spawnBot({
        SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.url, PORT: '0', HOST: '127.0.0.1',
        LOG_FORMAT: 'json', WATCH_MANUAL: 'false', MANUAL_DIR: SMALL_MANUAL, DATABASE_URL: db.url,
      }));
    }
    for (const bot of bots) {
      const listening = await bot.waitForLog((l) => l.msg === 'listening', 20_000);
      urls.push(`http://127.0.0.1:${String(listening.port)}`);
      await bot.waitForLog((l) => l.msg === 'record store ready', 20_000);
    }
  });
  afterAll(async () => {
    await Promise.all(bots.map((b) => b.kill()));
    await slack?.stop();
    await db?.drop();
  });

  it('migrated the schema once, whichever started first', async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((r) => r.version)).toEqual([1]);
    } finally {
      await client.end();
    }
  });

  it('posts exactly one reply per event while Slack’s retries race across both', async () => {
    const threads: string[] = [];
    const sends: Promise<{ status: number }>[] = [];
    for (let i = 0; i < EVENTS; i++) {
      // Mentions and DMs; the first delivery goes to either replica, and its retries to both.
      const event = i % 3 === 2 ? messageEvent('who is on call', { user: `U${String(1000 + i).padStart(8, '0')}` }) : mentionEvent(`<@${FakeSlack.BOT_USER_ID}> deploy freezes`);
      threads.push(String(event.ts));
      const body = eventBody(event, `EvReplica${Date.now()}${i}`);
      const [first, second] = i % 2 ? [urls[0]!, urls[1]!] : [urls[1]!, urls[0]!];
      const post = (url: string, headers: Record<string, string> = {}) => postToSlackEndpoint(url, body, { secret: SIGNING_SECRET, headers });
      sends.push(post(first), post(second, retry(1)), post(first, retry(2)), post(second, retry(3)));
    }
    const results = await Promise.all(sends);
    expect(results.every((r) => r.status === 200)).toBe(true);

    await slack.waitFor('chat.postMessage', EVENTS, 15_000);
    // Time for a second answer to any event to arrive, were there one.
    await new Promise((r) => setTimeout(r, 1000));
    const posts = slack.callsTo('chat.postMessage');
    expect(posts).toHaveLength(EVENTS);
    const answered = posts.map((p) => String(p.args.thread_ts ?? p.args.channel));
    const mentionThreads = threads.filter((_, i) => i % 3 !== 2);
    expect(new Set(posts.filter((p) => p.args.channel === 'C0TECHLEAD').map((p) => String(p.args.thread_ts)))).toEqual(new Set(mentionThreads));
    expect(answered).toHaveLength(EVENTS);
    // Both replicas answered some: the claims, not one replica's memory, decided.
    const answeredBy = bots.map((b) => b.logs().filter((l) => l.msg === 'question').length);
    expect(answeredBy.reduce((a, b) => a + b, 0)).toBe(EVENTS);
    expect(Math.min(...answeredBy)).toBeGreaterThan(0);
  });
});
