import type { Ticket, TicketEvent, TicketStatus } from '@aftercare/shared';

/** Which tickets a list shows. Every field narrows the list; none lists the tenant's tickets. */
export interface TicketListFilter {
  statuses?: TicketStatus[];
  assigneeId?: string;
  technicianId?: string;
  customerId?: string;
  /** Only unresolved tickets whose resolution was due before this instant. */
  overdueAt?: number;
  /** Only escalated tickets that are still unresolved. */
  escalated?: boolean;
  /** Case-insensitive substring of the number, serial or order number, fault or product name/SKU. */
  text?: string;
}

/** Position after the last ticket of a page: lists are ordered by `updatedAt`, then `id`, newest first. */
export interface TicketCursor {
  updatedAt: number;
  id: string;
}

/** Storage port for repair tickets and their timelines. */
export interface TicketRepository {
  /**
   * Stores a new ticket with the tenant's next ticket number and its first timeline event, in one
   * write. Throws `CONFLICT` when the conversation already has a ticket, so converting one chat
   * twice (a double click, two agents) creates one ticket.
   */
  create(ticket: Omit<Ticket, 'number'>, created: TicketEvent): Promise<Ticket>;
  getById(tenantId: string, id: string): Promise<Ticket | null>;
  getByConversation(tenantId: string, conversationId: string): Promise<Ticket | null>;
  /**
   * Replaces the ticket if it is still at `ticket.version - 1` and appends `events`, in one write.
   * Null when someone changed it first (or it does not exist): the caller reloads and retries or refuses.
   */
  replace(ticket: Ticket, events: TicketEvent[]): Promise<Ticket | null>;
  /** A page of the tenant's tickets, most recently updated first. */
  list(tenantId: string, filter: TicketListFilter, page: { after?: TicketCursor; limit: number }): Promise<Ticket[]>;
  /** The ticket's timeline, oldest first. */
  timeline(tenantId: string, ticketId: string): Promise<TicketEvent[]>;
  /** Unresolved, not yet escalated tickets of any tenant whose `escalateAt` has passed, oldest first. */
  listDueForEscalation(now: number, limit: number): Promise<Ticket[]>;
}

/** Ticket numbers as shoppers quote them: `R-` and at least six digits. */
export function formatTicketNumber(sequence: number): string {
  return `R-${String(sequence).padStart(6, '0')}`;
}

/** Text a ticket can be found by, lower-cased, one line. */
export function ticketSearchText(ticket: Omit<Ticket, 'number'> & { number: string }): string {
  return [
    ticket.number,
    ticket.serialNumber,
    ticket.orderNumber,
    ticket.fault,
    ticket.product?.name,
    ticket.product?.sku,
  ]
    .filter((part): part is string => Boolean(part))
    .join('\n')
    .toLowerCase();
}

/**
 * Timeline order: by the ticket version a change produced, then by place within the change, so events
 * written in the same millisecond still read back in the order they were made (in both adapters).
 */
export const eventPosition = (version: number, index: number) => version * 1000 + index;
