import type { Migration } from './migrations.js';

/**
 * Migration 7: whose turn it is in each conversation (the "waiting on customer" view), when the
 * first reply came (first-reply service levels), the inbox filters' indexes, and full-text search.
 *
 * Search uses FTS5 with the `trigram` tokenizer (messages indexed in batches, see
 * `SqliteSearchRepository.indexPending`; customers, rarely written, by their triggers): it indexes every three-character run, so any
 * substring of three or more characters matches, in Chinese as in English (word tokenizers do not
 * split Chinese). Shorter queries are answered by a bounded LIKE scan in the repository.
 *
 * The index tables store their own copy of the text plus the record's id, and reads join on that
 * id, never on rowid: SQLite's VACUUM may renumber the rowids of tables without an INTEGER PRIMARY
 * KEY. The rowid is still set to the record's rowid so triggers find the row to drop quickly; if
 * a VACUUM ever renumbered them, a customer read re-checks the current text, so a stale index row
 * can cost a missed hit for an edited customer, never a wrong one. Messages are never edited.
 */
export const inboxSearchMigration: Migration = {
  version: 7,
  name: 'waiting on customer, first reply, inbox filters and search',
  sql: `
    ALTER TABLE conversations ADD COLUMN awaiting_reply_from TEXT
      CHECK (awaiting_reply_from IN ('agent', 'customer'));
    ALTER TABLE conversations ADD COLUMN first_reply_at INTEGER;

    -- Backfill from history: the newest public message of a shopper or an agent decides the turn.
    UPDATE conversations SET
      awaiting_reply_from = (
        SELECT CASE m.author_kind WHEN 'visitor' THEN 'agent' ELSE 'customer' END
        FROM messages m
        WHERE m.conversation_id = conversations.id AND m.internal = 0 AND m.author_kind IN ('visitor', 'agent')
        ORDER BY m.seq DESC LIMIT 1
      ),
      first_reply_at = (
        SELECT MIN(m.created_at) FROM messages m
        WHERE m.conversation_id = conversations.id AND m.internal = 0 AND m.author_kind = 'agent'
      );

    -- The inbox orders by (updated_at, id) and pages with a cursor on both; one index per common filter.
    DROP INDEX conversations_by_tenant;
    DROP INDEX conversations_by_tenant_status;
    CREATE INDEX conversations_by_tenant ON conversations (tenant_id, updated_at, id);
    CREATE INDEX conversations_by_tenant_status ON conversations (tenant_id, status, updated_at, id);
    CREATE INDEX conversations_by_tenant_waiting ON conversations
      (tenant_id, status, awaiting_reply_from, updated_at, id);
    CREATE INDEX conversations_by_tenant_assignee ON conversations (tenant_id, assignee_id, updated_at, id);
    CREATE INDEX conversations_by_tenant_site ON conversations (tenant_id, site_id, updated_at, id);
    CREATE INDEX customers_by_tenant ON customers (tenant_id, updated_at);

    CREATE VIRTUAL TABLE messages_fts USING fts5(text, message_id UNINDEXED, tokenize = 'trigram');
    INSERT INTO messages_fts (rowid, text, message_id) SELECT rowid, text, id FROM messages;
    -- An append only notes its message here; the store indexes the notes in batches (and before
    -- every search), keeping the trigram index's work out of the transaction that acks a message.
    CREATE TABLE messages_fts_pending (message_rowid INTEGER PRIMARY KEY);
    CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
      INSERT INTO messages_fts_pending (message_rowid) VALUES (new.rowid);
    END;
    CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
      DELETE FROM messages_fts_pending WHERE message_rowid = old.rowid;
      DELETE FROM messages_fts WHERE rowid = old.rowid;
    END;

    CREATE VIRTUAL TABLE customers_fts USING fts5(name, email, phone, customer_id UNINDEXED, tokenize = 'trigram');
    INSERT INTO customers_fts (rowid, name, email, phone, customer_id)
      SELECT rowid, name, email, phone, id FROM customers;
    CREATE TRIGGER customers_fts_insert AFTER INSERT ON customers BEGIN
      INSERT INTO customers_fts (rowid, name, email, phone, customer_id)
        VALUES (new.rowid, new.name, new.email, new.phone, new.id);
    END;
    CREATE TRIGGER customers_fts_update AFTER UPDATE OF name, email, phone ON customers BEGIN
      DELETE FROM customers_fts WHERE rowid = old.rowid;
      INSERT INTO customers_fts (rowid, name, email, phone, customer_id)
        VALUES (new.rowid, new.name, new.email, new.phone, new.id);
    END;
    CREATE TRIGGER customers_fts_delete AFTER DELETE ON customers BEGIN
      DELETE FROM customers_fts WHERE rowid = old.rowid;
    END;
  `,
};
