import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { FakeSlack } from '../support/fakeSlack.js';
import { SMALL_MANUAL } from '../support/listenerDeps.js';
import { createTestDatabase, describeWithPostgres, PG_ADMIN_URL, type TestDatabase } from '../support/postgres.js';
import { commandBody, eventBody, mentionEvent } from '../support/signedRequest.js';
import { asMessage, headerOf } from '../support/slackMessage.js';
import { type LogEntry, type RunningBot, startBot } from '../support/startBot.js';
import { TcpProxy } from '../support/tcpProxy.js';

/**
 * The record store down or slow: the bot answers all the same, says so once (not per request)
 * and on /healthz, and reconnects by itself. Flushes every 100 ms here, so an outage is noticed
 * (and would be logged, were it logged per attempt) many times over.
 */
const FAST = { recorder: { flushEveryMs: 100, claimTimeoutMs: 500 } };

let slack: FakeSlack;
beforeAll(async () => {
  slack = await new FakeSlack().start();
});
beforeEach(() => slack.reset());
afterAll(async () => {
  await slack.stop();
});

const outageLines = (bot: RunningBot) => bot.logs.filter((l: LogEntry) => /^record store (unavailable|still unavailable)/.test(String(l.msg)));
const health = async (bot: RunningBot) => {
  const res = await fetch(`${bot.url}/healthz`);
  return { status: res.status, body: (await res.json()) as { status: string; store: { backend: string; status: string; pending: number } } };
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Waits until the bot has written everything it held (what /healthz says), or fails after 10 s. */
async function caughtUp(bot: RunningBot) {
  for (const until = Date.now() + 10_000; Date.now() < until; await sleep(50)) {
    const { body } = await health(bot);
    if (body.store.status === 'ok' && body.store.pending === 0) return body;
  }
  throw new Error(`the store did not catch up: ${JSON.stringify((await health(bot)).body)}`);
}

async function expectAnswers(bot: RunningBot, mentions: number) {
  const res = await bot.post(commandBody('roll back a release'));
  expect(res.status).toBe(200);
  expect(headerOf(asMessage(res.json))).toBe('Roll back a release');
  const before = slack.callsTo('chat.postMessage').length;
  for (let i = 0; i < mentions; i++) await bot.post(eventBody(mentionEvent(`<@${FakeSlack.BOT_USER_ID}> deploy freezes`)));
  await slack.waitFor('chat.postMessage', before + mentions);
}

describe('the embedded store unavailable', () => {
  it('answers, reports it once and on /healthz, and reconnects when the folder can be made', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'techlead-outage-'));
    // DATA_DIR under a file: the store's folder cannot be made (as root, permissions would not stop it).
    const blocker = path.join(root, 'blocked');
    writeFileSync(blocker, 'not a folder');
    const bot = await startBot(slack.url, { MANUAL_DIR: SMALL_MANUAL, DATA_DIR: path.join(blocker, 'data') }, FAST);
    try {
      await bot.waitForLog((l) => l.msg?.toString().startsWith('record store unavailable') === true);
      await expectAnswers(bot, 2);
      await sleep(400);
      expect(outageLines(bot)).toHaveLength(1);
      expect(outageLines(bot)[0]).toMatchObject({ level: 'error', backend: 'sqlite', code: 'ENOTDIR' });
      const down = await health(bot);
      expect(down.status).toBe(200);
      expect(down.body.status).toBe('degraded');
      expect(down.body.store).toMatchObject({ backend: 'sqlite', status: 'unavailable' });
      expect(down.body.store.pending).toBeGreaterThan(0);

      rmSync(blocker);
      mkdirSync(blocker);
      await bot.waitForLog((l) => l.msg === 'record store available again');
      expect(await caughtUp(bot)).toMatchObject({ status: 'ok', store: { status: 'ok', pending: 0 } });
      // What was counted during the outage was kept and written.
      const stats = await bot.deps.records.store.stats(new Date(Date.now() - 86_400_000));
      expect(stats.days[0]?.questions).toBe(3);
    } finally {
      await bot.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

const describePg = await describeWithPostgres();
describePg('PostgreSQL down, slow, and back', () => {
  let db: TestDatabase;
  let proxy: TcpProxy;
  let bot: RunningBot;
  beforeAll(async () => {
    db = await createTestDatabase();
    const admin = new URL(PG_ADMIN_URL);
    proxy = await new TcpProxy(admin.hostname, Number(admin.port || 5432)).up();
    const url = new URL(db.url);
    url.host = `127.0.0.1:${proxy.port}`;
    bot = await startBot(slack.url, { MANUAL_DIR: SMALL_MANUAL, DATABASE_URL: url.toString() }, FAST);
    await bot.waitForLog((l) => l.msg === 'record store ready');
  });
  afterAll(async () => {
    await bot?.stop();
    await proxy?.down();
    await db?.drop();
  });

  it('answers while the server is gone, logs that once, and reconnects by itself when it is back', async () => {
    await proxy.down();
    await expectAnswers(bot, 3);
    await bot.waitForLog((l) => l.msg?.toString().startsWith('record store unavailable') === true);
    await sleep(400);
    expect(outageLines(bot)).toHaveLength(1);
    expect((await health(bot)).body).toMatchObject({ status: 'degraded', store: { backend: 'postgres', status: 'unavailable' } });
    // The password and the URL never reach the logs.
    expect(JSON.stringify(bot.logs)).not.toContain(db.url);

    await proxy.up();
    await bot.waitForLog((l) => l.msg === 'record store available again');
    expect(await caughtUp(bot)).toMatchObject({ status: 'ok', store: { status: 'ok', pending: 0 } });
    const stats = await bot.deps.records.store.stats(new Date(Date.now() - 86_400_000));
    expect(stats.days[0]?.questions).toBe(4);
  });

  it('answers a mention within the claim’s time limit while the server hangs', async () => {
    proxy.stall();
    try {
      const started = performance.now();
      await expectAnswers(bot, 1);
      // The claim gave up after 500 ms and the event was answered here, not held for the pool's 5 s.
      expect(performance.now() - started).toBeLessThan(4000);
    } finally {
      await proxy.down();
      await proxy.up();
    }
    await bot.waitForLog((l) => l.msg === 'record store available again' && bot.logs.filter((x) => x.msg === 'record store available again').length >= 2, 15_000);
  });
});
