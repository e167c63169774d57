import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PostgresStore } from '../../src/store/postgresStore.js';
import type { GapRecord, RecordStore, VoteRecord } from '../../src/store/recordStore.js';
import { SqliteStore } from '../../src/store/sqliteStore.js';
import { createTestDatabase, describeWithPostgres, type TestDatabase } from '../support/postgres.js';

const DAY = 86_400_000;
const NOW = Date.now();
const ago = (days: number) => new Date(NOW - days * DAY);
const PAGE = { url: 'https://docs.example/manual/deploying.html', title: 'Deploying an application' };
const OTHER = { url: 'https://docs.example/manual/on-call.html', title: 'Being on call' };

const gap = (question: string, extra: Partial<GapRecord> = {}): GapRecord => ({ question, reason: 'declined', page: PAGE, owner: '#fixture-platform', at: ago(1), ...extra });
const vote = (key: string, helpful: boolean, extra: Partial<VoteRecord> = {}): VoteRecord => ({
  key, helpful, section: `${PAGE.url}#deploy-freezes`, page: PAGE, owner: '#fixture-platform', ...(helpful ? {} : { question: 'can I deploy on friday' }), at: ago(1), ...extra,
});
const empty = { counts: [], gaps: [], votes: [] };

/**
 * The record store's contract, for each store: the embedded SQLite file always, PostgreSQL when
 * a server is running (CI starts one). `open` gives a new connection to the same store each call.
 */
function contract(name: string, setUp: () => Promise<{ open: () => RecordStore; tearDown: () => Promise<void> }>) {
  describe(`${name} record store`, () => {
    let open: () => RecordStore;
    let tearDown: () => Promise<void>;
    let store: RecordStore;
    beforeAll(async () => {
      ({ open, tearDown } = await setUp());
      // Two processes starting at once: both migrate, neither fails, the schema is made once.
      const other = open();
      store = open();
      await Promise.all([store.migrate(), other.migrate()]);
      await other.close();
    });
    afterAll(async () => {
      await store?.close();
      await tearDown?.();
    });

    it('migrates again without harm', async () => {
      await store.migrate();
      await store.write(empty);
    });

    it('adds counts up across batches, and reports questions per day and the answer rate per page', async () => {
      const day = ago(2).toISOString().slice(0, 10);
      const today = ago(0).toISOString().slice(0, 10);
      await store.write({ ...empty, counts: [{ day, page: PAGE, outcome: 'section', count: 3 }, { day, page: PAGE, outcome: 'none', count: 1 }, { day, outcome: 'none', count: 2 }] });
      await store.write({ ...empty, counts: [{ day, page: PAGE, outcome: 'section', count: 2 }, { day: today, page: OTHER, outcome: 'page', count: 1 }, { day: today, page: OTHER, outcome: 'offer', count: 1 }] });
      const stats = await store.stats(ago(3));
      expect(stats.days).toEqual([
        { day, questions: 8, answered: 5 },
        { day: today, questions: 2, answered: 1 },
      ]);
      const byPage = new Map(stats.pages.map((p) => [p.page?.url ?? '', p]));
      expect(byPage.get(PAGE.url)).toMatchObject({ page: PAGE, questions: 6, answered: 5 });
      expect(byPage.get(OTHER.url)).toMatchObject({ page: OTHER, questions: 2, answered: 1 });
      expect(byPage.get('')).toMatchObject({ questions: 2, answered: 0 });
      expect(byPage.get('')?.page).toBeUndefined();
      // Days before `since` are left out.
      expect((await store.stats(ago(1))).days.map((d) => d.day)).toEqual([today]);
    });

    it('groups gaps by question (whatever its case), reason and page, most-asked first', async () => {
      const since = ago(30);
      await store.write({
        ...empty,
        gaps: [
          gap('Where is the rota?', { page: OTHER, owner: '#fixture-on-call', at: ago(3) }),
          gap('where is the rota?', { page: OTHER, owner: '#fixture-on-call', at: ago(2) }),
          gap('WHERE IS THE ROTA?', { page: OTHER, owner: '#fixture-on-call', at: ago(1) }),
          gap('can I deploy on a bank holiday', { reason: 'offered', at: ago(5) }),
          gap('how do I book annual leave', { page: undefined, owner: '#govuk-developers', at: ago(4) }),
          gap('how do I book annual leave', { page: undefined, owner: '#govuk-developers', at: ago(40) }),
        ],
      });
      const gaps = await store.gaps(since);
      const rota = gaps[0]!;
      expect(rota).toMatchObject({ reason: 'declined', count: 3, page: OTHER, owner: '#fixture-on-call' });
      expect(rota.question.toLowerCase()).toBe('where is the rota?');
      expect(rota.lastAsked.getTime()).toBe(ago(1).getTime());
      const leave = gaps.find((g) => g.question === 'how do I book annual leave')!;
      // The one asked 40 days ago is before `since`.
      expect(leave).toMatchObject({ count: 1, owner: '#govuk-developers' });
      expect(leave.page).toBeUndefined();
      expect(gaps.find((g) => g.reason === 'offered')).toMatchObject({ question: 'can I deploy on a bank holiday', count: 1, page: PAGE });
      for (let i = 1; i < gaps.length; i++) expect(gaps[i - 1]!.count).toBeGreaterThanOrEqual(gaps[i]!.count);
    });

    it('counts one vote per key: a later vote replaces it, and a vote changed to helpful takes its question out of the report', async () => {
      await store.write({ ...empty, votes: [vote('k-a', false), vote('k-b', true)] });
      await store.write({ ...empty, votes: [vote('k-a', false, { at: ago(0.5) })] });
      let unhelpful = (await store.gaps(ago(30))).filter((g) => g.reason === 'unhelpful');
      expect(unhelpful).toEqual([expect.objectContaining({ question: 'can I deploy on friday', count: 1, page: PAGE, owner: '#fixture-platform' })]);
      let page = (await store.stats(ago(30))).pages.find((p) => p.page?.url === PAGE.url)!;
      expect(page).toMatchObject({ helpful: 1, notHelpful: 1 });

      await store.write({ ...empty, votes: [vote('k-a', true)] });
      unhelpful = (await store.gaps(ago(30))).filter((g) => g.reason === 'unhelpful');
      expect(unhelpful).toEqual([]);
      page = (await store.stats(ago(30))).pages.find((p) => p.page?.url === PAGE.url)!;
      expect(page).toMatchObject({ helpful: 2, notHelpful: 0 });
    });

    it('lets exactly one of many concurrent claims win, keeps its result, and can give it up', async () => {
      const others = [open(), open()];
      try {
        const all = [store, ...others];
        const results = await Promise.all(Array.from({ length: 12 }, (_, i) => all[i % all.length]!.claim('event:Ev1', 'event', new Date())));
        expect(results.filter(Boolean)).toHaveLength(1);
      } finally {
        for (const o of others) await o.close();
      }
      expect(await store.claim('ask:k1', 'ask', new Date())).toBe(true);
      expect(await store.claimResult('ask:k1')).toBeUndefined();
      await store.complete('ask:k1', '{"channelId":"C1"}');
      expect(await store.claimResult('ask:k1')).toBe('{"channelId":"C1"}');
      expect(await store.claim('ask:k1', 'ask', new Date())).toBe(false);
      await store.release('ask:k1');
      expect(await store.claim('ask:k1', 'ask', new Date())).toBe(true);
    });

    it('purges gaps, votes and claims older than their cutoffs, and nothing newer', async () => {
      await store.write({ ...empty, gaps: [gap('old question', { at: ago(100) }), gap('new question', { at: ago(10) })], votes: [vote('old-vote', true, { at: ago(100) })] });
      await store.claim('event:old', 'event', ago(2));
      await store.claim('event:new', 'event', ago(0.1));
      await store.claim('ask:old', 'ask', ago(100));
      const purged = await store.purge(ago(90), { event: ago(1), ask: ago(90) });
      // 'old question' only: 'how do I book annual leave', asked 40 days ago, is within 90.
      expect(purged.gaps).toBe(1);
      expect(purged.votes).toBe(1);
      expect(purged.claims).toBe(2);
      const questions = (await store.gaps(ago(1000))).map((g) => g.question);
      expect(questions).toContain('new question');
      expect(questions).not.toContain('old question');
      expect(await store.claim('event:new', 'event', new Date())).toBe(false);
      expect(await store.claim('event:old', 'event', new Date())).toBe(true);
      expect(await store.purge(ago(90), { event: ago(1), ask: ago(90) })).toEqual({ gaps: 0, votes: 0, claims: 0 });
    });
  });
}

contract('SQLite (embedded)', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'techlead-store-'));
  const file = path.join(dir, 'nested', 'records.sqlite');
  return { open: () => new SqliteStore(file), tearDown: async () => rmSync(dir, { recursive: true, force: true }) };
});

const describePg = await describeWithPostgres();
describePg('with PostgreSQL', () => {
  let db: TestDatabase | undefined;
  contract('PostgreSQL', async () => {
    db = await createTestDatabase();
    const url = db.url;
    return { open: () => new PostgresStore(url), tearDown: async () => db?.drop() };
  });
});

describe('SQLite (embedded) for readers', () => {
  it('will not create the file when it must exist (techlead gaps before the bot ever ran)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'techlead-store-'));
    try {
      const store = new SqliteStore(path.join(dir, 'missing', 'records.sqlite'), { mustExist: true });
      await expect(store.migrate()).rejects.toMatchObject({ code: 'ENOENT' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
