import type { Conversation, ConversationStatus } from '@aftercare/shared';
import type { Database } from 'better-sqlite3';
import type {
  ConversationRepository,
  ListConversationsQuery,
  RoutingWrite,
  StartConversationInput,
  StartConversationResult,
} from '../../domain/conversations/conversation-repository.js';
import { AftercareError } from '../../domain/errors.js';
import { createConversationLister } from './conversation-list-query.js';
import { type ConversationRow, conversationColumns, toConversation, toConversationRow } from './conversation-rows.js';
import { conflictOnDuplicate } from './sqlite-errors.js';

type ReceiptSide = 'visitor' | 'agent';

/**
 * Conversations in SQLite. The "one open conversation per customer" and "one conversation per
 * start request" rules are unique indexes, so they hold even when two processes share the file.
 */
export class SqliteConversationRepository implements ConversationRepository {
  private readonly startTx;
  private readonly setStatusTx;
  private readonly setAssigneeTx;
  private readonly setRoutingTx;
  private readonly clearTeamTx;
  private readonly advanceReceiptTx;
  private readonly selectDueForEscalation;
  private readonly updateEscalated;
  private readonly selectById;
  private readonly selectByCustomer;
  private readonly listConversations: ReturnType<typeof createConversationLister>;

  constructor(db: Database) {
    // ON CONFLICT DO NOTHING covers every unique constraint: the request id and the partial "open" index.
    const insert = db.prepare<ConversationRow>(
      `INSERT INTO conversations (${conversationColumns})
       VALUES (@id, @tenant_id, @site_id, @customer_id, @request_id, @status, @assignee_id, @product, @last_seq,
         @visitor_delivered_seq, @visitor_read_seq, @agent_delivered_seq, @agent_read_seq,
         @created_at, @updated_at, @resolved_at, @awaiting_reply_from, @first_reply_at, @team_id,
         @first_reply_due_at, @resolution_due_at, @escalate_at, @escalated_at)
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
    this.listConversations = createConversationLister(db);

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
        const row =
          assigneeId === expected ? undefined : updateAssignee.get({ id, assignee_id: assigneeId, expected, now });
        return row ? { changed: true, row } : { changed: false, row: this.selectById.get(id) ?? null };
      },
    );

    const updateRouting = db.prepare<
      { id: string; assignee_id: string | null; team_id: string | null; expected: string | null; now: number },
      ConversationRow
    >(
      `UPDATE conversations SET assignee_id = @assignee_id, team_id = @team_id, updated_at = @now
       WHERE id = @id AND status = 'open' AND assignee_id IS @expected
         AND (assignee_id IS NOT @assignee_id OR team_id IS NOT @team_id)
       RETURNING ${conversationColumns}`,
    );
    this.setRoutingTx = db.transaction(
      (
        id: string,
        target: { assigneeId: string | null; teamId: string | null },
        expected: string | null,
        now: number,
      ) => {
        const row = updateRouting.get({ id, assignee_id: target.assigneeId, team_id: target.teamId, expected, now });
        return row ? { changed: true, row } : { changed: false, row: this.selectById.get(id) ?? null };
      },
    );

    // Only open chats count as changed: a resolved one's `updatedAt` orders history and stays.
    const clearTeam = db.prepare<{ tenant_id: string; team_id: string; now: number }, ConversationRow>(
      `UPDATE conversations SET team_id = NULL,
         updated_at = CASE WHEN status = 'open' THEN @now ELSE updated_at END
       WHERE tenant_id = @tenant_id AND team_id = @team_id RETURNING ${conversationColumns}`,
    );
    this.clearTeamTx = db.transaction((tenantId: string, teamId: string, now: number) =>
      clearTeam.all({ tenant_id: tenantId, team_id: teamId, now }).filter((row) => row.status === 'open'),
    );

    // Receipts leave updatedAt alone: it orders the agents' queue and is the paging cursor, and a
    // read marker is not new activity.
    const updateReceipts = (side: ReceiptSide) =>
      db.prepare<{ id: string; delivered: number; read: number }, ConversationRow>(
        `UPDATE conversations SET ${side}_delivered_seq = @delivered, ${side}_read_seq = @read
         WHERE id = @id RETURNING ${conversationColumns}`,
      );
    const receiptUpdates = { visitor: updateReceipts('visitor'), agent: updateReceipts('agent') };
    this.selectDueForEscalation = db.prepare<[number, number], ConversationRow>(
      `SELECT ${conversationColumns} FROM conversations
       WHERE status = 'open' AND escalated_at IS NULL AND escalate_at <= ? ORDER BY escalate_at LIMIT ?`,
    );
    // The WHERE clause is the compare-and-set: of two processes escalating at once, one gets the row.
    this.updateEscalated = db.prepare<[number, string], ConversationRow>(
      `UPDATE conversations SET escalated_at = ?
       WHERE id = ? AND status = 'open' AND escalated_at IS NULL RETURNING ${conversationColumns}`,
    );
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
    return this.listConversations(query).map(toConversation);
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
  ): Promise<RoutingWrite> {
    return toRoutingWrite(this.setAssigneeTx.immediate(id, assigneeId, expectedAssigneeId, now));
  }

  async setRouting(
    id: string,
    target: { assigneeId: string | null; teamId: string | null },
    expectedAssigneeId: string | null,
    now: number,
  ): Promise<RoutingWrite> {
    return toRoutingWrite(this.setRoutingTx.immediate(id, target, expectedAssigneeId, now));
  }

  async clearTeam(tenantId: string, teamId: string, now: number): Promise<Conversation[]> {
    return this.clearTeamTx.immediate(tenantId, teamId, now).map(toConversation);
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

  async listDueForEscalation(now: number, limit: number): Promise<Conversation[]> {
    return this.selectDueForEscalation.all(now, limit).map(toConversation);
  }

  async markEscalated(id: string, now: number): Promise<Conversation | null> {
    const row = this.updateEscalated.get(now, id);
    return row ? toConversation(row) : null;
  }
}

function toRoutingWrite({ changed, row }: { changed: boolean; row: ConversationRow | null }): RoutingWrite {
  if (changed && row) return { changed: true, conversation: toConversation(row) };
  return { changed: false, conversation: row ? toConversation(row) : null };
}
