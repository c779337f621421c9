import type { Conversation, ConversationStatus } from '@aftercare/shared';
import type { Database, Statement } from 'better-sqlite3';
import type {
  ConversationRepository,
  ListConversationsQuery,
  StartConversationInput,
  StartConversationResult,
} from '../../domain/conversations/conversation-repository.js';
import { AftercareError } from '../../domain/errors.js';
import { type ConversationRow, conversationColumns, toConversation, toConversationRow } from './conversation-rows.js';
import { conflictOnDuplicate } from './sqlite-errors.js';

type ReceiptSide = 'visitor' | 'agent';
type ListParams = { tenant_id: string; status?: string; before?: number; limit: number };

/**
 * Conversations in SQLite. The "one open conversation per customer" and "one conversation per
 * start request" rules are unique indexes, so they hold even when two processes share the file.
 */
export class SqliteConversationRepository implements ConversationRepository {
  private readonly startTx;
  private readonly setStatusTx;
  private readonly setAssigneeTx;
  private readonly advanceReceiptTx;
  private readonly selectById;
  private readonly selectByCustomer;
  /** One prepared statement per filter combination, so each can use its own index. */
  private readonly listStatements: Record<
    'all' | 'status' | 'before' | 'statusBefore',
    Statement<ListParams, ConversationRow>
  >;

  constructor(db: Database) {
    // ON CONFLICT DO NOTHING covers every unique constraint: the request id and the partial "open" index.
    const insert = db.prepare<ConversationRow>(
      `INSERT INTO conversations (${conversationColumns})
       VALUES (@id, @tenant_id, @site_id, @customer_id, @request_id, @status, @assignee_id, @product, @last_seq,
         @visitor_delivered_seq, @visitor_read_seq, @agent_delivered_seq, @agent_read_seq,
         @created_at, @updated_at, @resolved_at)
       ON CONFLICT DO NOTHING`,
    );
    const selectByRequest = db.prepare<[string, string], ConversationRow>(
      `SELECT ${conversationColumns} FROM conversations WHERE customer_id = ? AND request_id = ?`,
    );
    const selectOpen = db.prepare<[string], ConversationRow>(
      `SELECT ${conversationColumns} FROM conversations WHERE customer_id = ? AND status = 'open'`,
    );
    this.selectById = db.prepare<[string], ConversationRow>(
      `SELECT ${conversationColumns} FROM conversations WHERE id = ?`,
    );
    this.selectByCustomer = db.prepare<[string, number], ConversationRow>(
      `SELECT ${conversationColumns} FROM conversations WHERE customer_id = ?
       ORDER BY created_at DESC, rowid DESC LIMIT ?`,
    );
    const list = (where: string) =>
      db.prepare<ListParams, ConversationRow>(
        `SELECT ${conversationColumns} FROM conversations WHERE tenant_id = @tenant_id ${where}
         ORDER BY updated_at DESC, rowid DESC LIMIT @limit`,
      );
    this.listStatements = {
      all: list(''),
      status: list('AND status = @status'),
      before: list('AND updated_at < @before'),
      statusBefore: list('AND status = @status AND updated_at < @before'),
    };

    // Insert first, then look: the unique indexes decide who wins a race, not a prior read.
    this.startTx = db.transaction((row: ConversationRow): { row: ConversationRow; created: boolean } => {
      if (insert.run(row).changes === 1) return { row, created: true };
      const existing = selectByRequest.get(row.customer_id, row.request_id) ?? selectOpen.get(row.customer_id);
      if (!existing) throw new AftercareError('CONFLICT', `A conversation with id ${row.id} already exists.`);
      return { row: existing, created: false };
    });

    const updateStatus = db.prepare<
      { id: string; status: string; now: number; resolved_at: number | null },
      ConversationRow
    >(
      `UPDATE conversations SET status = @status, updated_at = @now, resolved_at = @resolved_at
       WHERE id = @id RETURNING ${conversationColumns}`,
    );
    this.setStatusTx = db.transaction((id: string, status: ConversationStatus, now: number) => {
      const row = this.selectById.get(id);
      // Setting the status it already has changes nothing, so `resolvedAt` keeps its first value.
      if (!row || row.status === status) return row ?? null;
      return conflictOnDuplicate(
        () => updateStatus.get({ id, status, now, resolved_at: status === 'resolved' ? now : null }) ?? null,
        'The customer already has another open conversation.',
      );
    });

    // The WHERE clause is the compare-and-set; `IS` compares NULLs as equal.
    const updateAssignee = db.prepare<
      { id: string; assignee_id: string | null; expected: string | null; now: number },
      ConversationRow
    >(
      `UPDATE conversations SET assignee_id = @assignee_id, updated_at = @now
       WHERE id = @id AND status = 'open' AND assignee_id IS @expected RETURNING ${conversationColumns}`,
    );
    this.setAssigneeTx = db.transaction(
      (id: string, assigneeId: string | null, expected: string | null, now: number) => {
        if (assigneeId !== expected) {
          const row = updateAssignee.get({ id, assignee_id: assigneeId, expected, now });
          if (row) return row;
        }
        return this.selectById.get(id) ?? null;
      },
    );

    // Receipts leave updatedAt alone: it orders the agents' queue and is the paging cursor, and a
    // read marker is not new activity.
    const updateReceipts = (side: ReceiptSide) =>
      db.prepare<{ id: string; delivered: number; read: number }, ConversationRow>(
        `UPDATE conversations SET ${side}_delivered_seq = @delivered, ${side}_read_seq = @read
         WHERE id = @id RETURNING ${conversationColumns}`,
      );
    const receiptUpdates = { visitor: updateReceipts('visitor'), agent: updateReceipts('agent') };
    this.advanceReceiptTx = db.transaction((id: string, side: ReceiptSide, kind: 'delivered' | 'read', seq: number) => {
      const row = this.selectById.get(id);
      if (!row) return null;
      const target = Math.min(seq, row.last_seq);
      const oldDelivered = side === 'visitor' ? row.visitor_delivered_seq : row.agent_delivered_seq;
      const oldRead = side === 'visitor' ? row.visitor_read_seq : row.agent_read_seq;
      const read = kind === 'read' ? Math.max(oldRead, target) : oldRead;
      // Whatever was read was necessarily delivered.
      const delivered = Math.max(oldDelivered, kind === 'delivered' ? target : read);
      if (read === oldRead && delivered === oldDelivered) return row;
      return receiptUpdates[side].get({ id, delivered, read }) ?? null;
    });
  }

  async start(input: StartConversationInput): Promise<StartConversationResult> {
    const { row, created } = this.startTx.immediate(toConversationRow(input.conversation, input.requestId));
    return { conversation: toConversation(row), created };
  }

  async getById(id: string): Promise<Conversation | null> {
    const row = this.selectById.get(id);
    return row ? toConversation(row) : null;
  }

  async listByCustomer(customerId: string, limit: number): Promise<Conversation[]> {
    return this.selectByCustomer.all(customerId, limit).map(toConversation);
  }

  async listByTenant(query: ListConversationsQuery): Promise<Conversation[]> {
    const { tenantId, status, before, limit } = query;
    const key =
      status === undefined
        ? before === undefined
          ? 'all'
          : 'before'
        : before === undefined
          ? 'status'
          : 'statusBefore';
    const params: ListParams = { tenant_id: tenantId, limit };
    if (status !== undefined) params.status = status;
    if (before !== undefined) params.before = before;
    return this.listStatements[key].all(params).map(toConversation);
  }

  async setStatus(id: string, status: ConversationStatus, now: number): Promise<Conversation | null> {
    const row = this.setStatusTx.immediate(id, status, now);
    return row ? toConversation(row) : null;
  }

  async setAssignee(
    id: string,
    assigneeId: string | null,
    expectedAssigneeId: string | null,
    now: number,
  ): Promise<Conversation | null> {
    const row = this.setAssigneeTx.immediate(id, assigneeId, expectedAssigneeId, now);
    return row ? toConversation(row) : null;
  }

  async advanceReceipt(
    id: string,
    side: ReceiptSide,
    kind: 'delivered' | 'read',
    seq: number,
    _now: number,
  ): Promise<Conversation | null> {
    const row = this.advanceReceiptTx.immediate(id, side, kind, seq);
    return row ? toConversation(row) : null;
  }
}
