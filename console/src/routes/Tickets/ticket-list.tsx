import { PromiseBadge } from '../../components/TicketParts/promise-badge.js';
import { TicketStatusChip } from '../../components/TicketParts/status-chip.js';
import { personName } from '../../components/TicketParts/ticket-text.js';
import { useI18n } from '../../lib/i18n.js';
import { useStore } from '../../lib/store.js';
import type { TicketBoardState } from '../../lib/tickets/ticket-board.js';
import { useTicketBoard } from '../../lib/tickets/ticket-board-context.js';
import { useNow } from '../../lib/use-now.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';
import type { WorkspaceState } from '../../lib/workspace/state.js';

const selectList = (state: TicketBoardState) => state.list;
const selectListStatus = (state: TicketBoardState) => state.listStatus;
const selectHasMore = (state: TicketBoardState) => state.hasMore;
const selectAgents = (state: WorkspaceState) => state.directory.agents;

/** The filtered tickets as a table of links; due times tick down while it is shown. */
export function TicketList({ workspace, selectedId }: { workspace: Workspace; selectedId: string | null }) {
  const i18n = useI18n();
  const { t } = i18n;
  const board = useTicketBoard();
  const list = useStore(board.store, selectList);
  const status = useStore(board.store, selectListStatus);
  const hasMore = useStore(board.store, selectHasMore);
  const agents = useStore(workspace.store, selectAgents);
  const now = useNow(30_000);

  return (
    <div class="ticket-list">
      <p class="ticket-list__status" role="status">
        {status === 'loading' && list.length === 0
          ? t('tickets.list.loading')
          : status === 'error'
            ? t('tickets.list.failed')
            : t('tickets.list.count', { count: list.length })}
      </p>
      {list.length === 0 && status === 'ready' ? (
        <p class="ticket-list__empty">{t('tickets.list.empty')}</p>
      ) : (
        <table class="ticket-list__table" aria-label={t('tickets.list.label')}>
          <thead>
            <tr>
              <th scope="col">{t('tickets.column.number')}</th>
              <th scope="col">{t('tickets.column.product')}</th>
              <th scope="col">{t('tickets.column.status')}</th>
              <th scope="col">{t('tickets.column.technician')}</th>
              <th scope="col">{t('tickets.column.due')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((ticket) => (
              <tr
                key={ticket.id}
                class={ticket.id === selectedId ? 'ticket-list__row ticket-list__row--selected' : 'ticket-list__row'}
              >
                <th scope="row">
                  <a href={`#/tickets/${ticket.id}`} aria-current={ticket.id === selectedId ? 'page' : undefined}>
                    {ticket.number}
                  </a>
                  <span class="ticket-list__priority">{t(`tickets.priority.${ticket.priority}`)}</span>
                </th>
                <td>{ticket.product?.name ?? t('tickets.noProduct')}</td>
                <td>
                  <TicketStatusChip status={ticket.status} />
                </td>
                <td>{personName(i18n, agents, ticket.technicianId)}</td>
                <td>
                  <PromiseBadge
                    since={ticket.createdAt}
                    dueAt={ticket.promises.resolutionDueAt}
                    doneAt={ticket.promises.resolvedAt}
                    now={now}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {hasMore && (
        <button type="button" class="button" onClick={() => board.loadMore()}>
          {t('tickets.list.more')}
        </button>
      )}
    </div>
  );
}
