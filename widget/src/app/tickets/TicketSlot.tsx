import { useEffect } from 'preact/hooks';
import { useLazy } from '../lib/lazy.js';
import { useChanges } from '../lib/use-changes.js';
import type { ShopperTickets } from './shopper-tickets.js';

/**
 * Where the shopper's repairs appear in the panel. The view (with its texts and styles) is a chunk
 * of its own, loaded only for shoppers who have a repair ticket.
 */
export function TicketSlot({ tickets, visible }: { tickets: ShopperTickets; visible: boolean }) {
  useChanges(tickets);
  const Repairs = useLazy(tickets.list.length > 0, () => import('./Repairs.js').then((module) => module.Repairs));
  // Shown to the shopper: what changed is no longer news (a moment later, so it is announced first).
  useEffect(() => {
    if (!visible || !Repairs || !tickets.news.length) return;
    const timer = setTimeout(() => tickets.markSeen(), 4_000);
    return () => clearTimeout(timer);
  });
  return Repairs && <Repairs tickets={tickets.list} news={tickets.news} />;
}
