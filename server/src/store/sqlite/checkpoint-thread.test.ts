import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { endianness, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { CheckpointThread } from './checkpoint-thread.js';

it('copies the WAL back while commits go on, so that the WAL starts over instead of growing', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'aftercare-checkpoint-'));
  const file = join(dir, 'store.db');
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    // The thread is the only one copying pages back: without it the WAL keeps every commit.
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE blobs (id INTEGER PRIMARY KEY, body BLOB NOT NULL)');
    const insert = db.prepare('INSERT INTO blobs (body) VALUES (?)');
    const commit = () => insert.run(randomBytes(3_000)); // a page of its own: a frame or more each
    const thread = new CheckpointThread({ file, frames: 50 });

    // Until the thread has started and finished its first cycle: the next commit starts the WAL over.
    const deadline = Date.now() + 10_000;
    for (let last = 0; ; await sleep(5)) {
      commit();
      const frames = framesInWal(file);
      if (frames < last) break;
      last = frames;
      if (Date.now() > deadline) throw new Error(`the WAL grew to ${frames} frames and never started over`);
    }
    let longest = 0;
    for (let i = 1; i <= 1_000; i++) {
      commit();
      longest = Math.max(longest, framesInWal(file));
      if (i % 25 === 0) await sleep(5);
    }
    await thread.close();
    // Kept, the WAL would have grown past 1,000 frames; copied back every 50, it stays near that.
    expect(longest).toBeLessThan(500);
    expect(statSync(`${file}-wal`).size).toBeLessThan(500 * (4096 + 24));
  } finally {
    db.close();
    await rm(dir, { recursive: true, force: true });
  }
});

/** The WAL's length in frames, from the WAL-index header (`mxFrame`, https://www.sqlite.org/walformat.html). */
function framesInWal(file: string): number {
  const header = readFileSync(`${file}-shm`).subarray(0, 20);
  return endianness() === 'LE' ? header.readUInt32LE(16) : header.readUInt32BE(16);
}

it('warns when the checkpoint thread cannot work, leaving the writers their own checkpoints', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'aftercare-checkpoint-'));
  try {
    // A directory is no database: the thread's connection fails to open and the thread ends.
    const warned = once(process, 'warning');
    const thread = new CheckpointThread({ file: dir });
    const [warning] = (await warned) as [Error];
    expect(warning.message).toMatch(/checkpoint thread stopped \(SQLITE_CANTOPEN\); commits checkpoint from now on/);
    await thread.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
