import type { Attachment } from '../domain/attachment.js';
import type { RepairCard, ServiceCategory, Ticket, TicketEvent, TicketPriority } from '../domain/ticket.js';
import type { TicketStatus } from '../domain/ticket-workflow.js';
import type { ProductContext } from '../domain/types.js';
import type { Remedy } from '../domain/warranty.js';
import type { Ack } from './errors.js';

/**
 * Repair tickets in the console. Any agent may work tickets of their tenant. Every change names
 * the `version` it was based on; a change based on an older version answers `CONFLICT` (someone else
 * changed the ticket: reload it), so two agents never silently overwrite each other.
 */

/** Turning a chat into a ticket: the customer and product come from the chat. */
export interface TicketCreatePayload {
  conversationId: string;
  serialNumber?: string;
  /** `YYYY-MM-DD`, as on the receipt; the warranty check counts from it. */
  purchaseDate?: string;
  orderNumber?: string;
  fault: string;
  /** Attachment ids: files from the chat's messages, or the agent's own new uploads. */
  photoIds?: string[];
  remedy: Remedy;
  category: ServiceCategory;
  priority?: TicketPriority;
  technicianId?: string;
  /** Replaces the chat's product context (the shopper asked on another product's page). */
  product?: ProductContext;
  /** Grants `remedy` under warranty although the check does not allow it, for this reason. */
  overrideReason?: string;
}

export interface TicketCreateResult {
  ticket: Ticket;
  /** False when the chat already had a ticket (double click, a colleague first): that ticket is returned. */
  created: boolean;
}

/** One page of a ticket list view. */
export interface TicketListPayload {
  view?: 'all' | 'mine' | 'overdue' | 'escalated';
  statuses?: TicketStatus[];
  technicianId?: string;
  customerId?: string;
  /** Ticket number, serial or order number, fault or product. */
  query?: string;
  /** Cursor: the last ticket of the previous page. */
  after?: { updatedAt: number; id: string };
  limit?: number;
}

export interface TicketVersionRef {
  ticketId: string;
  version: number;
}

export interface TicketUpdatePayload extends TicketVersionRef {
  serialNumber?: string | null;
  purchaseDate?: string | null;
  orderNumber?: string | null;
  fault?: string;
  remedy?: Remedy;
  category?: ServiceCategory;
  priority?: TicketPriority;
  product?: ProductContext;
}

/** Events the console sends about tickets. */
export interface TicketClientEvents {
  'ticket:create': (payload: TicketCreatePayload, ack: Ack<TicketCreateResult>) => void;
  'ticket:get': (payload: { ticketId: string }, ack: Ack<{ ticket: Ticket; timeline: TicketEvent[] }>) => void;
  /** The ticket made from a chat, if any (the conversation view shows it). */
  'ticket:for-conversation': (payload: { conversationId: string }, ack: Ack<{ ticket: Ticket | null }>) => void;
  'ticket:list': (payload: TicketListPayload, ack: Ack<{ tickets: Ticket[] }>) => void;
  'ticket:update': (payload: TicketUpdatePayload, ack: Ack<{ ticket: Ticket }>) => void;
  /** Moves the ticket along its workflow (see `TICKET_TRANSITIONS`), optionally with a note. */
  'ticket:move': (
    payload: TicketVersionRef & { to: TicketStatus; note?: string },
    ack: Ack<{ ticket: Ticket }>,
  ) => void;
  /** Sets the owning agent and/or technician; `null` removes them. */
  'ticket:assign': (
    payload: TicketVersionRef & { assigneeId?: string | null; technicianId?: string | null },
    ack: Ack<{ ticket: Ticket }>,
  ) => void;
  /** Adds a note to the timeline (never conflicts: needs no version). */
  'ticket:note': (payload: { ticketId: string; note: string }, ack: Ack<{ ticket: Ticket }>) => void;
  'ticket:repair-card': (payload: TicketVersionRef & { repairCard: RepairCard }, ack: Ack<{ ticket: Ticket }>) => void;
  /** Grants a remedy under warranty that the check refuses, with the reason (kept in the timeline). */
  'ticket:override-warranty': (
    payload: TicketVersionRef & { remedy: Remedy; reason: string },
    ack: Ack<{ ticket: Ticket }>,
  ) => void;
}

/** Broadcast to the tenant's consoles after every change, with the timeline lines it added. */
export interface TicketServerEvents {
  'ticket:updated': (event: { ticket: Ticket; events: TicketEvent[] }) => void;
}

/** What a shopper sees of their ticket in the widget: no internal notes, people or costs. */
export interface VisitorTicket {
  id: string;
  number: string;
  status: TicketStatus;
  product: ProductContext | null;
  remedy: Remedy;
  photos: Attachment[];
  createdAt: number;
  updatedAt: number;
  /** When each status was reached, oldest first, so the widget can draw the progress. */
  history: { status: TicketStatus; at: number }[];
}

/** Events the widget sends about the shopper's tickets. */
export interface VisitorTicketClientEvents {
  /** The shopper's own tickets, newest first (on a later visit too: same browser or identified account). */
  'ticket:list': (payload: Record<string, never>, ack: Ack<{ tickets: VisitorTicket[] }>) => void;
}

/** Sent to every widget tab of the shopper when one of their tickets changes status. */
export interface VisitorTicketServerEvents {
  'ticket:updated': (event: { ticket: VisitorTicket }) => void;
}
