import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { T0 } from '../contract/fixtures.js';
import { migrate } from './migrate.js';
import { migrations } from './migrations.js';
import { openSqliteStore } from './sqlite-store.js';

const MINUTE = 60_000;

let dataDir: string | undefined;
afterEach(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

it('chats from before service promises: open ones escalate by their site’s rule, no due times invented', async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'aftercare-promises-'));
  const old = new Database(join(dataDir, 'aftercare.db'));
  migrate(
    old,
    migrations.filter((migration) => migration.version < 10),
  );
  const site = old.prepare<[string, string, string]>(
    `INSERT INTO sites (id, tenant_id, key, name, allowed_origins, created_at, settings) VALUES (?, 'tenant-1', ?, 'Shop', '[]', ${T0}, ?)`,
  );
  site.run('strict', 'key-strict', JSON.stringify({ servicePromises: { escalateAfterMinutes: 90 } }));
  site.run('plain', 'key-plain', '{}');
  const customer = old.prepare<[string, string]>(
    `INSERT INTO customers (id, site_id, tenant_id, created_at, updated_at) VALUES (?, ?, 'tenant-1', ${T0}, ${T0})`,
  );
  const conversation = old.prepare<[string, string, string, string, string]>(
    `INSERT INTO conversations (id, tenant_id, site_id, customer_id, request_id, status, created_at, updated_at)
     VALUES (?, 'tenant-1', ?, ?, ?, ?, ${T0}, ${T0})`,
  );
  customer.run('c-1', 'strict');
  customer.run('c-2', 'plain');
  customer.run('c-3', 'plain');
  conversation.run('open-strict', 'strict', 'c-1', 'r-1', 'open');
  conversation.run('open-plain', 'plain', 'c-2', 'r-2', 'open');
  conversation.run('resolved', 'plain', 'c-3', 'r-3', 'resolved');
  old.close();

  const store = openSqliteStore({ dataDir });
  try {
    const none = { firstReplyDueAt: null, resolutionDueAt: null, escalatedAt: null };
    expect(await store.conversations.getById('open-strict')).toMatchObject({ ...none, escalateAt: T0 + 90 * MINUTE });
    expect(await store.conversations.getById('open-plain')).toMatchObject({
      ...none,
      escalateAt: T0 + 2 * 24 * 60 * MINUTE,
    });
    expect(await store.conversations.getById('resolved')).toMatchObject({ ...none, escalateAt: null });
    const due = await store.conversations.listDueForEscalation(T0 + 2 * 24 * 60 * MINUTE, 10);
    expect(due.map((item) => item.id)).toEqual(['open-strict', 'open-plain']);
  } finally {
    await store.close();
  }
});

it('serves the escalation scan from its partial index, and the Escalated view from the open-chats index', async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'aftercare-promises-plan-'));
  const store = openSqliteStore({ dataDir });
  try {
    const plan = (sql: string, ...params: unknown[]) =>
      store.db
        .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...params)
        .map((row) => row.detail)
        .join('\n');
    expect(
      plan(
        `SELECT id FROM conversations WHERE status = 'open' AND escalated_at IS NULL AND escalate_at <= ?
         ORDER BY escalate_at LIMIT 100`,
        T0,
      ),
    ).toMatch(/USING INDEX conversations_to_escalate/);
    expect(
      plan(
        `SELECT id FROM conversations WHERE tenant_id = ? AND status = 'open' AND escalated_at IS NOT NULL
         ORDER BY updated_at DESC, id DESC LIMIT 50`,
        'tenant-1',
      ),
    ).toMatch(/USING INDEX conversations_by_tenant_status \(tenant_id=\? AND status=\?\)$/);
  } finally {
    await store.close();
  }
});
