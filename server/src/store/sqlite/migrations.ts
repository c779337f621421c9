import { afterSalesMigration } from './after-sales-migration.js';
import { agentCapacityMigration } from './agent-capacity-migration.js';
import { conversationPromisesMigration } from './conversation-promises-migration.js';
import { identityVerificationMigration } from './identity-verification-migration.js';
import { inboxSearchMigration } from './inbox-search-migration.js';
import { reportsMigration } from './reports-migration.js';
import { storeIdentityMigration } from './store-identity-migration.js';
import { ticketsMigration } from './tickets-migration.js';

/**
 * The SQLite schema as an ordered list of migrations. A migration is never edited once released:
 * a change to the schema is a new entry at the end, so existing data files upgrade in place.
 */
export interface Migration {
  /** Strictly increasing, starting at 1. */
  version: number;
  name: string;
  sql: string;
}

/**
 * Every query the repositories make is served by an index, and every "at most one" rule is a
 * UNIQUE constraint, so duplicates are impossible even if two writers race.
 */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      CREATE TABLE sites (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL,
        key TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        allowed_origins TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX sites_by_tenant ON sites (tenant_id, created_at);

      CREATE TABLE agents (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL,
        email TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX agents_by_tenant ON agents (tenant_id, created_at);

      CREATE TABLE agent_sessions (
        token_hash TEXT PRIMARY KEY,
        agent_id TEXT NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX agent_sessions_by_agent ON agent_sessions (agent_id);

      CREATE TABLE customers (
        id TEXT PRIMARY KEY,
        site_id TEXT NOT NULL REFERENCES sites (id),
        tenant_id TEXT NOT NULL,
        name TEXT,
        email TEXT,
        phone TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX customers_by_site ON customers (site_id);

      CREATE TABLE visitor_tokens (
        token_hash TEXT PRIMARY KEY,
        customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
        site_id TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX visitor_tokens_by_customer ON visitor_tokens (customer_id);

      CREATE TABLE conversations (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL,
        site_id TEXT NOT NULL,
        customer_id TEXT NOT NULL REFERENCES customers (id),
        request_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
        assignee_id TEXT,
        product TEXT,
        last_seq INTEGER NOT NULL DEFAULT 0,
        visitor_delivered_seq INTEGER NOT NULL DEFAULT 0,
        visitor_read_seq INTEGER NOT NULL DEFAULT 0,
        agent_delivered_seq INTEGER NOT NULL DEFAULT 0,
        agent_read_seq INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        resolved_at INTEGER,
        UNIQUE (customer_id, request_id)
      );
      -- One open conversation per customer: the rule that makes racing starts safe.
      CREATE UNIQUE INDEX conversations_one_open_per_customer ON conversations (customer_id) WHERE status = 'open';
      CREATE INDEX conversations_by_customer ON conversations (customer_id, created_at);
      CREATE INDEX conversations_by_tenant ON conversations (tenant_id, updated_at);
      CREATE INDEX conversations_by_tenant_status ON conversations (tenant_id, status, updated_at);

      CREATE TABLE messages (
        id TEXT PRIMARY KEY,
        conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        client_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        author_kind TEXT NOT NULL,
        author_id TEXT NOT NULL,
        author_name TEXT,
        text TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        UNIQUE (conversation_id, client_id),
        UNIQUE (conversation_id, seq)
      );
    `,
  },
  {
    version: 2,
    name: 'internal notes',
    sql: `ALTER TABLE messages ADD COLUMN internal INTEGER NOT NULL DEFAULT 0;`,
  },
  {
    version: 3,
    name: 'canned responses',
    sql: `
      CREATE TABLE canned_responses (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL,
        shortcut TEXT NOT NULL,
        title TEXT NOT NULL,
        text TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      -- One shortcut per tenant; also the index the sorted list reads.
      CREATE UNIQUE INDEX canned_responses_shortcut_per_tenant ON canned_responses (tenant_id, shortcut);
    `,
  },
  {
    version: 4,
    name: 'customer tier',
    sql: `ALTER TABLE customers ADD COLUMN tier TEXT NOT NULL DEFAULT 'standard'
      CHECK (tier IN ('standard', 'silver', 'gold', 'vip'));`,
  },
  {
    version: 5,
    name: 'site settings, agent profiles, teams',
    sql: `
      -- Settings are read and written whole (merged over the defaults on read), never queried.
      ALTER TABLE sites ADD COLUMN settings TEXT NOT NULL DEFAULT '{}';
      ALTER TABLE agents ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));
      ALTER TABLE agents ADD COLUMN avatar_url TEXT;
      ALTER TABLE conversations ADD COLUMN team_id TEXT;
      -- The agent's picture when the message was stored, like the name beside it.
      ALTER TABLE messages ADD COLUMN author_avatar_url TEXT;
      CREATE INDEX conversations_by_team ON conversations (tenant_id, team_id) WHERE team_id IS NOT NULL;

      CREATE TABLE teams (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL,
        name TEXT NOT NULL,
        -- Lower-cased name: "Repairs" and "repairs" are one team.
        name_key TEXT NOT NULL,
        member_ids TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE UNIQUE INDEX teams_name_per_tenant ON teams (tenant_id, name_key);
    `,
  },
  {
    version: 6,
    name: 'attachments',
    sql: `
      CREATE TABLE attachments (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL,
        -- The shopper's site; NULL for agents' uploads (agents belong to the tenant, not a site).
        site_id TEXT,
        uploader_kind TEXT NOT NULL CHECK (uploader_kind IN ('visitor', 'agent')),
        uploader_id TEXT NOT NULL,
        name TEXT NOT NULL,
        mime_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        width INTEGER,
        height INTEGER,
        created_at INTEGER NOT NULL,
        -- The message (by its idempotency key) that took the file; NULL until then.
        conversation_id TEXT,
        client_id TEXT
      );
      -- Serve the janitor's sweep of old unattached uploads, and the cap on one uploader's.
      CREATE INDEX attachments_unclaimed ON attachments (created_at) WHERE conversation_id IS NULL;
      CREATE INDEX attachments_unclaimed_by_uploader ON attachments (uploader_kind, uploader_id)
        WHERE conversation_id IS NULL;
      -- A snapshot of the message's files (JSON array), so history reads need no join.
      ALTER TABLE messages ADD COLUMN attachments TEXT NOT NULL DEFAULT '[]';
    `,
  },
  inboxSearchMigration,
  ticketsMigration,
  afterSalesMigration,
  conversationPromisesMigration,
  reportsMigration,
  identityVerificationMigration,
  agentCapacityMigration,
  storeIdentityMigration,
];
