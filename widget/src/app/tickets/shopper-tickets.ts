import { isFinalTicketStatus, type VisitorTicket } from '@aftercare/shared';
import type { VisitorSocket } from '../lib/connection.js';
import type { SafeStorage } from '../lib/storage.js';

/**
 * The shopper's repair tickets (issue 5 item 4): all of them from `session:ready`, changes live
 * from `ticket:updated`. A ticket whose status differs from what the shopper last saw is "news"
 * (also when it changed between visits), until the panel shows it. While a repair is unfinished the
 * `tickets` storage key exists, so the loader starts the app at once on the next page.
 */
export class ShopperTickets {
  list: VisitorTicket[] = [];
  /** Ids of tickets whose status the shopper has not seen yet. */
  news: string[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(
    socket: VisitorSocket,
    private readonly storage: SafeStorage,
    private readonly key: string,
    onNews: () => void,
  ) {
    socket.on('session:ready', ({ tickets }) => {
      // Changed since the shopper last looked (on an earlier page, perhaps days ago).
      const seen = this.seen();
      const changed = tickets.filter((ticket) => ticket.id in seen && seen[ticket.id] !== ticket.status);
      this.set(
        tickets,
        changed.map((ticket) => ticket.id),
      );
      if (changed.length) onNews();
    });
    socket.on('ticket:updated', ({ ticket }) => {
      this.set([ticket, ...this.list.filter((item) => item.id !== ticket.id)], [ticket.id, ...this.news]);
      onNews();
    });
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The shopper saw every ticket's status (the panel showed them). */
  markSeen(): void {
    if (this.news.length) this.set(this.list, []);
  }

  private set(list: VisitorTicket[], news: string[]): void {
    const seen = this.seen();
    this.list = list;
    this.news = [...new Set(news)];
    // Unfinished tickets with the status the shopper last saw ('' for one never seen): the loader
    // starts the app at once while the key exists, and the next page knows what is news.
    const open = list.filter((ticket) => !isFinalTicketStatus(ticket.status) || this.news.includes(ticket.id));
    const statuses = open.map((ticket) => [
      ticket.id,
      this.news.includes(ticket.id) ? (seen[ticket.id] ?? '') : ticket.status,
    ]);
    this.storage.set(this.key, open.length ? JSON.stringify(Object.fromEntries(statuses)) : null);
    for (const listener of this.listeners) listener();
  }

  private seen(): Record<string, string> {
    try {
      return JSON.parse(this.storage.get(this.key) ?? '{}') as Record<string, string>;
    } catch {
      return {};
    }
  }
}
