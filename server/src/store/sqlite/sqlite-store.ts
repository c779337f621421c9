import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Store } from '../../domain/store.js';
import { FileBlobStore } from '../files/file-blob-store.js';
import { SqliteAgentRepository, SqliteSessionRepository } from './agent-repository.js';
import { SqliteAlertRepository } from './alert-repository.js';
import { APPEND_CHECKPOINT_PAGES } from './append-thread.js';
import { SqliteAttachmentRepository } from './attachment-repository.js';
import { SqliteCannedResponseRepository } from './canned-response-repository.js';
import { CheckpointThread, WAL_KEEP_BYTES } from './checkpoint-thread.js';
import { SqliteConversationRepository } from './conversation-repository.js';
import { SqliteCustomerRepository } from './customer-repository.js';
import { SqliteFollowUpRepository } from './follow-up-repository.js';
import { SqliteMessageRepository } from './message-repository.js';
import { migrate } from './migrate.js';
import { migrations } from './migrations.js';
import { SqliteRatingRepository } from './rating-repository.js';
import { SqliteReportRepository } from './report-repository.js';
import { INDEX_BATCH, indexBatchStatements, SqliteSearchRepository } from './search-repository.js';
import { SqliteSiteIdentityRepository } from './site-identity-repository.js';
import { SqliteSiteRepository } from './site-repository.js';
import { SqliteTeamRepository } from './team-repository.js';
import { SqliteTicketRepository } from './ticket-repository.js';

/** How often appended messages are added to the search index (a bounded batch each time, more at once when behind). */
const SEARCH_INDEX_INTERVAL_MS = 100;

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
  /** How often appended messages are added to the search index; default 100 ms. */
  searchIndexIntervalMs?: number;
  /** WAL length (frames) at which it is copied back into the database file; default `CHECKPOINT_FRAMES`. */
  checkpointFrames?: number;
  /** Size (bytes) the WAL file is cut back to when it starts over; default `WAL_KEEP_BYTES`. */
  walKeepBytes?: number;
  /**
   * Whether processes on this machine sharing the file commit messages through one writer
   * (`append-hub.ts`); default true where the OS has abstract Unix sockets (Linux).
   */
  shareAppends?: boolean;
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
    // First, so that even switching to WAL waits for another process opening the same file.
    db.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
    // WAL lets readers run during a write; FULL fsyncs every commit, so an ack means durable.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Checkpoints are the checkpoint thread's job (`checkpoint-thread.ts`); this thread serves
    // every socket and checkpoints only as a backstop, after the append thread's.
    db.pragma(`wal_autocheckpoint = ${2 * APPEND_CHECKPOINT_PAGES}`);
    // The append thread's connection copies this one's (it restarts the WAL most often).
    db.pragma(`journal_size_limit = ${Math.trunc(options.walKeepBytes ?? WAL_KEEP_BYTES)}`);
    const schemaVersion = migrate(db, migrations);
    // New messages reach the search index in small batches on the append thread, between its
    // commits, so the indexing never holds this thread and never holds appends for long (a
    // second's worth at once took hundreds of ms at 1,000 messages a second); a failed batch (the
    // file busy) stays pending for the next tick or search.
    const messages = new SqliteMessageRepository(db, {
      ...(options.maxAppendBatch === undefined ? {} : { maxAppendBatch: options.maxAppendBatch }),
      shareAppends: (options.shareAppends ?? true) && process.platform === 'linux',
      searchIndex: {
        statements: indexBatchStatements,
        batch: INDEX_BATCH,
        intervalMs: options.searchIndexIntervalMs ?? SEARCH_INDEX_INTERVAL_MS,
      },
    });
    const search = new SqliteSearchRepository(db);
    const checkpoints = new CheckpointThread({
      file,
      ...(options.checkpointFrames === undefined ? {} : { frames: options.checkpointFrames }),
    });
    let closed = false;
    return {
      mode: 'sqlite',
      file,
      schemaVersion,
      db,
      sites: new SqliteSiteRepository(db),
      siteIdentities: new SqliteSiteIdentityRepository(db),
      agents: new SqliteAgentRepository(db),
      sessions: new SqliteSessionRepository(db),
      customers: new SqliteCustomerRepository(db),
      conversations: new SqliteConversationRepository(db),
      messages,
      cannedResponses: new SqliteCannedResponseRepository(db),
      teams: new SqliteTeamRepository(db),
      search,
      attachments: new SqliteAttachmentRepository(db),
      attachmentBlobs: new FileBlobStore(join(options.dataDir, 'attachments')),
      tickets: new SqliteTicketRepository(db),
      ratings: new SqliteRatingRepository(db),
      followUps: new SqliteFollowUpRepository(db),
      reports: new SqliteReportRepository(db),
      alerts: new SqliteAlertRepository(db),
      async close() {
        if (closed) return;
        closed = true;
        await messages.close();
        await checkpoints.close();
        search.indexPending();
        db.close();
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
