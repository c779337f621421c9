import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { T0 } from '../contract/fixtures.js';
import { migrate } from './migrate.js';
import { migrations } from './migrations.js';
import { openSqliteStore } from './sqlite-store.js';

let dataDir: string | undefined;
afterEach(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

it('a data file from before customer tiers upgrades in place, every customer standard', async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'aftercare-tier-'));
  const old = new Database(join(dataDir, 'aftercare.db'));
  migrate(
    old,
    // Everything before tiers: later migrations add columns the raw inserts below do not name.
    migrations.filter((migration) => migration.version < 4),
  );
  old.prepare(`INSERT INTO sites VALUES ('site-1', 'tenant-1', 'key-1', 'Shop', '[]', ?)`).run(T0);
  old
    .prepare(`INSERT INTO customers VALUES ('customer-1', 'site-1', 'tenant-1', 'Vera', NULL, NULL, ?, ?)`)
    .run(T0, T0);
  old.close();

  const store = openSqliteStore({ dataDir });
  try {
    expect(await store.customers.getById('customer-1')).toEqual({
      id: 'customer-1',
      siteId: 'site-1',
      tenantId: 'tenant-1',
      name: 'Vera',
      tier: 'standard',
      createdAt: T0,
      updatedAt: T0,
    });
    // The schema refuses a tier outside the closed set, whoever writes it.
    expect(() => store.db.prepare(`UPDATE customers SET tier = 'platinum'`).run()).toThrow(/CHECK/);
  } finally {
    await store.close();
  }
});
