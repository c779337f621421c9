import type { Ticket, TicketEvent } from '@aftercare/shared';
import { Schema } from 'mongoose';
import { strictSchemaOptions } from './schema-options.js';

/**
 * A `tickets` document. Like the SQLite adapter, the whole ticket is kept in `body` (the one source
 * of truth when reading) with copies of the fields lists filter and sort on, written together.
 */
export interface TicketDocument {
  _id: string;
  tenantId: string;
  siteId: string;
  number: string;
  /** Absent (not null) for tickets not made from a chat, so the unique sparse index ignores them. */
  conversationId?: string;
  customerId: string;
  status: string;
  assigneeId: string | null;
  technicianId: string | null;
  resolutionDueAt: number | null;
  resolvedAt: number | null;
  escalateAt: number;
  escalatedAt: number | null;
  version: number;
  searchText: string;
  body: Ticket;
  createdAt: number;
  updatedAt: number;
}

export const ticketSchema = new Schema<TicketDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    siteId: { type: String, required: true },
    number: { type: String, required: true },
    conversationId: { type: String },
    customerId: { type: String, required: true },
    status: { type: String, required: true },
    assigneeId: { type: String, default: null },
    technicianId: { type: String, default: null },
    resolutionDueAt: { type: Number, default: null },
    resolvedAt: { type: Number, default: null },
    escalateAt: { type: Number, required: true },
    escalatedAt: { type: Number, default: null },
    version: { type: Number, required: true },
    searchText: { type: String, required: true },
    body: { type: Schema.Types.Mixed, required: true },
    createdAt: { type: Number, required: true },
    updatedAt: { type: Number, required: true },
  },
  { ...strictSchemaOptions, collection: 'tickets', minimize: false },
);
ticketSchema.index({ tenantId: 1, number: 1 }, { unique: true, name: 'tickets_number_per_tenant' });
// One ticket per conversation: converting a chat twice (double click, two agents) creates one ticket.
ticketSchema.index(
  { conversationId: 1 },
  {
    unique: true,
    name: 'tickets_one_per_conversation',
    partialFilterExpression: { conversationId: { $type: 'string' } },
  },
);
ticketSchema.index({ tenantId: 1, updatedAt: -1, _id: -1 }, { name: 'tickets_by_tenant_updated' });
ticketSchema.index({ tenantId: 1, status: 1, updatedAt: -1, _id: -1 }, { name: 'tickets_by_status' });
ticketSchema.index({ tenantId: 1, assigneeId: 1, updatedAt: -1, _id: -1 }, { name: 'tickets_by_assignee' });
ticketSchema.index({ tenantId: 1, technicianId: 1, updatedAt: -1, _id: -1 }, { name: 'tickets_by_technician' });
ticketSchema.index({ tenantId: 1, customerId: 1, updatedAt: -1, _id: -1 }, { name: 'tickets_by_customer' });
// Reports read every ticket created in a range (see `report-repository.ts`).
ticketSchema.index({ tenantId: 1, createdAt: 1 }, { name: 'tickets_for_reports' });
ticketSchema.index(
  { escalateAt: 1 },
  { name: 'tickets_to_escalate', partialFilterExpression: { resolvedAt: null, escalatedAt: null } },
);

/** Per-tenant ticket number sequence. */
export interface TicketCounterDocument {
  _id: string;
  last: number;
}

export const ticketCounterSchema = new Schema<TicketCounterDocument>(
  { _id: { type: String, required: true }, last: { type: Number, required: true } },
  { ...strictSchemaOptions, collection: 'ticket_counters' },
);

/** A `ticket_events` document: one line of a ticket's timeline. */
export interface TicketEventDocument {
  _id: string;
  tenantId: string;
  ticketId: string;
  kind: string;
  actor: TicketEvent['actor'];
  from: string | null;
  to: string | null;
  note: string | null;
  at: number;
  /** Timeline order: see `eventPosition` in the SQLite adapter. */
  position: number;
}

export const ticketEventSchema = new Schema<TicketEventDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    ticketId: { type: String, required: true },
    kind: { type: String, required: true },
    actor: { type: Schema.Types.Mixed, required: true },
    from: { type: String, default: null },
    to: { type: String, default: null },
    note: { type: String, default: null },
    at: { type: Number, required: true },
    position: { type: Number, required: true },
  },
  { ...strictSchemaOptions, collection: 'ticket_events' },
);
ticketEventSchema.index({ tenantId: 1, ticketId: 1, position: 1 }, { name: 'ticket_events_by_ticket' });

export function toTicketEvent(doc: TicketEventDocument): TicketEvent {
  return {
    id: doc._id,
    ticketId: doc.ticketId,
    kind: doc.kind as TicketEvent['kind'],
    actor: doc.actor,
    from: doc.from,
    to: doc.to,
    note: doc.note,
    at: doc.at,
  };
}

export function toTicketEventDocument(event: TicketEvent, tenantId: string, position: number): TicketEventDocument {
  return {
    position,
    _id: event.id,
    tenantId,
    ticketId: event.ticketId,
    kind: event.kind,
    actor: event.actor,
    from: event.from,
    to: event.to,
    note: event.note,
    at: event.at,
  };
}
