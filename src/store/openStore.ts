import path from 'node:path';
import type { StoreConfig } from '../config.js';
import { PostgresStore } from './postgresStore.js';
import type { RecordStore } from './recordStore.js';
import { SQLITE_FILE, SqliteStore } from './sqliteStore.js';

export interface OpenOptions {
  /** Readers (the CLI): the embedded store's file must already exist. */
  mustExist?: boolean;
  /** PostgreSQL: errors on idle connections (see PostgresOptions). */
  onIdleError?: (err: Error) => void;
}

/** PostgreSQL when DATABASE_URL is set, else the embedded file in DATA_DIR. Nothing is opened until migrate(). */
export function openRecordStore(config: StoreConfig, options: OpenOptions = {}): RecordStore {
  if (config.databaseUrl) return new PostgresStore(config.databaseUrl, options.onIdleError ? { onIdleError: options.onIdleError } : {});
  return new SqliteStore(path.join(config.dataDir, SQLITE_FILE), { mustExist: options.mustExist ?? false });
}
