import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './schema.js';
import {
  type ClaimKind,
  type GapReason,
  type GapSummary,
  mergeCounts,
  mergePageStats,
  NO_PAGE,
  type Purged,
  type RecordBatch,
  type RecordStore,
} from './recordStore.js';

/** The embedded store's file, in DATA_DIR. */
export const SQLITE_FILE = 'techlead.sqlite';

/** Errors after which the connection is no use: it is closed, and the next migrate() opens the file again. */
const REOPEN = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CANTOPEN', 'SQLITE_READONLY_DBMOVED', 'SQLITE_IOERR']);

/**
 * The embedded store: one SQLite file (better-sqlite3), created on first start. WAL mode lets the
 * `techlead gaps` command read it while the bot writes, and a busy timeout lets two processes on
 * one machine take turns; replicas on several machines need PostgreSQL (DATABASE_URL). Calls are
 * synchronous underneath and take about a millisecond for the small batches the bot writes.
 */
export class SqliteStore implements RecordStore {
  readonly backend = 'sqlite';
  private db: Database.Database | undefined;

  constructor(
    /** The file, or ':memory:' for a store that lasts as long as the process (tests). */
    readonly file: string,
    /** For readers (the CLI): fail if the bot has not created the file yet, rather than create an empty one. */
    private readonly options: { mustExist?: boolean } = {},
  ) {}

  get location(): string {
    return this.file;
  }

  private open(): Database.Database {
    if (this.db) return this.db;
    if (this.options.mustExist && !existsSync(this.file)) throw Object.assign(new Error(`${this.file} does not exist`), { code: 'ENOENT' });
    if (!this.options.mustExist && this.file !== ':memory:') mkdirSync(path.dirname(this.file), { recursive: true });
    // A write waits this long for another process's lock (the CLI migrating, another bot on the
    // same file), synchronously: short, so the event loop is never held long; a write that gives
    // up is retried at the next flush.
    const db = new Database(this.file, { fileMustExist: this.options.mustExist ?? false, timeout: 1000 });
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    } catch (err) {
      db.close();
      throw err;
    }
    this.db = db;
    return db;
  }

  /** Runs `work` on the open database; a fatal error closes it, to be opened again by migrate(). */
  private use<T>(work: (db: Database.Database) => T): T {
    const db = this.open();
    try {
      return work(db);
    } catch (err) {
      // Extended codes name the primary one first: SQLITE_IOERR_WRITE is an SQLITE_IOERR.
      const code = String((err as { code?: unknown }).code ?? '');
      if ([...REOPEN].some((c) => code === c || code.startsWith(`${c}_`))) this.drop();
      throw err;
    }
  }

  private drop(): void {
    try {
      this.db?.close();
    } catch {
      // Closing a broken connection can fail too; it is dropped either way.
    }
    this.db = undefined;
  }

  async migrate(): Promise<void> {
    this.use((db) => {
      // IMMEDIATE: the write lock is taken at BEGIN, so of two processes starting at once one
      // migrates and the other waits (busy timeout), then finds nothing left to do.
      db.transaction(() => {
        const current = db.pragma('user_version', { simple: true }) as number;
        for (const m of MIGRATIONS) {
          if (m.version <= current) continue;
          for (const sql of m.sqlite) db.exec(sql);
          db.pragma(`user_version = ${m.version}`);
        }
      }).immediate();
    });
  }

  async write(batch: RecordBatch): Promise<void> {
    this.use((db) => {
      const count = db.prepare(`INSERT INTO question_counts (day, page_url, page_title, outcome, count) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (day, page_url, outcome) DO UPDATE SET count = count + excluded.count, page_title = excluded.page_title`);
      const gap = db.prepare('INSERT INTO gaps (question, reason, page_url, page_title, owner, asked_at) VALUES (?, ?, ?, ?, ?, ?)');
      const vote = db.prepare(`INSERT INTO votes (key, section_url, page_url, page_title, helpful, voted_at) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (key) DO UPDATE SET helpful = excluded.helpful, voted_at = excluded.voted_at`);
      const votedGap = db.prepare(`INSERT INTO gaps (question, reason, page_url, page_title, owner, asked_at, vote_key) VALUES (?, 'unhelpful', ?, ?, ?, ?, ?)
        ON CONFLICT (vote_key) DO UPDATE SET asked_at = excluded.asked_at`);
      const unvotedGap = db.prepare('DELETE FROM gaps WHERE vote_key = ?');
      db.transaction(() => {
        for (const c of mergeCounts(batch.counts)) count.run(c.day, c.page?.url ?? NO_PAGE, c.page?.title ?? '', c.outcome, c.count);
        for (const g of batch.gaps) gap.run(g.question, g.reason, g.page?.url ?? NO_PAGE, g.page?.title ?? '', g.owner, g.at.toISOString());
        for (const v of batch.votes) {
          vote.run(v.key, v.section, v.page?.url ?? NO_PAGE, v.page?.title ?? '', v.helpful ? 1 : 0, v.at.toISOString());
          // A vote changed to helpful takes its question out of the report.
          if (v.helpful || !v.question) unvotedGap.run(v.key);
          else votedGap.run(v.question, v.page?.url ?? NO_PAGE, v.page?.title ?? '', v.owner, v.at.toISOString(), v.key);
        }
      }).immediate();
    });
  }

  async claim(key: string, kind: ClaimKind, at: Date): Promise<boolean> {
    return this.use((db) => db.prepare('INSERT INTO claims (key, kind, claimed_at) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING').run(key, kind, at.toISOString()).changes === 1);
  }

  async complete(key: string, result: string): Promise<void> {
    this.use((db) => db.prepare('UPDATE claims SET result = ? WHERE key = ?').run(result, key));
  }

  async claimResult(key: string): Promise<string | undefined> {
    const row = this.use((db) => db.prepare('SELECT result FROM claims WHERE key = ?').get(key)) as { result: string | null } | undefined;
    return row?.result ?? undefined;
  }

  async release(key: string): Promise<void> {
    this.use((db) => db.prepare('DELETE FROM claims WHERE key = ?').run(key));
  }

  async purge(before: Date, claimsBefore: Record<ClaimKind, Date>): Promise<Purged> {
    return this.use((db) =>
      db.transaction(() => ({
        gaps: db.prepare('DELETE FROM gaps WHERE asked_at < ?').run(before.toISOString()).changes,
        votes: db.prepare('DELETE FROM votes WHERE voted_at < ?').run(before.toISOString()).changes,
        claims:
          db.prepare("DELETE FROM claims WHERE kind = 'event' AND claimed_at < ?").run(claimsBefore.event.toISOString()).changes +
          db.prepare("DELETE FROM claims WHERE kind = 'ask' AND claimed_at < ?").run(claimsBefore.ask.toISOString()).changes,
      })).immediate(),
    );
  }

  async gaps(since: Date): Promise<GapSummary[]> {
    const rows = this.use((db) =>
      db
        .prepare(`SELECT max(question) AS question, reason, page_url, max(page_title) AS page_title, max(owner) AS owner, count(*) AS count, max(asked_at) AS last_asked
          FROM gaps WHERE asked_at >= ? GROUP BY lower(question), reason, page_url ORDER BY count DESC, last_asked DESC, question`)
        .all(since.toISOString()),
    ) as { question: string; reason: GapReason; page_url: string; page_title: string; owner: string; count: number; last_asked: string }[];
    return rows.map((r) => ({
      question: r.question,
      reason: r.reason,
      count: r.count,
      ...(r.page_url === NO_PAGE ? {} : { page: { url: r.page_url, title: r.page_title } }),
      owner: r.owner,
      lastAsked: new Date(r.last_asked),
    }));
  }

  async stats(since: Date): Promise<{ days: { day: string; questions: number; answered: number }[]; pages: ReturnType<typeof mergePageStats> }> {
    const day = since.toISOString().slice(0, 10);
    return this.use((db) => {
      const days = db
        .prepare(`SELECT day, sum(count) AS questions, sum(CASE WHEN outcome IN ('section', 'page') THEN count ELSE 0 END) AS answered
          FROM question_counts WHERE day >= ? GROUP BY day ORDER BY day`)
        .all(day) as { day: string; questions: number; answered: number }[];
      const counts = db
        .prepare(`SELECT page_url AS url, max(page_title) AS title, sum(count) AS questions, sum(CASE WHEN outcome IN ('section', 'page') THEN count ELSE 0 END) AS answered
          FROM question_counts WHERE day >= ? GROUP BY page_url`)
        .all(day) as { url: string; title: string; questions: number; answered: number }[];
      const votes = db
        .prepare(`SELECT page_url AS url, max(page_title) AS title, sum(helpful) AS helpful, sum(1 - helpful) AS notHelpful
          FROM votes WHERE voted_at >= ? GROUP BY page_url`)
        .all(since.toISOString()) as { url: string; title: string; helpful: number; notHelpful: number }[];
      return { days, pages: mergePageStats(counts, votes) };
    });
  }

  async close(): Promise<void> {
    this.drop();
  }
}
