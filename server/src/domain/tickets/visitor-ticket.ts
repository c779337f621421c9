import type { Ticket, TicketEvent, TicketStatus, VisitorTicket } from '@aftercare/shared';

/**
 * A ticket as its shopper sees it: number, status and progress, the product and the remedy. Notes,
 * agents, technicians, costs and warranty reasoning stay in the console.
 */
export function toVisitorTicket(ticket: Ticket, timeline: TicketEvent[]): VisitorTicket {
  const history = timeline
    .filter((event) => event.kind === 'created' || event.kind === 'status-changed')
    .map((event) => ({ status: (event.to ?? 'registered') as TicketStatus, at: event.at }));
  return {
    id: ticket.id,
    number: ticket.number,
    status: ticket.status,
    product: ticket.product,
    remedy: ticket.remedy,
    photos: ticket.photos,
    createdAt: ticket.createdAt,
    updatedAt: ticket.updatedAt,
    history,
  };
}
