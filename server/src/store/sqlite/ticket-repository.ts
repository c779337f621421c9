import type { Ticket, TicketEvent } from '@aftercare/shared';
import type { Database } from 'better-sqlite3';
import {
  eventPosition,
  formatTicketNumber,
  type TicketCursor,
  type TicketListFilter,
  type TicketRepository,
  ticketSearchText,
} from '../../domain/tickets/ticket-repository.js';
import { conflictOnDuplicate } from './sqlite-errors.js';

/**
 * Tickets in SQLite. The whole ticket is kept as JSON in `body` (the one source of truth when
 * reading); the columns beside it are copies of the fields lists filter and sort on, written in
 * the same statement so they never disagree.
 */
interface TicketRow {
  id: string;
  tenant_id: string;
  site_id: string;
  number: string;
  conversation_id: string | null;
  customer_id: string;
  status: string;
  assignee_id: string | null;
  technician_id: string | null;
  resolution_due_at: number | null;
  resolved_at: number | null;
  escalate_at: number;
  escalated_at: number | null;
  version: number;
  search_text: string;
  body: string;
  created_at: number;
  updated_at: number;
}

interface EventRow {
  id: string;
  ticket_id: string;
  tenant_id: string;
  kind: string;
  actor_kind: string;
  actor_id: string;
  actor_name: string | null;
  from_value: string | null;
  to_value: string | null;
  note: string | null;
  at: number;
  position: number;
}

function toRow(ticket: Ticket): TicketRow {
  return {
    id: ticket.id,
    tenant_id: ticket.tenantId,
    site_id: ticket.siteId,
    number: ticket.number,
    conversation_id: ticket.conversationId,
    customer_id: ticket.customerId,
    status: ticket.status,
    assignee_id: ticket.assigneeId,
    technician_id: ticket.technicianId,
    resolution_due_at: ticket.promises.resolutionDueAt,
    resolved_at: ticket.promises.resolvedAt,
    escalate_at: ticket.promises.escalateAt,
    escalated_at: ticket.promises.escalatedAt,
    version: ticket.version,
    search_text: ticketSearchText(ticket),
    body: JSON.stringify(ticket),
    created_at: ticket.createdAt,
    updated_at: ticket.updatedAt,
  };
}

const fromRow = (row: { body: string }): Ticket => JSON.parse(row.body) as Ticket;

function toEventRow(event: TicketEvent, tenantId: string, position: number): EventRow {
  return {
    position,
    id: event.id,
    ticket_id: event.ticketId,
    tenant_id: tenantId,
    kind: event.kind,
    actor_kind: event.actor.kind,
    actor_id: event.actor.id,
    actor_name: event.actor.name,
    from_value: event.from,
    to_value: event.to,
    note: event.note,
    at: event.at,
  };
}

function fromEventRow(row: EventRow): TicketEvent {
  return {
    id: row.id,
    ticketId: row.ticket_id,
    kind: row.kind as TicketEvent['kind'],
    actor: { kind: row.actor_kind as TicketEvent['actor']['kind'], id: row.actor_id, name: row.actor_name },
    from: row.from_value,
    to: row.to_value,
    note: row.note,
    at: row.at,
  };
}

const ticketColumns =
  'id, tenant_id, site_id, number, conversation_id, customer_id, status, assignee_id, technician_id, resolution_due_at, resolved_at, escalate_at, escalated_at, version, search_text, body, created_at, updated_at';
const eventColumns =
  'id, ticket_id, tenant_id, kind, actor_kind, actor_id, actor_name, from_value, to_value, note, at, position';
const named = (columns: string) =>
  columns
    .split(', ')
    .map((column) => `@${column}`)
    .join(', ');

/** `%` and `_` are LIKE wildcards; a shopper's order number may contain them literally. */
const likePattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

export class SqliteTicketRepository implements TicketRepository {
  private readonly nextNumber;
  private readonly insertTicket;
  private readonly insertEvent;
  private readonly updateTicket;
  private readonly selectById;
  private readonly selectByConversation;
  private readonly selectTimeline;
  private readonly selectDueForEscalation;
  private readonly createInTransaction;
  private readonly replaceInTransaction;

  constructor(private readonly db: Database) {
    this.nextNumber = db.prepare<[string], { last: number }>(
      `INSERT INTO ticket_counters (tenant_id, last) VALUES (?, 1)
       ON CONFLICT (tenant_id) DO UPDATE SET last = last + 1 RETURNING last`,
    );
    this.insertTicket = db.prepare<TicketRow>(
      `INSERT INTO tickets (${ticketColumns}) VALUES (${named(ticketColumns)})`,
    );
    this.insertEvent = db.prepare<EventRow>(
      `INSERT INTO ticket_events (${eventColumns}) VALUES (${named(eventColumns)})`,
    );
    this.updateTicket = db.prepare<TicketRow>(
      `UPDATE tickets SET status = @status, assignee_id = @assignee_id, technician_id = @technician_id,
         resolution_due_at = @resolution_due_at, resolved_at = @resolved_at, escalate_at = @escalate_at,
         escalated_at = @escalated_at, version = @version, search_text = @search_text, body = @body, updated_at = @updated_at
       WHERE tenant_id = @tenant_id AND id = @id AND version = @version - 1`,
    );
    this.selectById = db.prepare<[string, string], { body: string }>(
      'SELECT body FROM tickets WHERE tenant_id = ? AND id = ?',
    );
    this.selectByConversation = db.prepare<[string, string], { body: string }>(
      'SELECT body FROM tickets WHERE tenant_id = ? AND conversation_id = ?',
    );
    this.selectTimeline = db.prepare<[string, string], EventRow>(
      `SELECT ${eventColumns} FROM ticket_events WHERE tenant_id = ? AND ticket_id = ? ORDER BY position`,
    );
    this.selectDueForEscalation = db.prepare<[number, number], { body: string }>(
      `SELECT body FROM tickets WHERE resolved_at IS NULL AND escalated_at IS NULL AND escalate_at <= ?
       ORDER BY escalate_at LIMIT ?`,
    );
    this.createInTransaction = db.transaction((draft: Omit<Ticket, 'number'>, created: TicketEvent): Ticket => {
      const { last } = this.nextNumber.get(draft.tenantId) as { last: number };
      const ticket: Ticket = { ...draft, number: formatTicketNumber(last) };
      this.insertTicket.run(toRow(ticket));
      this.insertEvent.run(toEventRow(created, ticket.tenantId, eventPosition(ticket.version, 0)));
      return ticket;
    });
    this.replaceInTransaction = db.transaction((ticket: Ticket, events: TicketEvent[]): boolean => {
      if (this.updateTicket.run(toRow(ticket)).changes === 0) return false;
      events.forEach((event, index) => {
        this.insertEvent.run(toEventRow(event, ticket.tenantId, eventPosition(ticket.version, index)));
      });
      return true;
    });
  }

  async create(ticket: Omit<Ticket, 'number'>, created: TicketEvent): Promise<Ticket> {
    return conflictOnDuplicate(
      () => this.createInTransaction.immediate(ticket, created),
      'This conversation already has a ticket.',
    );
  }

  async getById(tenantId: string, id: string): Promise<Ticket | null> {
    const row = this.selectById.get(tenantId, id);
    return row ? fromRow(row) : null;
  }

  async getByConversation(tenantId: string, conversationId: string): Promise<Ticket | null> {
    const row = this.selectByConversation.get(tenantId, conversationId);
    return row ? fromRow(row) : null;
  }

  async replace(ticket: Ticket, events: TicketEvent[]): Promise<Ticket | null> {
    return this.replaceInTransaction.immediate(ticket, events) ? ticket : null;
  }

  async list(
    tenantId: string,
    filter: TicketListFilter,
    page: { after?: TicketCursor; limit: number },
  ): Promise<Ticket[]> {
    const where = ['tenant_id = @tenantId'];
    const params: Record<string, unknown> = { tenantId, limit: page.limit };
    if (filter.statuses) {
      // Bound as separate parameters; statuses are validated upstream but never spliced into SQL.
      const names = filter.statuses.map((status, index) => {
        params[`status${index}`] = status;
        return `@status${index}`;
      });
      where.push(names.length > 0 ? `status IN (${names.join(', ')})` : '0');
    }
    const equal = { assigneeId: 'assignee_id', technicianId: 'technician_id', customerId: 'customer_id' } as const;
    for (const [key, column] of Object.entries(equal) as [keyof typeof equal, string][]) {
      if (filter[key] === undefined) continue;
      where.push(`${column} = @${key}`);
      params[key] = filter[key];
    }
    if (filter.overdueAt !== undefined) {
      where.push('resolved_at IS NULL AND resolution_due_at < @overdueAt');
      params.overdueAt = filter.overdueAt;
    }
    if (filter.escalated) where.push('resolved_at IS NULL AND escalated_at IS NOT NULL');
    if (filter.text) {
      where.push("search_text LIKE @text ESCAPE '\\'");
      params.text = likePattern(filter.text);
    }
    if (page.after) {
      where.push('(updated_at < @afterUpdatedAt OR (updated_at = @afterUpdatedAt AND id < @afterId))');
      params.afterUpdatedAt = page.after.updatedAt;
      params.afterId = page.after.id;
    }
    const sql = `SELECT body FROM tickets WHERE ${where.join(' AND ')} ORDER BY updated_at DESC, id DESC LIMIT @limit`;
    return this.db.prepare<Record<string, unknown>, { body: string }>(sql).all(params).map(fromRow);
  }

  async timeline(tenantId: string, ticketId: string): Promise<TicketEvent[]> {
    return this.selectTimeline.all(tenantId, ticketId).map(fromEventRow);
  }

  async listDueForEscalation(now: number, limit: number): Promise<Ticket[]> {
    return this.selectDueForEscalation.all(now, limit).map(fromRow);
  }
}
