import { randomBytes } from 'node:crypto';
import { describe } from '@jest/globals';
import pg from 'pg';

/**
 * The PostgreSQL server the tests use: TEST_DATABASE_URL, or the local one (trust auth) that CI
 * starts (.ci/run). Each test file makes a database of its own and drops it after.
 */
export const PG_ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let available: Promise<boolean> | undefined;

/** Whether the server answers (asked once per test file). */
export function postgresAvailable(): Promise<boolean> {
  available ??= (async () => {
    const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return available;
}

/**
 * `describe`, or `describe.skip` with a message saying why, when no PostgreSQL server answers:
 * locally the PostgreSQL tests are skipped; CI always has the server.
 */
export async function describeWithPostgres(): Promise<typeof describe> {
  if (await postgresAvailable()) return describe;
  process.stderr.write(`PostgreSQL is not running at ${new URL(PG_ADMIN_URL).host}: skipping the PostgreSQL tests in this file (start it as .ci/run does, or set TEST_DATABASE_URL).\n`);
  return describe.skip as unknown as typeof describe;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A new, empty database with a unique name, and a way to drop it (closing anything still connected). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `techlead_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
