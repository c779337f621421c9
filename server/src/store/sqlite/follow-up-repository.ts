import type { FollowUp, FollowUpOutcome, FollowUpView, ProductContext } from '@aftercare/shared';
import type { Database } from 'better-sqlite3';
import type { FollowUpRepository, FollowUpResult } from '../../domain/follow-ups/follow-up-repository.js';

interface FollowUpRow {
  id: string;
  tenant_id: string;
  site_id: string;
  ticket_id: string;
  ticket_number: string;
  customer_id: string;
  product: string | null;
  sequence: number;
  due_at: number;
  late_at: number;
  status: string;
  outcome: string | null;
  note: string | null;
  done_by: string | null;
  done_at: number | null;
  created_at: number;
}

const columns =
  'id, tenant_id, site_id, ticket_id, ticket_number, customer_id, product, sequence, due_at, late_at, status, outcome, note, done_by, done_at, created_at';
const named = columns
  .split(', ')
  .map((column) => `@${column}`)
  .join(', ');

function toRow(followUp: FollowUp): FollowUpRow {
  return {
    id: followUp.id,
    tenant_id: followUp.tenantId,
    site_id: followUp.siteId,
    ticket_id: followUp.ticketId,
    ticket_number: followUp.ticketNumber,
    customer_id: followUp.customerId,
    product: followUp.product === null ? null : JSON.stringify(followUp.product),
    sequence: followUp.sequence,
    due_at: followUp.dueAt,
    late_at: followUp.lateAt,
    status: followUp.status,
    outcome: followUp.outcome,
    note: followUp.note,
    done_by: followUp.doneBy,
    done_at: followUp.doneAt,
    created_at: followUp.createdAt,
  };
}

function toFollowUp(row: FollowUpRow): FollowUp {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    siteId: row.site_id,
    ticketId: row.ticket_id,
    ticketNumber: row.ticket_number,
    customerId: row.customer_id,
    product: row.product === null ? null : (JSON.parse(row.product) as ProductContext),
    sequence: row.sequence as FollowUp['sequence'],
    dueAt: row.due_at,
    lateAt: row.late_at,
    status: row.status as FollowUp['status'],
    outcome: row.outcome as FollowUpOutcome | null,
    note: row.note,
    doneBy: row.done_by,
    doneAt: row.done_at,
    createdAt: row.created_at,
  };
}

/** Follow-ups in SQLite; each view reads one partial index. */
export class SqliteFollowUpRepository implements FollowUpRepository {
  private readonly insertIgnoring;
  private readonly selectOne;
  private readonly selectViews: Record<FollowUpView, ReturnType<Database['prepare']>>;
  private readonly completeOne;
  private readonly selectFallenDue;
  private readonly scheduleInTransaction;

  constructor(db: Database) {
    this.insertIgnoring = db.prepare<FollowUpRow>(
      `INSERT INTO follow_ups (${columns}) VALUES (${named}) ON CONFLICT (ticket_id, sequence) DO NOTHING`,
    );
    this.selectOne = db.prepare<[string, string], FollowUpRow>(
      `SELECT ${columns} FROM follow_ups WHERE tenant_id = ? AND id = ?`,
    );
    this.selectViews = {
      due: db.prepare(
        `SELECT ${columns} FROM follow_ups WHERE tenant_id = @tenant AND status = 'pending' AND due_at <= @now
         ORDER BY due_at, id LIMIT @limit OFFSET @offset`,
      ),
      upcoming: db.prepare(
        `SELECT ${columns} FROM follow_ups WHERE tenant_id = @tenant AND status = 'pending' AND due_at > @now
         ORDER BY due_at, id LIMIT @limit OFFSET @offset`,
      ),
      done: db.prepare(
        `SELECT ${columns} FROM follow_ups WHERE tenant_id = @tenant AND status = 'done'
         ORDER BY done_at DESC, id DESC LIMIT @limit OFFSET @offset`,
      ),
    };
    this.completeOne = db.prepare<
      { tenant_id: string; id: string; outcome: string; note: string | null; done_by: string; done_at: number },
      FollowUpRow
    >(
      `UPDATE follow_ups SET status = 'done', outcome = @outcome, note = @note, done_by = @done_by, done_at = @done_at
       WHERE tenant_id = @tenant_id AND id = @id AND status = 'pending' RETURNING ${columns}`,
    );
    this.selectFallenDue = db.prepare<[number, number, number], FollowUpRow>(
      `SELECT ${columns} FROM follow_ups WHERE status = 'pending' AND due_at > ? AND due_at <= ?
       ORDER BY due_at, id LIMIT ?`,
    );
    this.scheduleInTransaction = db.transaction((followUps: FollowUp[]) =>
      followUps.filter((followUp) => this.insertIgnoring.run(toRow(followUp)).changes > 0),
    );
  }

  async schedule(followUps: FollowUp[]): Promise<FollowUp[]> {
    return this.scheduleInTransaction.immediate(followUps);
  }

  async getById(tenantId: string, id: string): Promise<FollowUp | null> {
    const row = this.selectOne.get(tenantId, id);
    return row ? toFollowUp(row) : null;
  }

  async list(
    tenantId: string,
    view: FollowUpView,
    now: number,
    page: { offset: number; limit: number },
  ): Promise<FollowUp[]> {
    const rows = this.selectViews[view].all({ tenant: tenantId, now, ...page }) as FollowUpRow[];
    return rows.map(toFollowUp);
  }

  async complete(tenantId: string, id: string, result: FollowUpResult): Promise<FollowUp | null> {
    const row = this.completeOne.get({
      tenant_id: tenantId,
      id,
      outcome: result.outcome,
      note: result.note,
      done_by: result.doneBy,
      done_at: result.doneAt,
    });
    return row ? toFollowUp(row) : null;
  }

  async listFallenDue(after: number, upTo: number, limit: number): Promise<FollowUp[]> {
    return this.selectFallenDue.all(after, upTo, limit).map(toFollowUp);
  }
}
