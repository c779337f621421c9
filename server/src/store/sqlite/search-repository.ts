import type { Customer, Message } from '@aftercare/shared';
import type { Database, Statement } from 'better-sqlite3';
import type { SearchMessagesQuery, SearchRepository, SearchTermsQuery } from '../../domain/search/search-repository.js';
import { type CustomerRow, columns as customerColumns, toCustomer } from './customer-repository.js';
import { type MessageRow, columns as messageColumns, toMessage } from './message-repository.js';

type Params = Record<string, string | number>;

/** The trigram index matches terms of at least this many characters. */
const TRIGRAM = 3;
/** Short terms alone are matched by scanning: the tenant's most recently active conversations… */
const SHORT_QUERY_CONVERSATIONS = 500;
/** …and most recently updated customers. */
const SHORT_QUERY_CUSTOMERS = 5_000;

/**
 * `indexPending` in three statements, run in one transaction: the newest noted message, index the
 * notes up to it, forget them. Also run by the append thread on its timer (`AppendThread`).
 */
export const indexPendingStatements = {
  newest: 'SELECT MAX(message_rowid) AS rowid FROM messages_fts_pending',
  // CROSS JOIN keeps the notes as the outer loop. With a plain JOIN SQLite carried the bound over
  // to `m.rowid` and walked every message ever stored up to it, probing the notes for each: a batch
  // of 100 took 1 ms on an empty table and 20 ms after 90,000 messages, growing without end.
  index: `INSERT INTO messages_fts (rowid, text, message_id)
    SELECT m.rowid, m.text, m.id FROM messages_fts_pending p CROSS JOIN messages m ON m.rowid = p.message_rowid
    WHERE p.message_rowid <= ?`,
  forget: 'DELETE FROM messages_fts_pending WHERE message_rowid <= ?',
};

/** Messages the append thread indexes per transaction: while it indexes, appends wait for the file. */
export const INDEX_BATCH = 100;

/** The same, a bounded batch at a time (the append thread's timer): `newest` stops at the batch's end. */
export const indexBatchStatements = {
  ...indexPendingStatements,
  newest: `SELECT MAX(message_rowid) AS rowid FROM
    (SELECT message_rowid FROM messages_fts_pending ORDER BY message_rowid LIMIT ${INDEX_BATCH})`,
};

/**
 * Search over the FTS5 trigram indexes of migration 7. Results are newest first: by insertion
 * order for indexed terms, by `createdAt` for short-term scans (the same order in practice). Every term becomes a quoted FTS phrase
 * (inner quotes doubled), so `"`, `*`, `NEAR`, `-` or `OR` in a query are text, never syntax.
 * Terms shorter than three characters cannot use a trigram index: they are tested with `instr`
 * on the rows the long terms found, or, when every term is short, on a bounded window of the
 * tenant's recent conversations and customers (documented in the README).
 */
export class SqliteSearchRepository implements SearchRepository {
  private readonly statements = new Map<string, Statement<Params, unknown>>();
  private readonly indexPendingTx;

  constructor(private readonly db: Database) {
    const newest = db.prepare<[], { rowid: number | null }>(indexPendingStatements.newest);
    const index = db.prepare<[number]>(indexPendingStatements.index);
    const forget = db.prepare<[number]>(indexPendingStatements.forget);
    this.indexPendingTx = db.transaction((): number => {
      const upTo = newest.get()?.rowid ?? null;
      if (upTo === null) return 0;
      const indexed = index.run(upTo).changes;
      forget.run(upTo);
      return indexed;
    });
  }

  /**
   * Adds the messages appended since the last call to the search index, in one transaction: the
   * trigram index costs far more per commit than per row, so batches of a second's appends are
   * much cheaper than indexing inside every append's commit. The store calls it on a timer; every
   * search calls it first, so a search always sees every stored message. Returns how many it added.
   */
  indexPending(): number {
    return this.indexPendingTx.immediate();
  }

  async searchMessages(query: SearchMessagesQuery): Promise<Message[]> {
    this.indexPending();
    const { long, short } = splitTerms(query.terms);
    const params: Params = { tenant_id: query.tenantId, limit: query.limit };
    const where = [...containsAll('m.text', short, params)];
    let sql: string;
    if (long.length > 0) {
      // Newest first by the index's rowid (the message's, in insertion order): FTS5 walks its
      // matches in that order, so the LIMIT stops the walk instead of sorting every match.
      params.match = ftsPhrases(long);
      if (query.after) {
        where.push('f.rowid < (SELECT rowid FROM messages WHERE id = @after_id)');
        params.after_id = query.after.messageId;
      }
      sql = `SELECT ${qualified('m', messageColumns)} FROM messages_fts f
        JOIN messages m ON m.id = f.message_id
        JOIN conversations c ON c.id = m.conversation_id
        WHERE messages_fts MATCH @match AND c.tenant_id = @tenant_id ${and(where)}
        ORDER BY f.rowid DESC LIMIT @limit`;
    } else {
      if (query.after) {
        where.push('(m.created_at, m.id) < (@after_created_at, @after_id)');
        params.after_created_at = query.after.createdAt;
        params.after_id = query.after.messageId;
      }
      params.window = SHORT_QUERY_CONVERSATIONS;
      sql = `SELECT ${qualified('m', messageColumns)} FROM messages m
        WHERE m.conversation_id IN (
          SELECT id FROM conversations WHERE tenant_id = @tenant_id ORDER BY updated_at DESC, id DESC LIMIT @window
        ) ${and(where)}
        ORDER BY m.created_at DESC, m.id DESC LIMIT @limit`;
    }
    return (this.prepare(sql).all(params) as MessageRow[]).map(toMessage);
  }

  async searchCustomers(query: SearchTermsQuery): Promise<Customer[]> {
    const { long, short } = splitTerms(query.terms);
    const params: Params = { tenant_id: query.tenantId, limit: query.limit };
    // Every term is re-checked on the customer's current fields (see the migration on rowids).
    const fields = `coalesce(cu.name, '') || char(10) || coalesce(cu.email, '') || char(10) || coalesce(cu.phone, '')`;
    const where = containsAll(fields, [...long, ...short], params);
    let sql: string;
    if (long.length > 0) {
      params.match = ftsPhrases(long);
      sql = `SELECT ${qualified('cu', customerColumns)} FROM customers_fts f
        JOIN customers cu ON cu.id = f.customer_id
        WHERE customers_fts MATCH @match AND cu.tenant_id = @tenant_id ${and(where)}
        ORDER BY cu.updated_at DESC, cu.id DESC LIMIT @limit`;
    } else {
      params.window = SHORT_QUERY_CUSTOMERS;
      sql = `SELECT ${qualified('cu', customerColumns)} FROM (
          SELECT * FROM customers WHERE tenant_id = @tenant_id ORDER BY updated_at DESC LIMIT @window
        ) cu WHERE 1 ${and(where)}
        ORDER BY cu.updated_at DESC, cu.id DESC LIMIT @limit`;
    }
    return (this.prepare(sql).all(params) as CustomerRow[]).map(toCustomer);
  }

  /** Statements are cached by text: a query's shape depends only on how many terms of each kind it has. */
  private prepare(sql: string): Statement<Params, unknown> {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare<Params, unknown>(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

/** Terms the trigram index can serve, and the rest. Length in characters, not UTF-16 units. */
function splitTerms(terms: readonly string[]): { long: string[]; short: string[] } {
  const long = terms.filter((term) => [...term].length >= TRIGRAM);
  return { long, short: terms.filter((term) => !long.includes(term)) };
}

/** An FTS5 query in which each term is one quoted phrase; phrases side by side must all match. */
export function ftsPhrases(terms: readonly string[]): string {
  return terms.map((term) => `"${term.replaceAll('"', '""')}"`).join(' ');
}

/**
 * Conditions that `column` contains each term, ignoring ASCII case. `instr` tests a literal
 * substring, so `%` and `_` in a term need no escaping (as they would with LIKE).
 */
function containsAll(column: string, terms: readonly string[], params: Params): string[] {
  return terms.map((term, index) => {
    params[`term_${index}`] = term;
    return `instr(lower(${column}), lower(@term_${index})) > 0`;
  });
}

function and(conditions: readonly string[]): string {
  return conditions.map((condition) => `AND ${condition}`).join(' ');
}

function qualified(alias: string, columns: string): string {
  return columns
    .split(',')
    .map((column) => `${alias}.${column.trim()}`)
    .join(', ');
}
