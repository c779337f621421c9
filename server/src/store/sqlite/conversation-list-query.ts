import type { Database, Statement } from 'better-sqlite3';
import type { ListConversationsQuery } from '../../domain/conversations/conversation-repository.js';
import { type ConversationRow, conversationColumns } from './conversation-rows.js';

type ListParams = Record<string, string | number>;

/**
 * The inbox listing with its optional filters. Each combination of filters is one SQL text,
 * prepared once and cached, so SQLite plans it with the index that fits (see migration 7:
 * `(tenant_id, status, updated_at, id)` and friends); the cursor is a row-value comparison,
 * which SQLite turns into a range on those indexes.
 */
export function createConversationLister(db: Database) {
  const statements = new Map<string, Statement<ListParams, ConversationRow>>();

  return function listConversations(query: ListConversationsQuery): ConversationRow[] {
    const where = ['tenant_id = @tenant_id'];
    const params: ListParams = { tenant_id: query.tenantId, limit: query.limit };
    if (query.status !== undefined) {
      where.push('status = @status');
      params.status = query.status;
    }
    if (query.siteId !== undefined) {
      where.push('site_id = @site_id');
      params.site_id = query.siteId;
    }
    if (query.assigneeId === null) where.push('assignee_id IS NULL');
    else if (query.assigneeId !== undefined) {
      where.push('assignee_id = @assignee_id');
      params.assignee_id = query.assigneeId;
    }
    if (query.waitingOn !== undefined) {
      // Waiting is a state of open chats only: a resolved chat waits on nobody.
      where.push(`status = 'open' AND awaiting_reply_from = @waiting_on`);
      params.waiting_on = query.waitingOn;
    }
    if (query.product !== undefined) {
      // The product is stored as JSON; `instr` over `lower` is a literal substring test (no LIKE
      // wildcards to escape). `lower` folds ASCII only, which is what SKUs and Latin names need.
      where.push(
        `product IS NOT NULL AND (json_extract(product, '$.sku') = @product COLLATE NOCASE
          OR instr(lower(json_extract(product, '$.name')), lower(@product)) > 0)`,
      );
      params.product = query.product;
    }
    if (query.escalated) where.push(`status = 'open' AND escalated_at IS NOT NULL`);
    if (query.before !== undefined) {
      where.push('updated_at < @before');
      params.before = query.before;
    }
    if (query.after !== undefined) {
      where.push('(updated_at, id) < (@after_updated_at, @after_id)');
      params.after_updated_at = query.after.updatedAt;
      params.after_id = query.after.id;
    }
    const sql = `SELECT ${conversationColumns} FROM conversations WHERE ${where.join(' AND ')}
      ORDER BY updated_at DESC, id DESC LIMIT @limit`;
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare<ListParams, ConversationRow>(sql);
      statements.set(sql, statement);
    }
    return statement.all(params);
  };
}
