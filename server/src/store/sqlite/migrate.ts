import type { Database } from 'better-sqlite3';
import type { Migration } from './migrations.js';

/**
 * Brings the database up to the newest migration. Each migration runs in its own transaction
 * together with its `schema_migrations` row, so a crash never leaves a half-applied schema.
 * Returns the schema version after migrating.
 */
export function migrate(db: Database, migrations: readonly Migration[]): number {
  db.exec(`
    CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at INTEGER NOT NULL
    )
  `);
  const current = db.prepare<[], { version: number | null }>('SELECT MAX(version) AS version FROM schema_migrations');
  const record = db.prepare<[number, string, number]>(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  );
  let version = current.get()?.version ?? 0;
  const newest = migrations.at(-1)?.version ?? 0;
  if (version > newest) {
    // A newer build wrote this file; running old code against it could corrupt data.
    throw new Error(`Database schema version ${version} is newer than this build supports (${newest}).`);
  }
  for (const migration of migrations) {
    if (migration.version <= version) continue;
    db.transaction(() => {
      // Several processes may open one file at once (scale-out on one machine): the one that got
      // the write lock first may already have applied this migration while we waited for it.
      if ((current.get()?.version ?? 0) >= migration.version) return;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, Date.now());
      // Mirrors the version in the file header so `sqlite3 file 'PRAGMA user_version'` shows it.
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
    version = migration.version;
  }
  return version;
}
