import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import type { ListConversationsQuery } from '../../domain/conversations/conversation-repository.js';
import { newMessage, seedConversation, T0 } from '../contract/fixtures.js';
import { createConversationLister } from './conversation-list-query.js';
import { migrate } from './migrate.js';
import { migrations } from './migrations.js';
import { indexBatchStatements, indexPendingStatements, SqliteSearchRepository } from './search-repository.js';
import { openSqliteStore } from './sqlite-store.js';

let dataDir: string | undefined;
afterEach(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** The plan SQLite picks, as one line per step. */
function plan(db: Database.Database, run: () => void): string {
  const steps: string[] = [];
  const prepare = db.prepare.bind(db);
  // Capture the SQL each query runs and explain it with the same parameters.
  db.prepare = ((sql: string) => {
    const statement = prepare(sql);
    const explain = prepare(`EXPLAIN QUERY PLAN ${sql}`);
    return {
      all: (params: unknown) => {
        for (const row of explain.all(params as never) as { detail: string }[]) steps.push(row.detail);
        return statement.all(params as never);
      },
    };
  }) as never;
  try {
    run();
  } finally {
    db.prepare = prepare;
  }
  return steps.join('\n');
}

it('indexing a batch reads only the noted messages, never the messages stored before them', () => {
  const db = new Database(':memory:');
  migrate(db, migrations);
  const explain = (sql: string, ...params: unknown[]) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
      .map((row) => row.detail)
      .join('\n');
  // The messages are looked up one by one from the notes: a range over `messages` would walk every
  // message up to the batch's end (the whole history), in every batch and before every search.
  const index = explain(indexPendingStatements.index, 1);
  expect(index).toMatch(
    /SEARCH p USING INTEGER PRIMARY KEY \(rowid<\?\)\nSEARCH m USING INTEGER PRIMARY KEY \(rowid=\?\)/,
  );
  expect(index).not.toMatch(/SCAN m\b|SEARCH m USING INTEGER PRIMARY KEY \(rowid[<>]/);
  for (const sql of [indexPendingStatements.newest, indexBatchStatements.newest, indexPendingStatements.forget]) {
    expect(explain(sql, ...(sql.includes('?') ? [1] : [])), sql).not.toMatch(/\bmessages\b(?!_fts_pending)/);
  }
  db.close();
});

it('every inbox filter and the cursor are served by an index, never a scan of conversations', () => {
  const db = new Database(':memory:');
  migrate(db, migrations);
  const cases: [Omit<ListConversationsQuery, 'tenantId' | 'limit'>, RegExp][] = [
    [{}, /conversations_by_tenant\b/],
    [{ status: 'open' }, /conversations_by_tenant_status/],
    [{ status: 'open', waitingOn: 'customer' }, /conversations_by_tenant_waiting/],
    [{ assigneeId: 'agent-1' }, /conversations_by_tenant_assignee/],
    [{ assigneeId: null, status: 'open' }, /conversations_by_tenant_(assignee|status)/],
    [{ siteId: 'site-1' }, /conversations_by_tenant_site/],
    [{ status: 'resolved', after: { updatedAt: T0, id: 'c' } }, /conversations_by_tenant_status.*updated_at/],
    [{ status: 'open', product: 'K2' }, /conversations_by_tenant_status/],
  ];
  for (const [filters, index] of cases) {
    const detail = plan(db, () => createConversationLister(db)({ tenantId: 't', limit: 10, ...filters }));
    expect(detail, JSON.stringify(filters)).toMatch(index);
    expect(detail, JSON.stringify(filters)).not.toMatch(/SCAN conversations|USE TEMP B-TREE/);
  }
  db.close();
});

it('search uses the trigram indexes for terms of three or more characters', () => {
  const db = new Database(':memory:');
  migrate(db, migrations);
  const search = new SqliteSearchRepository(db);
  const messages = plan(db, () => void search.searchMessages({ tenantId: 't', terms: ['屏幕坏'], limit: 5 }));
  expect(messages).toMatch(/SCAN f VIRTUAL TABLE INDEX/);
  expect(messages).toMatch(/SEARCH m USING INDEX sqlite_autoindex_messages/);
  const short = plan(db, () => void search.searchMessages({ tenantId: 't', terms: ['屏幕'], limit: 5 }));
  expect(short).toMatch(/conversations_by_tenant/);
  const customers = plan(db, () => void search.searchCustomers({ tenantId: 't', terms: ['vera'], limit: 5 }));
  expect(customers).toMatch(/SCAN f VIRTUAL TABLE INDEX/);
  db.close();
});

it('a data file from before migration 7 is backfilled: whose turn, first reply, search index', async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'aftercare-inbox-'));
  const old = new Database(join(dataDir, 'aftercare.db'));
  migrate(
    old,
    migrations.filter((migration) => migration.version < 7),
  );
  // Whatever columns sites have by then (other migrations add some): the required ones are filled.
  const siteColumns = (
    old.prepare('PRAGMA table_info(sites)').all() as { name: string; notnull: number; pk: number }[]
  ).filter((column) => column.notnull || column.pk);
  const siteValues: Record<string, unknown> = {
    id: 'site-1',
    tenant_id: 'tenant-1',
    key: 'key-1',
    name: 'Shop',
    allowed_origins: '[]',
    created_at: T0,
  };
  const names = siteColumns.map((column) => column.name);
  old
    .prepare(`INSERT INTO sites (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`)
    .run(...names.map((name) => siteValues[name] ?? '{}'));
  old
    .prepare(
      `INSERT INTO customers (id, site_id, tenant_id, name, email, created_at, updated_at)
       VALUES ('customer-1', 'site-1', 'tenant-1', 'Vera', 'vera@shop.example', ?, ?)`,
    )
    .run(T0, T0);
  const conversation = old.prepare(
    `INSERT INTO conversations (id, tenant_id, site_id, customer_id, request_id, status, last_seq, created_at, updated_at)
     VALUES (?, 'tenant-1', 'site-1', 'customer-1', ?, ?, ?, ?, ?)`,
  );
  const message = old.prepare(
    `INSERT INTO messages (id, conversation_id, client_id, seq, author_kind, author_id, text, internal, created_at)
     VALUES (?, ?, ?, ?, ?, '', ?, ?, ?)`,
  );
  conversation.run('c-replied', 'r1', 'open', 3, T0, T0 + 3);
  message.run('m1', 'c-replied', 'k1', 1, 'visitor', '我的屏幕坏了', 0, T0 + 1);
  message.run('m2', 'c-replied', 'k2', 2, 'agent', 'Sorry to hear that', 0, T0 + 2);
  message.run('m3', 'c-replied', 'k3', 3, 'agent', 'note: call supplier', 1, T0 + 3);
  conversation.run('c-asked', 'r2', 'resolved', 2, T0, T0 + 5);
  message.run('m4', 'c-asked', 'k4', 1, 'agent', 'Note first', 1, T0 + 4);
  message.run('m5', 'c-asked', 'k5', 2, 'visitor', 'Hello?', 0, T0 + 5);
  old.close();

  const store = openSqliteStore({ dataDir });
  try {
    expect(await store.conversations.getById('c-replied')).toMatchObject({
      awaitingReplyFrom: 'customer',
      firstReplyAt: T0 + 2,
    });
    expect(await store.conversations.getById('c-asked')).toMatchObject({
      awaitingReplyFrom: 'agent',
      firstReplyAt: null,
    });
    const found = await store.search.searchMessages({ tenantId: 'tenant-1', terms: ['屏幕坏'], limit: 5 });
    expect(found.map((m) => m.id)).toEqual(['m1']);
    const customers = await store.search.searchCustomers({ tenantId: 'tenant-1', terms: ['shop.example'], limit: 5 });
    expect(customers.map((c) => c.id)).toEqual(['customer-1']);
    // The schema refuses a turn outside the closed set, whoever writes it.
    expect(() => store.db.prepare(`UPDATE conversations SET awaiting_reply_from = 'nobody'`).run()).toThrow(/CHECK/);
  } finally {
    await store.close();
  }
});

it('appends only note their message for the index; a batch, a search or closing indexes them', async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'aftercare-index-'));
  // No batch on a timer during the test: the batches here are the ones it asks for.
  const store = openSqliteStore({ dataDir, searchIndexIntervalMs: 3_600_000 });
  const pending = () => store.db.prepare('SELECT COUNT(*) AS n FROM messages_fts_pending').get() as { n: number };
  const indexed = () => store.db.prepare('SELECT COUNT(*) AS n FROM messages_fts').get() as { n: number };
  const conversation = await seedConversation(store);
  await Promise.all([1, 2, 3].map((i) => store.messages.append(newMessage(conversation.id, { text: `kettle ${i}` }))));
  expect(pending().n).toBe(3);
  expect(indexed().n).toBe(0);
  expect((store.search as SqliteSearchRepository).indexPending()).toBe(3);
  expect(pending().n).toBe(0);
  expect(indexed().n).toBe(3);

  await store.messages.append(newMessage(conversation.id, { text: 'the newest kettle' }));
  const found = await store.search.searchMessages({ tenantId: conversation.tenantId, terms: ['kettle'], limit: 10 });
  expect(found.map((m) => m.text)).toEqual(['the newest kettle', 'kettle 3', 'kettle 2', 'kettle 1']);

  await store.messages.append(newMessage(conversation.id, { text: 'written just before closing' }));
  await store.close();
  const again = openSqliteStore({ dataDir });
  try {
    expect(again.db.prepare('SELECT COUNT(*) AS n FROM messages_fts_pending').get()).toEqual({ n: 0 });
    expect(again.db.prepare('SELECT COUNT(*) AS n FROM messages_fts').get()).toEqual({ n: 5 });
  } finally {
    await again.close();
  }
});
