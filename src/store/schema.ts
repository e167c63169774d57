/**
 * The record store's schema, as numbered migrations, each in both dialects side by side so the
 * two stores cannot drift apart. A migration is applied once, in order, at start-up (see each
 * store's migrate()); add a new one at the end, never edit one that has shipped. Each statement
 * is idempotent too (IF NOT EXISTS), so a half-applied migration, from a crash, can run again.
 *
 * Timestamps are ISO 8601 text in SQLite (UTC, so they sort as text) and timestamptz in
 * PostgreSQL; days (UTC) are 'YYYY-MM-DD' text in both.
 */
export interface Migration {
  version: number;
  name: string;
  postgres: string[];
  sqlite: string[];
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'counts, gaps, votes and claims',
    postgres: [
      `CREATE TABLE IF NOT EXISTS question_counts (
        day text NOT NULL,
        page_url text NOT NULL,
        page_title text NOT NULL,
        outcome text NOT NULL,
        count integer NOT NULL,
        PRIMARY KEY (day, page_url, outcome))`,
      `CREATE TABLE IF NOT EXISTS gaps (
        id bigserial PRIMARY KEY,
        question text NOT NULL,
        reason text NOT NULL,
        page_url text NOT NULL,
        page_title text NOT NULL,
        owner text NOT NULL,
        asked_at timestamptz NOT NULL,
        vote_key text UNIQUE)`,
      'CREATE INDEX IF NOT EXISTS gaps_asked_at ON gaps (asked_at)',
      `CREATE TABLE IF NOT EXISTS votes (
        key text PRIMARY KEY,
        section_url text NOT NULL,
        page_url text NOT NULL,
        page_title text NOT NULL,
        helpful boolean NOT NULL,
        voted_at timestamptz NOT NULL)`,
      'CREATE INDEX IF NOT EXISTS votes_voted_at ON votes (voted_at)',
      `CREATE TABLE IF NOT EXISTS claims (
        key text PRIMARY KEY,
        kind text NOT NULL,
        claimed_at timestamptz NOT NULL,
        result text)`,
      'CREATE INDEX IF NOT EXISTS claims_kind_claimed_at ON claims (kind, claimed_at)',
    ],
    sqlite: [
      `CREATE TABLE IF NOT EXISTS question_counts (
        day text NOT NULL,
        page_url text NOT NULL,
        page_title text NOT NULL,
        outcome text NOT NULL,
        count integer NOT NULL,
        PRIMARY KEY (day, page_url, outcome))`,
      `CREATE TABLE IF NOT EXISTS gaps (
        id integer PRIMARY KEY AUTOINCREMENT,
        question text NOT NULL,
        reason text NOT NULL,
        page_url text NOT NULL,
        page_title text NOT NULL,
        owner text NOT NULL,
        asked_at text NOT NULL,
        vote_key text UNIQUE)`,
      'CREATE INDEX IF NOT EXISTS gaps_asked_at ON gaps (asked_at)',
      `CREATE TABLE IF NOT EXISTS votes (
        key text PRIMARY KEY,
        section_url text NOT NULL,
        page_url text NOT NULL,
        page_title text NOT NULL,
        helpful integer NOT NULL,
        voted_at text NOT NULL)`,
      'CREATE INDEX IF NOT EXISTS votes_voted_at ON votes (voted_at)',
      `CREATE TABLE IF NOT EXISTS claims (
        key text PRIMARY KEY,
        kind text NOT NULL,
        claimed_at text NOT NULL,
        result text)`,
      'CREATE INDEX IF NOT EXISTS claims_kind_claimed_at ON claims (kind, claimed_at)',
    ],
  },
];

/** The newest schema this code knows. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
