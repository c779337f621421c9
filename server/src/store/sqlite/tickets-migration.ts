import type { Migration } from './migrations.js';

/**
 * Repair tickets and their timelines. Each ticket is stored whole as JSON in `body`; the columns
 * beside it copy what lists filter and sort on (see `ticket-repository.ts`).
 */
export const ticketsMigration: Migration = {
  version: 8,
  name: 'repair tickets',
  sql: `
  CREATE TABLE ticket_counters (
    tenant_id TEXT PRIMARY KEY,
    last INTEGER NOT NULL
  );
  CREATE TABLE tickets (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL,
    site_id TEXT NOT NULL,
    number TEXT NOT NULL,
    conversation_id TEXT,
    customer_id TEXT NOT NULL,
    status TEXT NOT NULL,
    assignee_id TEXT,
    technician_id TEXT,
    resolution_due_at INTEGER,
    resolved_at INTEGER,
    escalate_at INTEGER NOT NULL,
    escalated_at INTEGER,
    version INTEGER NOT NULL,
    search_text TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE UNIQUE INDEX tickets_number_per_tenant ON tickets (tenant_id, number);
  -- One ticket per conversation: what makes converting a chat twice create one ticket.
  CREATE UNIQUE INDEX tickets_one_per_conversation ON tickets (conversation_id) WHERE conversation_id IS NOT NULL;
  CREATE INDEX tickets_by_tenant_updated ON tickets (tenant_id, updated_at DESC, id DESC);
  CREATE INDEX tickets_by_status ON tickets (tenant_id, status, updated_at DESC, id DESC);
  CREATE INDEX tickets_by_assignee ON tickets (tenant_id, assignee_id, updated_at DESC, id DESC);
  CREATE INDEX tickets_by_technician ON tickets (tenant_id, technician_id, updated_at DESC, id DESC);
  CREATE INDEX tickets_by_customer ON tickets (tenant_id, customer_id, updated_at DESC, id DESC);
  CREATE INDEX tickets_to_escalate ON tickets (escalate_at) WHERE resolved_at IS NULL AND escalated_at IS NULL;
  CREATE TABLE ticket_events (
    id TEXT PRIMARY KEY,
    ticket_id TEXT NOT NULL,
    tenant_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    actor_kind TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    actor_name TEXT,
    from_value TEXT,
    to_value TEXT,
    note TEXT,
    at INTEGER NOT NULL,
    position INTEGER NOT NULL
  );
  CREATE INDEX ticket_events_by_ticket ON ticket_events (tenant_id, ticket_id, position);
  `,
};
