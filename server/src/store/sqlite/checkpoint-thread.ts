import type { Worker } from 'node:worker_threads';
import { startDatabaseWorker, workerFailure } from './database-worker.js';

/**
 * WAL length (frames, one page each) at which the checkpoint thread copies it back: ~4 MB, about a
 * tenth of a second at 1,000 messages a second (SQLite's own default threshold). Each cycle ends
 * with the database file's `fsync`, and that write-back shares the disk with every commit's WAL
 * `fsync`: once the tables are large, a message's index entries land on pages of their own (a
 * chat's newest leaf in two message indexes), so the pages a cycle writes grow with the time
 * between cycles, not the bytes in the WAL. At 10,000 frames a cycle wrote ~2,800 pages after two
 * minutes of traffic (a 30–45 ms `fsync`) and the commits beside it took 15–85 ms; at 1,000 a
 * cycle writes a few hundred (5–8 ms in all). In 150 s load-bench runs taken in turn with the
 * 10,000-frame build, two processes on one file had p99 16.9 and 29.2 ms against 34.9 and 43.7,
 * and their tail stayed flat instead of growing with the run (`e2e/bench/README.md`, "Load",
 * ninth part).
 */
export const CHECKPOINT_FRAMES = 1_000;

/**
 * Size the WAL file is cut back to when it starts over (`journal_size_limit`, set on every
 * connection that writes: the first commit after a start-over truncates). SQLite otherwise keeps
 * the file as long as the longest it ever was: a burst that outran the checkpoints, or a long read
 * that kept them from finishing, would leave gigabytes on the disk for good. 64 MB is some 16
 * cycles at `CHECKPOINT_FRAMES`, so in normal running commits reuse the file's blocks (cheaper to
 * `fsync` than growing it) and the cut never happens.
 */
export const WAL_KEEP_BYTES = 64 * 1024 * 1024;

/** How often the checkpoint thread looks at the WAL's length (a 4-byte read): ~1,000 frames is 0.1 s. */
export const CHECKPOINT_POLL_MS = 10;

/**
 * Longest the last step of a cycle may keep writers waiting for readers of an older snapshot
 * before it gives up for this cycle (SQLite's busy handler; it waits in steps of 1–2 ms).
 */
const FINISH_BUSY_TIMEOUT_MS = 10;

/**
 * Copies the WAL back into the database file on a thread of its own, so that no commit waits for
 * it (issue 6). SQLite's automatic checkpoint runs inside the commit that crosses its threshold:
 * on the append thread that meant writing a second's worth of changed pages (~1,500 random pages
 * at 1,000 messages a second) and `fsync`ing the database file, 3–16 ms during which every
 * message behind that commit waited.
 *
 * The thread reads the WAL's length from the WAL-index (`-shm`, shared by every connection of
 * every process: see https://www.sqlite.org/walformat.html) and once it reaches
 * `CHECKPOINT_FRAMES` runs a cycle: copy what the WAL holds while writers go on (PASSIVE), copy
 * what they appended meanwhile, `fdatasync` the database file, then copy the last few frames
 * holding the write lock (FULL), whose own `fsync` has little left to write. Only
 * a copy that nobody wrote past lets the next commit start the WAL over, and passive copies alone
 * never got there while commits kept coming; the last step keeps writers out for a few ms instead
 * of the whole copy. With several processes on one file, the first thread to see the WAL full
 * does the cycle and the others find it short again (or the checkpoint lock taken) and wait.
 * The writers' own automatic checkpoints stay as a backstop at a multiple of this
 * (`APPEND_CHECKPOINT_PAGES`), for cycles that fail or a thread that died.
 */
export class CheckpointThread {
  private readonly worker: Worker;

  constructor(options: { file: string; frames?: number }) {
    this.worker = startDatabaseWorker(checkpointOnThread, {
      file: options.file,
      frames: options.frames ?? CHECKPOINT_FRAMES,
      pollMs: CHECKPOINT_POLL_MS,
      finishBusyTimeoutMs: FINISH_BUSY_TIMEOUT_MS,
    });
    // A thread that died leaves the writers' own checkpoints (the backstop) to do the work: the
    // server goes on, but whoever reads its log should know why commits got slower.
    this.worker.on('error', (error) => {
      const { message } = workerFailure(error);
      process.emitWarning(`The SQLite checkpoint thread stopped (${message}); commits checkpoint from now on.`);
    });
    this.worker.unref();
  }

  /** Stops the thread (its connection closes with it); SQLite keeps a copy cut short consistent. */
  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

/**
 * The thread's program: looks at the WAL's length every `pollMs` and runs a cycle when it is
 * long enough. Self-contained: it is sent to the worker as text, so it may use nothing from this
 * module.
 */
function checkpointOnThread(load: (id: string) => unknown, threads: { workerData: unknown }): void {
  interface Connection {
    pragma(source: string): unknown;
  }
  const fs = load('node:fs') as typeof import('node:fs');
  const os = load('node:os') as typeof import('node:os');
  const { driver, file, frames, pollMs, finishBusyTimeoutMs } = threads.workerData as {
    driver: string;
    file: string;
    frames: number;
    pollMs: number;
    finishBusyTimeoutMs: number;
  };
  const Database = load(driver) as new (file: string) => Connection;
  const db = new Database(file);
  db.pragma('synchronous = FULL');
  db.pragma(`busy_timeout = ${finishBusyTimeoutMs}`);
  db.pragma('wal_autocheckpoint = 0');
  type Result = { busy: number; log: number; checkpointed: number };
  const checkpoint = (mode: 'PASSIVE' | 'FULL'): Result => (db.pragma(`wal_checkpoint(${mode})`) as Result[])[0]!;

  // The WAL-index header's `mxFrame`: a u32 in the machine's byte order at offset 16. Read without
  // SQLite's locks, so it may be a moment old: it only decides when to start a cycle.
  const header = Buffer.alloc(4);
  let shm: number | null = null;
  // Neither this nor `shm` is ever closed, not even when the thread ends: closing any descriptor of
  // a file drops every POSIX lock this process holds on it, those of SQLite's connections included
  // (another store's on the same file too). So each store opened costs two descriptors for the
  // process's life; a server opens one.
  let databaseFile: number | null = null;
  const framesInWal = (): number => {
    shm ??= fs.openSync(`${file}-shm`, 'r');
    fs.readSync(shm, header, 0, 4, 16);
    return os.endianness() === 'LE' ? header.readUInt32LE(0) : header.readUInt32BE(0);
  };
  const cycle = () => {
    // Busy: another thread (of this or another process) is copying; it finishes the cycle.
    if (checkpoint('PASSIVE').busy) return;
    checkpoint('PASSIVE');
    // A passive copy that does not reach the WAL's end leaves its pages unsynced; written back here,
    // writers go on, instead of in the last step, which holds them.
    databaseFile ??= fs.openSync(file, 'r+');
    fs.fdatasyncSync(databaseFile);
    checkpoint('FULL');
  };
  const tick = () => {
    try {
      if (framesInWal() >= frames) cycle();
    } catch {
      // The file busy or not there for a moment: the next look tries again.
    }
    setTimeout(tick, pollMs);
  };
  setTimeout(tick, pollMs);
}
