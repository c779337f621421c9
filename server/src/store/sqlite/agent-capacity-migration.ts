import type { Migration } from './migrations.js';

/**
 * Migration 13: agents' capacity (issue 6). It lived only in presence, so a Redis restart or a
 * restart of the embedded process forgot it; now the store holds it and presence is rebuilt from
 * it. NULL: the configured default capacity applies.
 */
export const agentCapacityMigration: Migration = {
  version: 13,
  name: 'agent capacity',
  sql: `
  ALTER TABLE agents ADD COLUMN capacity INTEGER CHECK (capacity IS NULL OR capacity >= 0);
  `,
};
