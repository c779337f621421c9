import type { Migration } from './migrations.js';

/**
 * Migration 11: indexes that answer the supervisors' reports from the index alone. A report reads
 * every conversation, ticket and rating created in a range (up to a year, ~100,000 rows), so each
 * index starts with (tenant_id, created_at) and then carries every value the report reads: SQLite
 * walks one contiguous slice of the index and never touches the table, whose rows hold far more.
 *
 * Products live inside JSON (a conversation's `product`, a ticket's `body`), and so does a
 * ticket's answer promise: the indexes hold those as expressions, which the queries in
 * `report-repository.ts` repeat word for word (SQLite matches an indexed expression by its text).
 * Virtual generated columns were tried first, but the planner does not treat an index on them as
 * covering and reads every table row anyway.
 */
export const reportsMigration: Migration = {
  version: 11,
  name: 'report indexes',
  sql: `
  CREATE INDEX conversations_for_reports ON conversations (tenant_id, created_at, site_id, assignee_id,
    first_reply_at, resolved_at, first_reply_due_at, resolution_due_at,
    json_extract(product, '$.sku'), json_extract(product, '$.name'));
  -- Per agent: ordered by agent, so grouping needs no sort (see report-sql.ts).
  CREATE INDEX conversations_by_assignee_for_reports ON conversations (tenant_id, assignee_id, created_at, site_id,
    first_reply_at, resolved_at, first_reply_due_at, resolution_due_at);
  CREATE INDEX tickets_for_reports ON tickets (tenant_id, created_at, site_id, status, technician_id,
    resolved_at, resolution_due_at, json_extract(body, '$.promises.answerDueAt'),
    json_extract(body, '$.promises.answeredAt'), json_extract(body, '$.product.sku'),
    json_extract(body, '$.product.name'));
  CREATE INDEX ratings_for_reports ON ratings (tenant_id, created_at, site_id, subject_kind, score,
    agent_id, technician_id, product_sku, product_name);
  `,
};
