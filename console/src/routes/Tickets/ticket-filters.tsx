import { TICKET_STATUSES } from '@aftercare/shared';
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../../lib/i18n.js';
import { useStore } from '../../lib/store.js';
import { TICKET_VIEWS, type TicketBoardState } from '../../lib/tickets/ticket-board.js';
import { useTicketBoard } from '../../lib/tickets/ticket-board-context.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';
import type { WorkspaceState } from '../../lib/workspace/state.js';

const selectFilters = (state: TicketBoardState) => state.filters;
const selectAgents = (state: WorkspaceState) => state.directory.agents;
/** Typing pauses this long before the search runs, so each keystroke does not fetch. */
const SEARCH_DELAY_MS = 300;

/** The tickets screen's views (tabs) and its status, technician and text filters. */
export function TicketFilterBar({ workspace }: { workspace: Workspace }) {
  const { t } = useI18n();
  const board = useTicketBoard();
  const filters = useStore(board.store, selectFilters);
  const agents = useStore(workspace.store, selectAgents);
  const [query, setQuery] = useState(filters.query);

  useEffect(() => {
    if (query === filters.query) return;
    const timer = setTimeout(() => board.setFilters({ query }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [board, query, filters.query]);

  return (
    <div class="ticket-filters">
      <nav class="ticket-filters__views" aria-label={t('tickets.view.label')}>
        {TICKET_VIEWS.map((view) => (
          <button
            key={view}
            type="button"
            class="button button--small"
            aria-pressed={filters.view === view ? 'true' : 'false'}
            onClick={() => board.setFilters({ view })}
          >
            {t(`tickets.view.${view}`)}
          </button>
        ))}
      </nav>
      <label class="field">
        <span class="field__label">{t('tickets.filter.status')}</span>
        <select
          class="field__input"
          value={filters.status}
          onChange={(event) => board.setFilters({ status: event.currentTarget.value as typeof filters.status })}
        >
          <option value="">{t('tickets.filter.anyStatus')}</option>
          {TICKET_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`tickets.status.${status}`)}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span class="field__label">{t('tickets.filter.technician')}</span>
        <select
          class="field__input"
          value={filters.technicianId}
          onChange={(event) => board.setFilters({ technicianId: event.currentTarget.value })}
        >
          <option value="">{t('tickets.filter.anyTechnician')}</option>
          {Object.values(agents)
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((agent) => (
              <option key={agent.id} value={agent.id}>
                {agent.name}
              </option>
            ))}
        </select>
      </label>
      <label class="field ticket-filters__search">
        <span class="field__label">{t('tickets.filter.search')}</span>
        <input
          type="search"
          class="field__input"
          placeholder={t('tickets.filter.searchPlaceholder')}
          value={query}
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
      </label>
    </div>
  );
}
