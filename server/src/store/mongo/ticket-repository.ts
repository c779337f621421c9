import type { Ticket, TicketEvent } from '@aftercare/shared';
import mongoose, { type Model } from 'mongoose';
import {
  eventPosition,
  formatTicketNumber,
  type TicketCursor,
  type TicketListFilter,
  type TicketRepository,
  ticketSearchText,
} from '../../domain/tickets/ticket-repository.js';
import { escapeRegExp } from './conversation-list-filter.js';
import { conflictOnDuplicate } from './mongo-errors.js';
import type { PendingWrites } from './pending-writes.js';
import {
  type TicketCounterDocument,
  type TicketDocument,
  type TicketEventDocument,
  toTicketEvent,
  toTicketEventDocument,
} from './ticket-schemas.js';

function toDocument(ticket: Ticket): TicketDocument {
  return {
    _id: ticket.id,
    tenantId: ticket.tenantId,
    siteId: ticket.siteId,
    number: ticket.number,
    ...(ticket.conversationId === null ? {} : { conversationId: ticket.conversationId }),
    customerId: ticket.customerId,
    status: ticket.status,
    assigneeId: ticket.assigneeId,
    technicianId: ticket.technicianId,
    resolutionDueAt: ticket.promises.resolutionDueAt,
    resolvedAt: ticket.promises.resolvedAt,
    escalateAt: ticket.promises.escalateAt,
    escalatedAt: ticket.promises.escalatedAt,
    version: ticket.version,
    searchText: ticketSearchText(ticket),
    body: ticket,
    createdAt: ticket.createdAt,
    updatedAt: ticket.updatedAt,
  };
}

/**
 * The MongoDB filter of a ticket list. Operators we build are marked `trusted` one by one (the
 * store's connection runs `sanitizeFilter`, which would otherwise neutralise them, also inside
 * `$or`); user text only ever becomes an escaped regular expression or a plain value.
 */
export function ticketListFilter(
  tenantId: string,
  filter: TicketListFilter,
  after?: TicketCursor,
): Record<string, unknown> {
  const query: Record<string, unknown> = { tenantId };
  if (filter.statuses) query.status = mongoose.trusted({ $in: filter.statuses });
  if (filter.assigneeId !== undefined) query.assigneeId = filter.assigneeId;
  if (filter.technicianId !== undefined) query.technicianId = filter.technicianId;
  if (filter.customerId !== undefined) query.customerId = filter.customerId;
  if (filter.overdueAt !== undefined) {
    query.resolvedAt = null;
    query.resolutionDueAt = mongoose.trusted({ $lt: filter.overdueAt, $ne: null });
  }
  if (filter.escalated) {
    query.resolvedAt = null;
    query.escalatedAt = mongoose.trusted({ $ne: null });
  }
  if (filter.text) query.searchText = new RegExp(escapeRegExp(filter.text.toLowerCase()));
  if (after) {
    query.$or = [
      { updatedAt: mongoose.trusted({ $lt: after.updatedAt }) },
      { updatedAt: after.updatedAt, _id: mongoose.trusted({ $lt: after.id }) },
    ];
  }
  return query;
}

/**
 * Tickets in MongoDB. Creating a ticket and changing it each write the ticket and its timeline
 * events in one transaction (replica set, like message appends). Ticket numbers come from an
 * atomic `$inc` on a per-tenant counter inside that transaction, so an aborted create gives its
 * number back.
 */
export class MongoTicketRepository implements TicketRepository {
  constructor(
    private readonly tickets: Model<TicketDocument>,
    private readonly events: Model<TicketEventDocument>,
    private readonly counters: Model<TicketCounterDocument>,
    private readonly pending: PendingWrites,
  ) {}

  create(draft: Omit<Ticket, 'number'>, created: TicketEvent): Promise<Ticket> {
    return this.pending.track(() =>
      conflictOnDuplicate(
        () =>
          this.tickets.db.transaction(async (session) => {
            const counter = await this.counters
              .findOneAndUpdate(
                { _id: draft.tenantId },
                { $inc: { last: 1 } },
                { upsert: true, returnDocument: 'after', session },
              )
              .lean<TicketCounterDocument>()
              .exec();
            const ticket: Ticket = { ...draft, number: formatTicketNumber(counter?.last ?? 1) };
            await this.tickets.insertMany([toDocument(ticket)], { session });
            await this.events.insertMany(
              [toTicketEventDocument(created, ticket.tenantId, eventPosition(ticket.version, 0))],
              {
                session,
              },
            );
            return ticket;
          }),
        'This conversation already has a ticket.',
      ),
    );
  }

  async getById(tenantId: string, id: string): Promise<Ticket | null> {
    const doc = await this.tickets.findOne({ _id: id, tenantId }, { body: 1 }).lean<TicketDocument>().exec();
    return doc ? doc.body : null;
  }

  async getByConversation(tenantId: string, conversationId: string): Promise<Ticket | null> {
    const doc = await this.tickets.findOne({ tenantId, conversationId }, { body: 1 }).lean<TicketDocument>().exec();
    return doc ? doc.body : null;
  }

  replace(ticket: Ticket, events: TicketEvent[]): Promise<Ticket | null> {
    return this.pending.track(() =>
      this.tickets.db.transaction(async (session) => {
        const { _id, ...fields } = toDocument(ticket);
        const result = await this.tickets
          .updateOne({ _id, tenantId: ticket.tenantId, version: ticket.version - 1 }, { $set: fields }, { session })
          .exec();
        if (result.matchedCount === 0) return null;
        if (events.length > 0) {
          await this.events.insertMany(
            events.map((event, index) =>
              toTicketEventDocument(event, ticket.tenantId, eventPosition(ticket.version, index)),
            ),
            { session },
          );
        }
        return ticket;
      }),
    );
  }

  async list(
    tenantId: string,
    filter: TicketListFilter,
    page: { after?: TicketCursor; limit: number },
  ): Promise<Ticket[]> {
    const query = ticketListFilter(tenantId, filter, page.after);
    const docs = await this.tickets
      .find(query, { body: 1 })
      .sort({ updatedAt: -1, _id: -1 })
      .limit(Math.max(1, Math.floor(page.limit)))
      .lean<TicketDocument[]>()
      .exec();
    return docs.map((doc) => doc.body);
  }

  async timeline(tenantId: string, ticketId: string): Promise<TicketEvent[]> {
    const docs = await this.events
      .find({ tenantId, ticketId })
      .sort({ position: 1 })
      .lean<TicketEventDocument[]>()
      .exec();
    return docs.map(toTicketEvent);
  }

  async listDueForEscalation(now: number, limit: number): Promise<Ticket[]> {
    const docs = await this.tickets
      .find({ resolvedAt: null, escalatedAt: null, escalateAt: mongoose.trusted({ $lte: now }) }, { body: 1 })
      .sort({ escalateAt: 1 })
      .limit(Math.max(1, Math.floor(limit)))
      .lean<TicketDocument[]>()
      .exec();
    return docs.map((doc) => doc.body);
  }
}
