import type { Worker } from 'node:worker_threads';
import { type AppendAnswer, type AppendRole, shareAppends } from './append-hub.js';
import { startDatabaseWorker, workerFailure } from './database-worker.js';
import type { MessageRow } from './message-repository.js';

/** The statements an append runs, in the order `appendOnThread` uses them. */
export interface AppendStatements {
  selectConversation: string;
  selectByClientId: string;
  insert: string;
  bumpConversation: string;
}

/** A transaction the thread runs on a timer: read the newest noted rowid, index up to it, forget the notes. */
export interface SearchIndexJob {
  statements: { newest: string; index: string; forget: string };
  intervalMs: number;
  /** Most messages `newest` lets one transaction index. */
  batch: number;
}

/**
 * WAL size (pages) past which the append thread's own commits checkpoint: only a backstop, ten
 * times the length at which the checkpoint thread copies the WAL back (`checkpoint-thread.ts`),
 * for when its cycles fail or it died. At SQLite's default, 1,000 pages, the writers would race
 * the checkpoint thread: most commits of two processes on one file also copied pages back and
 * `fsync`ed the database. See `e2e/bench/README.md`.
 */
export const APPEND_CHECKPOINT_PAGES = 10_000;

/** A message row to append, its `seq` still to be assigned inside the transaction. */
export type AppendRow = Omit<MessageRow, 'seq'>;

/** What one append did: null when the conversation does not exist. Rows as SQLite returns them. */
export type AppendRowResult = { created: boolean; message: Record<string, unknown>; conversation: unknown } | null;

interface Call {
  resolve(value: AppendRowResult[]): void;
  reject(error: unknown): void;
}

type Reply = ({ id: number } & AppendAnswer) | { role: AppendRole };

export type { AppendRole };

/**
 * Runs message appends on a worker thread with its own connection to the database file (issue 6).
 * better-sqlite3 is synchronous: with `synchronous = FULL` every commit waits for an fsync, and on
 * the main thread that wait stopped every socket for its duration — most of the main thread's time
 * at a thousand messages a second. Here the main thread only hands rows over and gets the stored
 * rows back; durability is unchanged (same pragmas, the promise settles after the commit).
 *
 * The worker runs `appendOnThread` from its source text (`startDatabaseWorker`).
 */
export class AppendThread {
  private readonly worker: Worker;
  private readonly calls = new Map<number, Call>();
  private nextId = 0;
  private failure: Error | null = null;
  private currentRole: AppendRole = 'alone';

  constructor(options: {
    file: string;
    busyTimeoutMs: number;
    /** `journal_size_limit` of the connection: what the WAL file is cut back to when it starts over. */
    walKeepBytes: number;
    statements: AppendStatements;
    searchIndex?: SearchIndexJob;
    /** Where and with what secret the processes on this file share one writer; none: commit alone. */
    hub?: { address: string; secret: string };
  }) {
    this.worker = startDatabaseWorker(
      appendOnThread,
      {
        file: options.file,
        busyTimeoutMs: options.busyTimeoutMs,
        walKeepBytes: options.walKeepBytes,
        checkpointPages: APPEND_CHECKPOINT_PAGES,
        statements: options.statements,
        searchIndex: options.searchIndex ?? null,
        hub: options.hub ?? null,
      },
      shareAppends,
    );
    this.worker.on('message', (reply: Reply) => {
      if ('role' in reply) {
        this.currentRole = reply.role;
        return;
      }
      const call = this.calls.get(reply.id);
      if (!call) return;
      this.calls.delete(reply.id);
      // An idle worker must not keep the process alive; a pending call must.
      if (this.calls.size === 0) this.worker.unref();
      if ('results' in reply) call.resolve(reply.results);
      else call.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code }));
    });
    // A thread that died answers nothing more: fail what waits and every later append at once,
    // rather than leaving senders waiting forever (they keep their messages and retry).
    const fail = (error: Error) => {
      this.failure ??= error;
      for (const call of this.calls.values()) call.reject(error);
      this.calls.clear();
    };
    this.worker.on('error', (error) => fail(workerFailure(error)));
    this.worker.on('exit', (code) => fail(new Error(`The append thread stopped (exit code ${code}).`)));
    this.worker.unref();
  }

  /** Appends every row in one transaction; rejects (nothing written) if any row fails. */
  commitBatch(rows: readonly AppendRow[]): Promise<AppendRowResult[]> {
    return this.call(rows);
  }

  /** Appends one row in its own transaction. */
  async commitOne(row: AppendRow): Promise<AppendRowResult> {
    const [result] = await this.call([row]);
    return result ?? null;
  }

  /** Whether this thread commits for other processes too, sends them to one that does, or neither. */
  get role(): AppendRole {
    return this.currentRole;
  }

  /** Stops the worker (its connection closes with it); call once nothing is queued. */
  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private call(rows: readonly AppendRow[]): Promise<AppendRowResult[]> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      if (this.calls.size === 0) this.worker.ref();
      this.calls.set(id, { resolve, reject });
      this.worker.postMessage({ id, rows });
    });
  }
}

/**
 * The worker's program: opens the file with the store's pragmas and answers `{ id, rows }` by
 * appending the rows in one immediate transaction: read the conversation's last seq, skip a
 * client id already stored (a retry), insert, move the conversation's markers. Between commits it
 * runs the search indexing on its timer, so neither holds the main thread.
 * Self-contained: it is sent to the worker as text, so it may use nothing from this module.
 */
function appendOnThread(
  load: (id: string) => unknown,
  threads: {
    parentPort: {
      on(event: 'message', listener: (message: never) => void): void;
      postMessage(message: unknown): void;
    } | null;
    workerData: unknown;
  },
  share: typeof shareAppends,
): void {
  interface Statement {
    get(...params: unknown[]): Record<string, unknown> | undefined;
    run(...params: unknown[]): unknown;
  }
  interface Connection {
    pragma(source: string): unknown;
    prepare(source: string): Statement;
    transaction<F extends (...args: never[]) => unknown>(run: F): { immediate: F };
  }
  const { driver, file, busyTimeoutMs, walKeepBytes, checkpointPages, statements, searchIndex, hub } =
    threads.workerData as {
      driver: string;
      file: string;
      busyTimeoutMs: number;
      walKeepBytes: number;
      checkpointPages: number;
      statements: Record<'selectConversation' | 'selectByClientId' | 'insert' | 'bumpConversation', string>;
      searchIndex: {
        statements: Record<'newest' | 'index' | 'forget', string>;
        intervalMs: number;
        batch: number;
      } | null;
      hub: { address: string; secret: string } | null;
    };
  const Database = load(driver) as new (file: string) => Connection;
  const db = new Database(file);
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`wal_autocheckpoint = ${checkpointPages}`);
  db.pragma(`journal_size_limit = ${walKeepBytes}`);
  // SQLite's own busy handler sleeps 1, 2, 5, 10… up to 100 ms between tries, far longer than
  // another process's commit holds the lock; this thread may block, so it retries itself, briefly.
  db.pragma('busy_timeout = 0');
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const whenFree = <T>(run: () => T): T => {
    const deadline = Date.now() + busyTimeoutMs;
    for (let waitMs = 0.2; ; waitMs = Math.min(waitMs * 2, 5)) {
      try {
        return run();
      } catch (error) {
        if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > deadline) throw error;
        Atomics.wait(pause, 0, 0, waitMs);
      }
    }
  };
  const selectConversation = db.prepare(statements.selectConversation);
  const selectByClientId = db.prepare(statements.selectByClientId);
  const insert = db.prepare(statements.insert);
  const bumpConversation = db.prepare(statements.bumpConversation);

  const appendOne = (row: Record<string, unknown>) => {
    const conversation = selectConversation.get(row.conversation_id);
    if (!conversation) return null;
    const stored = selectByClientId.get(row.conversation_id, row.client_id);
    if (stored) return { created: false, message: stored, conversation };
    const message = { ...row, seq: (conversation.last_seq as number) + 1 };
    insert.run(message);
    const updated = bumpConversation.get({
      id: row.conversation_id,
      seq: message.seq,
      created_at: row.created_at,
      author_kind: row.author_kind,
      internal: row.internal,
    });
    return { created: true, message, conversation: updated ?? conversation };
  };
  const commit = db.transaction((requests: Record<string, unknown>[][]) => requests.map((rows) => rows.map(appendOne)));

  // Requests that arrive while a commit runs (from this process and, for the hub, from others)
  // wait and then share one transaction: I/O callbacks of a loop turn run before `setImmediate`.
  type Answer = (answer: AppendAnswer) => void;
  let waiting: { rows: Record<string, unknown>[]; answer: Answer }[] = [];
  const failed = (error: unknown): AppendAnswer => {
    const { code, message } = error as { code?: string; message: string };
    return { error: { ...(code === undefined ? {} : { code }), message: String(message) } };
  };
  /** Commits the requests in one transaction; each request's rows all or none. */
  const commitTogether = (batch: typeof waiting) => {
    let results: unknown[][];
    try {
      results = whenFree(() => commit.immediate(batch.map((request) => request.rows)));
    } catch (error) {
      // One request's failure (a duplicate id) must not fail the others: each on its own. But a
      // file that stayed locked past the timeout would be waited for again by each: fail them all.
      const alone = batch.length === 1 || (error as { code?: string }).code === 'SQLITE_BUSY';
      for (const request of batch) {
        if (alone) request.answer(failed(error));
        else commitTogether([request]);
      }
      return;
    }
    for (const [i, { answer }] of batch.entries()) answer({ results: results[i] as never });
  };
  const flush = () => {
    const batch = waiting;
    waiting = [];
    commitTogether(batch);
  };
  const commitHere = (rows: Record<string, unknown>[], answer: Answer) => {
    waiting.push({ rows, answer });
    if (waiting.length === 1) setImmediate(flush);
  };
  const sharing = hub
    ? share({
        net: load('node:net') as never,
        crypto: load('node:crypto') as never,
        address: hub.address,
        secret: hub.secret,
        commitHere,
        onRole: (role) => threads.parentPort!.postMessage({ role }),
      })
    : null;
  if (searchIndex) {
    const newest = db.prepare(searchIndex.statements.newest);
    const index = db.prepare(searchIndex.statements.index);
    const forget = db.prepare(searchIndex.statements.forget);
    // Indexes one bounded batch; answers whether more may be pending.
    const indexBatch = db.transaction((): boolean => {
      const upTo = newest.get()?.rowid ?? null;
      if (upTo === null) return false;
      const { changes } = index.run(upTo) as { changes: number };
      forget.run(upTo);
      return changes >= searchIndex.batch;
    });
    // A full batch may leave more: the next one runs on the next turn, after the appends waiting
    // for this thread, so a backlog is worked off without holding appends for long.
    const indexSoon = (): void => {
      let more = false;
      try {
        // The hub's thread indexes what every process appended.
        if (!sharing?.isClient()) more = whenFree(() => indexBatch.immediate());
      } catch {
        // Left pending: the next tick or the next search indexes it.
      }
      setTimeout(indexSoon, more ? 0 : searchIndex.intervalMs);
    };
    setTimeout(indexSoon, searchIndex.intervalMs);
  }
  threads.parentPort!.on('message', ({ id, rows }: { id: number; rows: Record<string, unknown>[] }) => {
    const answer = (reply: AppendAnswer) => threads.parentPort!.postMessage({ id, ...reply });
    if (sharing) sharing.submit(rows, answer);
    else commitHere(rows, answer);
  });
}
