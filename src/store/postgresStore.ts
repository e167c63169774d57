import pg from 'pg';
import { MIGRATIONS } from './schema.js';
import {
  type ClaimKind,
  type DayStats,
  type GapReason,
  type GapSummary,
  mergeCounts,
  mergePageStats,
  NO_PAGE,
  type PageStats,
  type Purged,
  type RecordBatch,
  type RecordStore,
} from './recordStore.js';

/** Any 64-bit number of our own: replicas starting at once queue on it to migrate one at a time. */
const MIGRATION_LOCK = 7_239_104_417;

export interface PostgresOptions {
  /** Connections per process: the bot writes small batches every few seconds, so a few are plenty. */
  max?: number;
  connectionTimeoutMs?: number;
  /** A query that takes longer fails (client side), so a slow server cannot hold a caller forever. */
  queryTimeoutMs?: number;
  /** Errors from idle connections (the server restarted, the network dropped). Unhandled, they would end the process. */
  onIdleError?: (err: Error) => void;
}

/** host:port/database, for logs: never the user or password. */
export function describePostgresUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname}:${url.port || '5432'}${url.pathname}`;
  } catch {
    return 'postgres';
  }
}

/**
 * PostgreSQL (node-postgres), shared by every replica. The pool reconnects by itself: a query
 * after an outage opens a fresh connection, and a connection that broke is discarded rather than
 * reused.
 */
export class PostgresStore implements RecordStore {
  readonly backend = 'postgres';
  readonly location: string;
  private readonly pool: pg.Pool;

  constructor(databaseUrl: string, options: PostgresOptions = {}) {
    this.location = describePostgresUrl(databaseUrl);
    this.pool = new pg.Pool({
      connectionString: databaseUrl,
      max: options.max ?? 4,
      connectionTimeoutMillis: options.connectionTimeoutMs ?? 3000,
      query_timeout: options.queryTimeoutMs ?? 5000,
      idleTimeoutMillis: 30_000,
      keepAlive: true,
      application_name: 'techlead-bot',
    });
    this.pool.on('error', (err) => options.onIdleError?.(err));
  }

  /** Runs `work` in a transaction; a connection that failed is destroyed, not returned to the pool. */
  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    // A checked-out client that loses its connection emits 'error' (besides failing its query),
    // and the pool listens only to idle ones: unheard, that error would end the process.
    const onError = (err: Error) => {
      broken = err;
    };
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      // A server error (it has a SQLSTATE code) leaves the connection usable once rolled back.
      if (typeof (err as { code?: unknown }).code !== 'string' || String((err as { code: string }).code).length !== 5) broken = err as Error;
      await client.query('ROLLBACK').catch((rollbackErr: Error) => {
        broken ??= rollbackErr;
      });
      throw err;
    } finally {
      client.removeListener('error', onError);
      client.release(broken);
    }
  }

  async migrate(): Promise<void> {
    await this.transaction(async (client) => {
      // The lock comes first: even CREATE TABLE IF NOT EXISTS can fail when two connections run it at once.
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
      const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
      const applied = new Set(rows.map((r) => r.version));
      for (const m of MIGRATIONS) {
        if (applied.has(m.version)) continue;
        for (const sql of m.postgres) await client.query(sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      }
    });
  }

  async write(batch: RecordBatch): Promise<void> {
    const counts = mergeCounts(batch.counts);
    await this.transaction(async (client) => {
      if (counts.length) {
        await client.query(
          `INSERT INTO question_counts (day, page_url, page_title, outcome, count)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[])
           ON CONFLICT (day, page_url, outcome) DO UPDATE SET count = question_counts.count + EXCLUDED.count, page_title = EXCLUDED.page_title`,
          [counts.map((c) => c.day), counts.map((c) => c.page?.url ?? NO_PAGE), counts.map((c) => c.page?.title ?? ''), counts.map((c) => c.outcome), counts.map((c) => c.count)],
        );
      }
      if (batch.gaps.length) {
        const g = batch.gaps;
        await client.query(
          `INSERT INTO gaps (question, reason, page_url, page_title, owner, asked_at)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])`,
          [g.map((x) => x.question), g.map((x) => x.reason), g.map((x) => x.page?.url ?? NO_PAGE), g.map((x) => x.page?.title ?? ''), g.map((x) => x.owner), g.map((x) => x.at)],
        );
      }
      for (const v of batch.votes) {
        await client.query(
          `INSERT INTO votes (key, section_url, page_url, page_title, helpful, voted_at) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (key) DO UPDATE SET helpful = EXCLUDED.helpful, voted_at = EXCLUDED.voted_at`,
          [v.key, v.section, v.page?.url ?? NO_PAGE, v.page?.title ?? '', v.helpful, v.at],
        );
        // A vote changed to helpful takes its question out of the report.
        if (v.helpful || !v.question) await client.query('DELETE FROM gaps WHERE vote_key = $1', [v.key]);
        else {
          await client.query(
            `INSERT INTO gaps (question, reason, page_url, page_title, owner, asked_at, vote_key) VALUES ($1, 'unhelpful', $2, $3, $4, $5, $6)
             ON CONFLICT (vote_key) DO UPDATE SET asked_at = EXCLUDED.asked_at`,
            [v.question, v.page?.url ?? NO_PAGE, v.page?.title ?? '', v.owner, v.at, v.key],
          );
        }
      }
    });
  }

  async claim(key: string, kind: ClaimKind, at: Date): Promise<boolean> {
    const res = await this.pool.query('INSERT INTO claims (key, kind, claimed_at) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING', [key, kind, at]);
    return res.rowCount === 1;
  }

  async complete(key: string, result: string): Promise<void> {
    await this.pool.query('UPDATE claims SET result = $2 WHERE key = $1', [key, result]);
  }

  async claimResult(key: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ result: string | null }>('SELECT result FROM claims WHERE key = $1', [key]);
    return rows[0]?.result ?? undefined;
  }

  async release(key: string): Promise<void> {
    await this.pool.query('DELETE FROM claims WHERE key = $1', [key]);
  }

  async purge(before: Date, claimsBefore: Record<ClaimKind, Date>): Promise<Purged> {
    return this.transaction(async (client) => ({
      gaps: (await client.query('DELETE FROM gaps WHERE asked_at < $1', [before])).rowCount ?? 0,
      votes: (await client.query('DELETE FROM votes WHERE voted_at < $1', [before])).rowCount ?? 0,
      claims:
        ((await client.query("DELETE FROM claims WHERE kind = 'event' AND claimed_at < $1", [claimsBefore.event])).rowCount ?? 0) +
        ((await client.query("DELETE FROM claims WHERE kind = 'ask' AND claimed_at < $1", [claimsBefore.ask])).rowCount ?? 0),
    }));
  }

  async gaps(since: Date): Promise<GapSummary[]> {
    const { rows } = await this.pool.query<{ question: string; reason: GapReason; page_url: string; page_title: string; owner: string; count: number; last_asked: Date }>(
      `SELECT max(question) AS question, reason, page_url, max(page_title) AS page_title, max(owner) AS owner, count(*)::int AS count, max(asked_at) AS last_asked
       FROM gaps WHERE asked_at >= $1 GROUP BY lower(question), reason, page_url ORDER BY count DESC, last_asked DESC, question`,
      [since],
    );
    return rows.map((r) => ({
      question: r.question,
      reason: r.reason,
      count: r.count,
      ...(r.page_url === NO_PAGE ? {} : { page: { url: r.page_url, title: r.page_title } }),
      owner: r.owner,
      lastAsked: r.last_asked,
    }));
  }

  async stats(since: Date): Promise<{ days: DayStats[]; pages: PageStats[] }> {
    const day = since.toISOString().slice(0, 10);
    const answered = "sum(CASE WHEN outcome IN ('section', 'page') THEN count ELSE 0 END)::int";
    const [days, counts, votes] = await Promise.all([
      this.pool.query<DayStats>(`SELECT day, sum(count)::int AS questions, ${answered} AS answered FROM question_counts WHERE day >= $1 GROUP BY day ORDER BY day`, [day]),
      this.pool.query<{ url: string; title: string; questions: number; answered: number }>(
        `SELECT page_url AS url, max(page_title) AS title, sum(count)::int AS questions, ${answered} AS answered FROM question_counts WHERE day >= $1 GROUP BY page_url`,
        [day],
      ),
      this.pool.query<{ url: string; title: string; helpful: number; notHelpful: number }>(
        `SELECT page_url AS url, max(page_title) AS title, count(*) FILTER (WHERE helpful)::int AS helpful, count(*) FILTER (WHERE NOT helpful)::int AS "notHelpful"
         FROM votes WHERE voted_at >= $1 GROUP BY page_url`,
        [since],
      ),
    ]);
    return { days: days.rows, pages: mergePageStats(counts.rows, votes.rows) };
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
