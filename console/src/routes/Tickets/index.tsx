import { useEffect } from 'preact/hooks';
import { useI18n } from '../../lib/i18n.js';
import { useTicketBoard } from '../../lib/tickets/ticket-board-context.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';
import { TicketDetail } from './ticket-detail.js';
import { TicketFilterBar } from './ticket-filters.js';
import { TicketList } from './ticket-list.js';
import './style.css';

export interface TicketsScreenProps {
  workspace: Workspace;
  /** The ticket in the address bar (`#/tickets/ID`), or null for the list alone. */
  ticketId: string | null;
}

/** The repair tickets: views and filters with the list on the left, the chosen ticket on the right. */
export function TicketsScreen({ workspace, ticketId }: TicketsScreenProps) {
  const { t } = useI18n();
  const board = useTicketBoard();

  useEffect(() => {
    board.refresh();
  }, [board]);

  useEffect(() => {
    board.open(ticketId);
  }, [board, ticketId]);

  return (
    <div class="tickets-screen">
      <section class="tickets-screen__list" aria-labelledby="tickets-title">
        <h1 id="tickets-title" class="tickets-screen__title">
          {t('tickets.title')}
        </h1>
        <TicketFilterBar workspace={workspace} />
        <TicketList workspace={workspace} selectedId={ticketId} />
      </section>
      <main id="tickets-main" class="tickets-screen__detail" tabIndex={-1} aria-label={t('tickets.title')}>
        {ticketId ? <TicketDetail workspace={workspace} /> : <p class="tickets-screen__hint">{t('tickets.select')}</p>}
      </main>
    </div>
  );
}
