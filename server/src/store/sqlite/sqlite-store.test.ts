import { statSync } from 'node:fs';
import { mkdtemp, open as openFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { newId, newMessage, seedConversation, T0 } from '../contract/fixtures.js';
import { runStoreContract } from '../store-contract.js';
import { APPEND_CHECKPOINT_PAGES } from './append-thread.js';
import { WAL_KEEP_BYTES } from './checkpoint-thread.js';
import { migrations } from './migrations.js';
import { openSqliteStore, type SqliteStore, type SqliteStoreOptions } from './sqlite-store.js';

type TempStoreOptions = Omit<SqliteStoreOptions, 'dataDir'>;

/** A store in a fresh temp dir; `reopen` simulates a restart over the same file. */
async function openTempStore(options: TempStoreOptions = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), 'aftercare-sqlite-'));
  let store: SqliteStore = openSqliteStore({ dataDir, ...options });
  return {
    get store() {
      return store;
    },
    dataDir,
    reopen: async () => {
      await store.close();
      store = openSqliteStore({ dataDir, ...options });
      return store;
    },
    cleanup: async () => {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

runStoreContract('sqlite', async () => {
  const opened = await openTempStore();
  return { store: opened.store, reopen: opened.reopen, cleanup: opened.cleanup };
});

describe('SQLite store', () => {
  const cleanups: (() => Promise<void>)[] = [];
  const open = async (options: TempStoreOptions = {}) => {
    const opened = await openTempStore(options);
    cleanups.push(opened.cleanup);
    return opened;
  };
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('opens the file with WAL, synchronous FULL, foreign keys and a busy timeout', async () => {
    const { store, dataDir } = await open();
    expect(store.mode).toBe('sqlite');
    expect(store.file).toBe(join(dataDir, 'aftercare.db'));
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2); // 2 = FULL
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    // Checkpoints are the checkpoint thread's; this connection's is a backstop (`APPEND_CHECKPOINT_PAGES`).
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(2 * APPEND_CHECKPOINT_PAGES);
    expect(store.db.pragma('journal_size_limit', { simple: true })).toBe(WAL_KEEP_BYTES);
  });

  it('copies the WAL back and starts it over on its own thread while appends keep coming', async () => {
    const { store } = await open({ checkpointFrames: 200 });
    const conversation = await seedConversation(store);
    const restarts = async () => {
      // A WAL's header counts the times it was started over (its checkpoint sequence number).
      const wal = await openFile(`${store.file}-wal`);
      try {
        const { buffer } = await wal.read({ buffer: Buffer.alloc(16), position: 0 });
        return buffer.readUInt32BE(12);
      } finally {
        await wal.close();
      }
    };
    const before = await restarts();
    // Four appends in flight at any time for ~600 ms: a commit is nearly always under way, so only
    // a cycle that ends holding the write lock lets the WAL start over. The threshold is lowered to
    // 200 frames; the append thread's own (the backstop) is far beyond these few thousand pages.
    const until = Date.now() + 600;
    let appended = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (Date.now() < until) {
          await store.messages.append(newMessage(conversation.id, { createdAt: T0 + appended++ }));
        }
      }),
    );
    expect(appended).toBeGreaterThan(100);
    expect((await restarts()) - before).toBeGreaterThanOrEqual(3);
    expect(await store.messages.count(conversation.id)).toBe(appended);
  });

  it('cuts the WAL file back when it starts over after a read kept it from being copied back', async () => {
    const keep = 256 * 1024;
    const { store } = await open({ checkpointFrames: 50, walKeepBytes: keep });
    const conversation = await seedConversation(store);
    const walBytes = () => statSync(`${store.file}-wal`).size;
    let appended = 0;
    const append = () => store.messages.append(newMessage(conversation.id, { createdAt: T0 + appended++ }));

    // A long read (a report, a backup) holds its snapshot: no copy can reach the WAL's end, so it grows.
    const reader = new Database(store.file);
    try {
      reader.exec('BEGIN');
      reader.prepare('SELECT COUNT(*) FROM messages').get();
      while (walBytes() < 8 * keep) await append();
      reader.exec('COMMIT');
    } finally {
      reader.close();
    }
    const grown = walBytes();

    // Once the checkpoint thread copies it all back, the next commit starts the WAL over and cuts it.
    const deadline = Date.now() + 10_000;
    while (walBytes() > keep + 64 * 1024) {
      if (Date.now() > deadline) throw new Error(`the WAL file stayed at ${walBytes()} bytes (it grew to ${grown})`);
      await append();
      await sleep(20);
    }
    expect(grown).toBeGreaterThanOrEqual(8 * keep);
    expect(await store.messages.count(conversation.id)).toBe(appended);
  });

  it('creates the data dir, records migrations and migrates only once', async () => {
    const dataDir = join(await mkdtemp(join(tmpdir(), 'aftercare-sqlite-')), 'nested', 'data');
    cleanups.push(() => rm(join(dataDir, '..', '..'), { recursive: true, force: true }));
    const store = openSqliteStore({ dataDir, fileName: 'custom.db' });
    expect(store.file).toBe(join(dataDir, 'custom.db'));
    expect(store.schemaVersion).toBe(migrations.length);
    await store.close();
    const again = openSqliteStore({ dataDir, fileName: 'custom.db' });
    const rows = again.db.prepare('SELECT version FROM schema_migrations').all();
    expect(rows).toEqual(migrations.map(({ version }) => ({ version })));
    expect(again.db.pragma('user_version', { simple: true })).toBe(migrations.length);
    await again.close();
    await again.close(); // closing twice is harmless
  });

  it('enforces one open conversation per customer in the schema itself', async () => {
    const { store } = await open();
    const conversation = await seedConversation(store);
    const duplicate = () =>
      store.db
        .prepare(
          `INSERT INTO conversations (id, tenant_id, site_id, customer_id, request_id, status, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, 'open', 0, 0)`,
        )
        .run(newId(), conversation.tenantId, conversation.siteId, conversation.customerId, newId());
    expect(duplicate).toThrow(/UNIQUE/);
  });

  it('group commit: 500 concurrent appends resolve, are stored once, and share few transactions', async () => {
    const { store } = await open();
    const conversations = [await seedConversation(store), await seedConversation(store)];
    const commitsBefore = store.messages.appendCommits;
    const inputs = Array.from({ length: 500 }, (_, i) =>
      newMessage(conversations[i % 2]!.id, { createdAt: T0 + i, text: `message ${i}` }),
    );
    const results = await Promise.all(inputs.map((input) => store.messages.append(input)));

    expect(results.every((r) => r?.created)).toBe(true);
    for (const conversation of conversations) {
      const stored = await store.messages.listAfter(conversation.id, 0, 1000, 'agent');
      expect(stored.map((m) => m.seq)).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
      expect(await store.messages.count(conversation.id)).toBe(250);
    }
    // 500 appends in one tick fit in two batches of 256.
    expect(store.messages.appendCommits - commitsBefore).toBeLessThanOrEqual(2);
  });

  it('group commit: one failing append fails alone, the rest of its batch is stored', async () => {
    const { store } = await open();
    const conversation = await seedConversation(store);
    const taken = await store.messages.append(newMessage(conversation.id));
    // Reusing a stored message id with a new client id violates the primary key mid-batch.
    const inputs = [
      newMessage(conversation.id),
      newMessage(conversation.id, { id: taken!.message.id }),
      newMessage(conversation.id),
    ];
    const settled = await Promise.allSettled(inputs.map((input) => store.messages.append(input)));

    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(settled[1]).toMatchObject({ reason: { code: 'CONFLICT' } });
    expect(await store.messages.count(conversation.id)).toBe(3);
    const seqs = (await store.messages.listAfter(conversation.id, 0, 10, 'agent')).map((m) => m.seq);
    expect(seqs).toEqual([1, 2, 3]);
  });

  it('close commits queued appends and refuses new ones', async () => {
    const opened = await open();
    const conversation = await seedConversation(opened.store);
    const queued = Array.from({ length: 20 }, () => opened.store.messages.append(newMessage(conversation.id)));
    const closed = opened.store;
    const reopened = await opened.reopen();
    expect((await Promise.all(queued)).every((r) => r?.created)).toBe(true);
    expect(await reopened.messages.count(conversation.id)).toBe(20);
    await expect(closed.messages.append(newMessage(conversation.id))).rejects.toThrow(/closed/);
  });
});
