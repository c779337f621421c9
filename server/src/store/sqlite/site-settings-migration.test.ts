import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SITE_SETTINGS } from '@aftercare/shared';
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

it('a data file from before site settings upgrades in place: default settings, active agents, no teams', async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'aftercare-settings-'));
  const old = new Database(join(dataDir, 'aftercare.db'));
  migrate(
    old,
    migrations.filter((migration) => migration.version < 5),
  );
  old.prepare(`INSERT INTO sites VALUES ('site-1', 'tenant-1', 'key-1', 'Shop', '[]', ?)`).run(T0);
  old
    .prepare(`INSERT INTO agents VALUES ('agent-1', 'tenant-1', 'ann@shop.example', 'Ann', 'agent', 'scrypt$x', ?)`)
    .run(T0);
  old.close();

  const store = openSqliteStore({ dataDir });
  try {
    expect(await store.sites.getById('site-1')).toEqual({
      id: 'site-1',
      tenantId: 'tenant-1',
      key: 'key-1',
      name: 'Shop',
      allowedOrigins: [],
      settings: DEFAULT_SITE_SETTINGS,
      createdAt: T0,
    });
    expect(await store.agents.getById('agent-1')).toMatchObject({ active: true, avatarUrl: null });
    expect(await store.teams.listByTenant('tenant-1')).toEqual([]);
  } finally {
    await store.close();
  }
});

it('settings stored by an older build read back over the defaults of this one', async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'aftercare-settings-'));
  const store = openSqliteStore({ dataDir });
  try {
    // As if written before `defaultLocale` and `expectedReplyMinutes` existed, plus a field since removed.
    store.db
      .prepare(`INSERT INTO sites VALUES ('site-2', 'tenant-2', 'key-2', 'Shop', '[]', ?, ?)`)
      .run(T0, JSON.stringify({ color: '#112233', retired: true }));
    expect((await store.sites.getById('site-2'))?.settings).toEqual({ ...DEFAULT_SITE_SETTINGS, color: '#112233' });
  } finally {
    await store.close();
  }
});
