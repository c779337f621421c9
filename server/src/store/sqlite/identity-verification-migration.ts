import type { Migration } from './migrations.js';

/**
 * Migration 12: identity verification (issue 6). A site's secret lives in a table of its own, not
 * among the site's columns, so no query that reads sites for agents or the widget can carry it.
 * A customer the shop verified holds the shop's user id; the partial UNIQUE index makes two
 * customers of one site with the same user id impossible even when two browsers attach at once.
 */
export const identityVerificationMigration: Migration = {
  version: 12,
  name: 'identity verification',
  sql: `
  CREATE TABLE site_identities (
    site_id TEXT PRIMARY KEY REFERENCES sites (id) ON DELETE CASCADE,
    secret TEXT NOT NULL,
    required INTEGER NOT NULL DEFAULT 0 CHECK (required IN (0, 1)),
    rotated_at INTEGER NOT NULL
  );
  ALTER TABLE customers ADD COLUMN external_id TEXT;
  ALTER TABLE customers ADD COLUMN verified_at INTEGER;
  CREATE UNIQUE INDEX customers_by_external_id ON customers (site_id, external_id) WHERE external_id IS NOT NULL;
  `,
};
