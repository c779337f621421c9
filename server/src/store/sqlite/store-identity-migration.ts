import type { Migration } from './migrations.js';

/**
 * Migration 14: a random id of this database file, made once when the file is created or first
 * upgraded. Processes sharing the file find one another's append writer by it
 * (`append-hub.ts`); with the file's inode it tells this file from a copy of it (a restored
 * backup) and from a new file that reuses the inode of a deleted one.
 */
export const storeIdentityMigration: Migration = {
  version: 14,
  name: 'store identity',
  sql: `
  CREATE TABLE store_identity (id TEXT NOT NULL);
  INSERT INTO store_identity (id) VALUES (lower(hex(randomblob(16))));
  `,
};
