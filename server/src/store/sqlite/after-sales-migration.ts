import type { Migration } from './migrations.js';

/**
 * Post-service ratings, the requests for them, and follow-ups on closed tickets (issue 5 items 6
 * and 7). The `ratings` shape is shared with the reports (helper G reads it): one row per chat or
 * ticket, whatever the number of submissions.
 */
export const afterSalesMigration: Migration = {
  version: 9,
  name: 'ratings and follow-ups',
  sql: `
  CREATE TABLE ratings (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL,
    site_id TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    subject_kind TEXT NOT NULL CHECK (subject_kind IN ('conversation', 'ticket')),
    subject_id TEXT NOT NULL,
    score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment TEXT,
    agent_id TEXT,
    technician_id TEXT,
    product_name TEXT,
    product_sku TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    -- One rating per chat or ticket: what keeps two racing submissions to one row.
    UNIQUE (subject_kind, subject_id)
  );
  CREATE INDEX ratings_by_tenant ON ratings (tenant_id, created_at);
  CREATE INDEX ratings_by_customer ON ratings (tenant_id, customer_id, created_at);

  CREATE TABLE rating_requests (
    subject_kind TEXT NOT NULL CHECK (subject_kind IN ('conversation', 'ticket')),
    subject_id TEXT NOT NULL,
    tenant_id TEXT NOT NULL,
    site_id TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    requested_at INTEGER NOT NULL,
    requested_by TEXT,
    ticket_number TEXT,
    product TEXT,
    agent_id TEXT,
    agent_name TEXT,
    technician_id TEXT,
    PRIMARY KEY (subject_kind, subject_id)
  );
  CREATE INDEX rating_requests_by_customer ON rating_requests (customer_id, requested_at);

  CREATE TABLE follow_ups (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL,
    site_id TEXT NOT NULL,
    ticket_id TEXT NOT NULL,
    ticket_number TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    product TEXT,
    sequence INTEGER NOT NULL CHECK (sequence IN (1, 2)),
    due_at INTEGER NOT NULL,
    late_at INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'done')),
    outcome TEXT,
    note TEXT,
    done_by TEXT,
    done_at INTEGER,
    created_at INTEGER NOT NULL,
    -- Scheduling a ticket's follow-ups twice keeps the first ones.
    UNIQUE (ticket_id, sequence)
  );
  -- The "due" and "upcoming" views, and the check that announces newly due ones.
  CREATE INDEX follow_ups_pending ON follow_ups (tenant_id, due_at) WHERE status = 'pending';
  CREATE INDEX follow_ups_pending_all ON follow_ups (due_at) WHERE status = 'pending';
  CREATE INDEX follow_ups_done ON follow_ups (tenant_id, done_at) WHERE status = 'done';
  `,
};
