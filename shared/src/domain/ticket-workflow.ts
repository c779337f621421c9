/**
 * The repair ticket's workflow (叫修登记 → 派工 → 修护卡 → 取回), shared so the console offers only the
 * moves the server will accept.
 */

export type TicketStatus =
  | 'registered'
  | 'diagnosed'
  | 'awaiting_parts'
  | 'in_repair'
  | 'repaired'
  | 'returned'
  | 'closed'
  | 'cancelled';

/** In workflow order; `cancelled` last. */
export const TICKET_STATUSES: readonly TicketStatus[] = [
  'registered',
  'diagnosed',
  'awaiting_parts',
  'in_repair',
  'repaired',
  'returned',
  'closed',
  'cancelled',
];

/**
 * Every allowed move. Parts can run out mid-repair (in repair → awaiting parts); a diagnosis may need
 * no parts (diagnosed → in repair). Once the product is back with the customer the ticket can only
 * close, and a closed or cancelled ticket never moves again (a new fault is a new ticket).
 */
export const TICKET_TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  registered: ['diagnosed', 'cancelled'],
  diagnosed: ['awaiting_parts', 'in_repair', 'cancelled'],
  awaiting_parts: ['in_repair', 'cancelled'],
  in_repair: ['awaiting_parts', 'repaired', 'cancelled'],
  repaired: ['returned'],
  returned: ['closed'],
  closed: [],
  cancelled: [],
};

/** Statuses after which nothing happens to the ticket any more. */
export const FINAL_TICKET_STATUSES: readonly TicketStatus[] = ['closed', 'cancelled'];

/**
 * Whether a ticket may move from one status to another.
 * @example canMoveTicket('registered', 'diagnosed') // true
 * @example canMoveTicket('closed', 'in_repair') // false
 */
export function canMoveTicket(from: TicketStatus, to: TicketStatus): boolean {
  return TICKET_TRANSITIONS[from].includes(to);
}

export function isFinalTicketStatus(status: TicketStatus): boolean {
  return FINAL_TICKET_STATUSES.includes(status);
}
