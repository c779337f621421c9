import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Store } from '../../domain/store.js';
import { SqliteAgentRepository, SqliteSessionRepository } from './agent-repository.js';
import { SqliteCannedResponseRepository } from './canned-response-repository.js';
import { SqliteConversationRepository } from './conversation-repository.js';
import { SqliteCustomerRepository } from './customer-repository.js';
import { SqliteMessageRepository } from './message-repository.js';
import { migrate } from './migrate.js';
import { migrations } from './migrations.js';
import { SqliteSiteRepository } from './site-repository.js';

/** Where and how to open the embedded database. */
export interface SqliteStoreOptions {
  /** Directory of the database file; created if missing. */
  dataDir: string;
  /** File name inside `dataDir`; default `aftercare.db`. */
  fileName?: string;
  /** How long a write waits for another connection's lock before failing; default 5000 ms. */
  busyTimeoutMs?: number;
  /** Most message appends committed in one transaction; default 256. */
  maxAppendBatch?: number;
}

/** The embedded `Store`, with a few extras for diagnostics and tests. */
export interface SqliteStore extends Store {
  readonly mode: 'sqlite';
  readonly messages: SqliteMessageRepository;
  /** Absolute or `dataDir`-relative path of the database file. */
  readonly file: string;
  /** Schema version after migrations ran. */
  readonly schemaVersion: number;
  /** The open connection; for diagnostics and tests, not for the domain. */
  readonly db: Database.Database;
}

/**
 * Opens (creating and migrating if needed) the SQLite database under `dataDir` and returns the
 * store. Synchronous because better-sqlite3 is; `close()` commits pending appends first.
 */
export function openSqliteStore(options: SqliteStoreOptions): SqliteStore {
  mkdirSync(options.dataDir, { recursive: true });
  const file = join(options.dataDir, options.fileName ?? 'aftercare.db');
  const db = new Database(file);
  try {
    // WAL lets readers run during a write; FULL fsyncs every commit, so an ack means durable.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
    const schemaVersion = migrate(db, migrations);
    const messages = new SqliteMessageRepository(
      db,
      options.maxAppendBatch === undefined ? {} : { maxAppendBatch: options.maxAppendBatch },
    );
    let closed = false;
    return {
      mode: 'sqlite',
      file,
      schemaVersion,
      db,
      sites: new SqliteSiteRepository(db),
      agents: new SqliteAgentRepository(db),
      sessions: new SqliteSessionRepository(db),
      customers: new SqliteCustomerRepository(db),
      conversations: new SqliteConversationRepository(db),
      messages,
      cannedResponses: new SqliteCannedResponseRepository(db),
      async close() {
        if (closed) return;
        closed = true;
        messages.close();
        db.close();
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
