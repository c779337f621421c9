import type { Migration } from './migrations.js';

/**
 * Service promises on conversations (due times fixed when a chat starts) and escalation to the
 * site's supervisors. Chats that are open at the upgrade get their escalation time from the
 * calendar rule (escalation counts calendar time, so SQL can compute it exactly from the site's
 * setting or the 2-day default); their business-hour due times are left null, because no promise
 * was made when they started and reports must not count them as breached. A chat that has been
 * open longer than the escalation time escalates once at the first scan after the upgrade.
 * Also the supervisors' alerts (escalations, low ratings), with read marks per agent.
 */
export const conversationPromisesMigration: Migration = {
  version: 10,
  name: 'conversation service promises, escalation and alerts',
  sql: `
  ALTER TABLE conversations ADD COLUMN first_reply_due_at INTEGER;
  ALTER TABLE conversations ADD COLUMN resolution_due_at INTEGER;
  ALTER TABLE conversations ADD COLUMN escalate_at INTEGER;
  ALTER TABLE conversations ADD COLUMN escalated_at INTEGER;
  UPDATE conversations SET escalate_at = created_at + 60000 * COALESCE(
    (SELECT json_extract(sites.settings, '$.servicePromises.escalateAfterMinutes') FROM sites
      WHERE sites.id = conversations.site_id),
    2880)
  WHERE status = 'open';
  -- The escalation scanner's query: open chats not yet escalated, by when they fall due.
  CREATE INDEX conversations_to_escalate ON conversations (escalate_at) WHERE status = 'open' AND escalated_at IS NULL;
  -- The "Escalated" view needs no index of its own: it reads the tenant's open chats in order
  -- (conversations_by_tenant_status), which are few, and skips those not escalated.

  -- Each alert whole as JSON in body (its fields differ by kind); the columns are what lists use.
  CREATE TABLE alerts (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX alerts_by_tenant ON alerts (tenant_id, created_at DESC, id DESC);
  CREATE TABLE alert_reads (
    alert_id TEXT NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
    agent_id TEXT NOT NULL,
    read_at INTEGER NOT NULL,
    PRIMARY KEY (alert_id, agent_id)
  ) WITHOUT ROWID;
  `,
};
