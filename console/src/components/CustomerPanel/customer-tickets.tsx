import type { Ticket } from '@aftercare/shared';
import { useEffect, useState } from 'preact/hooks';
import { request } from '../../lib/agent-socket.js';
import { useI18n } from '../../lib/i18n.js';
import { upsertTicket } from '../../lib/tickets/ticket-board.js';
import { useTicketBoard } from '../../lib/tickets/ticket-board-context.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';
import { TicketStatusChip } from '../TicketParts/status-chip.js';

type Loaded = { status: 'loading' } | { status: 'error' } | { status: 'ready'; tickets: Ticket[] };

/** How many of a customer's tickets the file lists (the newest); the tickets screen has them all. */
const SHOWN = 20;

/** The customer's repair tickets in their file, newest change first, each a link to the ticket; kept live. */
export function CustomerTickets({ workspace, customerId }: { workspace: Workspace; customerId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const board = useTicketBoard();

  useEffect(() => {
    let current = true;
    setLoaded({ status: 'loading' });
    void request(workspace.socket, 'ticket:list', { customerId, limit: SHOWN }).then((result) => {
      if (current)
        setLoaded('error' in result ? { status: 'error' } : { status: 'ready', tickets: result.data.tickets });
    });
    // Ours (acks) and colleagues' (broadcasts) changes alike, through the session's ticket board.
    const unwatch = board.watchTickets((ticket) => {
      if (ticket.customerId !== customerId) return;
      setLoaded((state) =>
        state.status === 'ready' ? { status: 'ready', tickets: upsertTicket(state.tickets, ticket, true) } : state,
      );
    });
    return () => {
      current = false;
      unwatch();
    };
  }, [workspace, board, customerId, attempt]);

  return (
    <section class="customer-panel__section" aria-labelledby="tickets-heading" aria-busy={loaded.status === 'loading'}>
      <h2 id="tickets-heading" class="customer-panel__heading">
        {t('tickets.customer.title')}
      </h2>
      {loaded.status === 'error' && (
        <p class="contact-details__error">
          {t('tickets.list.failed')}{' '}
          <button type="button" class="button button--small" onClick={() => setAttempt((count) => count + 1)}>
            {t('app.retry')}
          </button>
        </p>
      )}
      {loaded.status === 'ready' && loaded.tickets.length === 0 && (
        <p class="details-list__none">{t('tickets.customer.none')}</p>
      )}
      {loaded.status === 'ready' && loaded.tickets.length > 0 && (
        <ul class="customer-tickets">
          {loaded.tickets.map((ticket) => (
            <li key={ticket.id} class="customer-tickets__item">
              <a href={`#/tickets/${ticket.id}`}>{ticket.number}</a> <TicketStatusChip status={ticket.status} />
              <span class="customer-tickets__meta">
                {ticket.product?.name ?? t('tickets.noProduct')} · {i18n.formatTime(ticket.updatedAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
