import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createLogger } from '../../src/logger.js';
import { Recorder, type RecorderOptions } from '../../src/store/recorder.js';
import { SqliteStore } from '../../src/store/sqliteStore.js';
import { FlakyStore } from '../support/flakyStore.js';

const PAGE = { url: 'https://docs.example/manual/deploying.html', title: 'Deploying an application' };
const DAY = 86_400_000;

let dir: string;
let sqlite: SqliteStore;
let store: FlakyStore;
let logs: Record<string, unknown>[];
let clock: number;
let recorder: Recorder | undefined;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'techlead-recorder-'));
  sqlite = new SqliteStore(path.join(dir, 'records.sqlite'));
  store = new FlakyStore(sqlite);
  logs = [];
  clock = Date.parse('2026-12-07T12:00:00Z');
});
afterEach(async () => {
  await recorder?.close();
  recorder = undefined;
  rmSync(dir, { recursive: true, force: true });
});

function newRecorder(options: Partial<RecorderOptions> = {}): Recorder {
  const logger = createLogger({ level: 'debug', format: 'json', write: (line) => logs.push(JSON.parse(line) as Record<string, unknown>) });
  recorder = new Recorder(store, logger, { retentionDays: 90, now: () => clock, ...options });
  return recorder;
}

const outageLogs = () => logs.filter((l) => /record store (un|still un)available/.test(String(l.msg)));

describe('the recorder', () => {
  it('keeps counts, gaps and votes in memory until a flush writes them in one batch', async () => {
    const r = newRecorder();
    for (let i = 0; i < 5; i++) r.count('section', PAGE);
    r.count('none', undefined);
    r.gap({ question: 'how do I book annual leave', reason: 'declined', owner: '#govuk-developers' });
    r.vote({ key: 'k1', helpful: true, section: `${PAGE.url}#x`, page: PAGE, owner: '#fixture-platform' });
    expect(store.calls.get('write')).toBeUndefined();
    expect(r.pending).toBe(4);
    expect(r.health()).toEqual({ backend: 'sqlite', status: 'connecting', pending: 4 });

    expect(await r.flush()).toBe(true);
    expect(store.calls.get('write')).toBe(1);
    expect(r.pending).toBe(0);
    expect(r.health().status).toBe('ok');
    const stats = await sqlite.stats(new Date(clock - DAY));
    expect(stats.days).toEqual([{ day: '2026-12-07', questions: 6, answered: 5 }]);
    expect((await sqlite.gaps(new Date(clock - DAY))).map((g) => g.question)).toEqual(['how do I book annual leave']);
  });

  it('keeps records through an outage, logs it once a minute, and writes them all when the store is back', async () => {
    const r = newRecorder();
    await r.flush();
    store.down = true;
    for (let round = 0; round < 10; round++) {
      r.count('section', PAGE);
      r.gap({ question: `question ${round}`, reason: 'offered', page: PAGE, owner: '#fixture-platform' });
      expect(await r.flush()).toBe(false);
      clock += 5_000;
    }
    expect(r.health().status).toBe('unavailable');
    // 10 failed flushes over 50 seconds: one line.
    expect(outageLogs()).toHaveLength(1);
    expect(outageLogs()[0]).toMatchObject({ level: 'error', backend: 'sqlite', code: 'ECONNREFUSED' });
    clock += 15_000;
    expect(await r.flush()).toBe(false);
    expect(outageLogs()).toHaveLength(2);
    expect(outageLogs()[1]).toMatchObject({ msg: 'record store still unavailable', failures: 11 });

    store.down = false;
    expect(await r.flush()).toBe(true);
    expect(logs.some((l) => l.msg === 'record store available again')).toBe(true);
    expect(r.health()).toMatchObject({ status: 'ok', pending: 0 });
    // Connected again (migrate) before writing.
    expect(store.calls.get('migrate')).toBeGreaterThanOrEqual(2);
    const stats = await sqlite.stats(new Date(clock - DAY));
    expect(stats.days[0]?.questions).toBe(10);
    expect(await sqlite.gaps(new Date(clock - DAY))).toHaveLength(10);
  });

  it('keeps at most maxPendingGaps questions while the store is down, the newest', async () => {
    const r = newRecorder({ maxPendingGaps: 3 });
    store.down = true;
    for (let i = 1; i <= 5; i++) r.gap({ question: `q${i}`, reason: 'declined', owner: '#govuk-developers' });
    await r.flush();
    expect(outageLogs()[0]).toMatchObject({ dropped: 2 });
    store.down = false;
    await r.flush();
    expect((await sqlite.gaps(new Date(clock - DAY))).map((g) => g.question).sort()).toEqual(['q3', 'q4', 'q5']);
  });

  it('keeps a person’s latest vote on an answer, across a failed write too', async () => {
    const r = newRecorder();
    await r.flush();
    r.vote({ key: 'k1', helpful: false, section: `${PAGE.url}#x`, page: PAGE, owner: '#fixture-platform', question: 'why' });
    store.down = true;
    await r.flush();
    r.vote({ key: 'k1', helpful: true, section: `${PAGE.url}#x`, page: PAGE, owner: '#fixture-platform' });
    store.down = false;
    await r.flush();
    const page = (await sqlite.stats(new Date(clock - DAY))).pages.find((p) => p.page?.url === PAGE.url);
    expect(page).toMatchObject({ helpful: 1, notHelpful: 0 });
    expect(await sqlite.gaps(new Date(clock - DAY))).toEqual([]);
  });

  it('drops a batch the store refuses (it would fail for ever) and goes on', async () => {
    const r = newRecorder();
    r.count('none', undefined);
    store.writeError = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' });
    expect(await r.flush()).toBe(false);
    expect(logs.some((l) => l.msg === 'the record store refused a batch of records; dropped them')).toBe(true);
    expect(r.pending).toBe(0);
    store.writeError = undefined;
    r.count('section', PAGE);
    expect(await r.flush()).toBe(true);
    expect((await sqlite.stats(new Date(clock - DAY))).days[0]?.questions).toBe(1);
  });

  it('claims through the store, and in this process alone while the store is down or slow', async () => {
    const r = newRecorder({ claimTimeoutMs: 100 });
    await r.flush();
    expect(await r.claim('event:E1', 'event')).toBe(true);
    expect(await r.claim('event:E1', 'event')).toBe(false);

    store.down = true;
    expect(await r.claim('event:E2', 'event')).toBe(true);
    expect(await r.claim('event:E2', 'event')).toBe(false);
    await r.complete('event:E2', 'local result');
    expect(await r.claimResult('event:E2')).toBe('local result');
    await r.release('event:E2');
    expect(await r.claim('event:E2', 'event')).toBe(true);
    expect(outageLogs()).toHaveLength(1);

    store.down = false;
    await r.flush();
    store.delayMs = 1000;
    const started = performance.now();
    expect(await r.claim('event:E3', 'event')).toBe(true);
    expect(performance.now() - started).toBeLessThan(900);
    expect(logs.some((l) => String(l.error).includes('did not answer within 100 ms'))).toBe(true);
  });

  it('deletes what is past the retention period when it starts, and says so', async () => {
    await sqlite.migrate();
    await sqlite.write({ counts: [], votes: [], gaps: [
      { question: 'old', reason: 'declined', owner: '#govuk-developers', at: new Date(clock - 91 * DAY) },
      { question: 'recent', reason: 'declined', owner: '#govuk-developers', at: new Date(clock - 89 * DAY) },
    ] });
    const r = newRecorder({ retentionDays: 90 });
    r.start();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await r.purge();
    expect((await sqlite.gaps(new Date(clock - 1000 * DAY))).map((g) => g.question)).toEqual(['recent']);
    expect(logs.find((l) => l.msg === 'deleted records past their retention period')).toMatchObject({ gaps: 1, retentionDays: 90 });
  });

  it('writes what is pending when it closes', async () => {
    const r = newRecorder();
    r.count('page', PAGE);
    await r.close();
    recorder = undefined;
    const reopened = new SqliteStore(path.join(dir, 'records.sqlite'));
    expect((await reopened.stats(new Date(clock - DAY))).days).toEqual([{ day: '2026-12-07', questions: 1, answered: 1 }]);
    await reopened.close();
  });
});

describe('flushing while a flush runs', () => {
  it('writes what was recorded meanwhile, once the running flush is done', async () => {
    const r = newRecorder();
    await r.flush();
    store.delayMs = 100;
    r.count('section', PAGE);
    const first = r.flush();
    await new Promise((resolve) => setTimeout(resolve, 20));
    r.count('none', undefined);
    const [a, b, c] = await Promise.all([first, r.flush(), r.flush()]);
    expect([a, b, c]).toEqual([true, true, true]);
    expect(r.pending).toBe(0);
    expect((await sqlite.stats(new Date(clock - DAY))).days[0]?.questions).toBe(2);
    expect(store.calls.get('write')).toBe(2);
  });
});
