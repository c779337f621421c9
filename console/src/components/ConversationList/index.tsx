import { useMemo } from 'preact/hooks';
import { useI18n } from '../../lib/i18n.js';
import { useStore } from '../../lib/store.js';
import { useNow } from '../../lib/use-now.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';
import { draftedSelector } from '../../lib/workspace/drafts.js';
import { viewConversations, viewCounts, visibleViews } from '../../lib/workspace/inbox-views.js';
import type { WorkspaceState } from '../../lib/workspace/state.js';
import { InboxFilterBar } from '../InboxFilters/index.js';
import { SearchBox } from '../SearchPanel/search-box.js';
import { SearchResults } from '../SearchPanel/search-results.js';
import '../SearchPanel/style.css';
import { ConversationRow } from './conversation-row.js';
import './style.css';

const selectTab = (state: WorkspaceState) => state.tab;
const selectLists = (state: WorkspaceState) => state.lists;
const selectAgent = (state: WorkspaceState) => state.agent;
const selectCustomers = (state: WorkspaceState) => state.customers;
const selectNames = (state: WorkspaceState) => state.agentNames;
const selectReplied = (state: WorkspaceState) => state.agentReplied;
const selectActiveId = (state: WorkspaceState) => state.active?.id ?? null;
const selectFilters = (state: WorkspaceState) => state.filters;
const selectSearch = (state: WorkspaceState) => state.search;

/** How often the rows' "waiting N min" timers refresh. */
const TICK_MS = 15_000;

/**
 * The inbox column: the search box and filter bar, then Unassigned / Mine / Waiting on customer /
 * All open / Resolved views with their counts and the conversations of the selected one, live;
 * while a search is on, its results take the views' place.
 */
export function ConversationList({ workspace }: { workspace: Workspace }) {
  const { t } = useI18n();
  const tab = useStore(workspace.store, selectTab);
  const lists = useStore(workspace.store, selectLists);
  const agent = useStore(workspace.store, selectAgent);
  const customers = useStore(workspace.store, selectCustomers);
  const names = useStore(workspace.store, selectNames);
  const replied = useStore(workspace.store, selectReplied);
  const activeId = useStore(workspace.store, selectActiveId);
  const filters = useStore(workspace.store, selectFilters);
  const search = useStore(workspace.store, selectSearch);
  // Changes when a draft appears or goes, not with every keystroke in the composer.
  const selectDrafted = useMemo(draftedSelector, []);
  const drafted = useStore(workspace.store, selectDrafted);
  const now = useNow(TICK_MS);
  const rows = useMemo(() => viewConversations({ lists, agent, filters }, tab), [lists, agent, filters, tab]);
  const counts = useMemo(() => viewCounts({ lists, agent, filters }), [lists, agent, filters]);
  const list = tab === 'resolved' ? lists.resolved : lists.open;
  const views = visibleViews(agent);

  // Arrow keys move between tabs, as the WAI-ARIA tabs pattern expects.
  function onTabKey(event: KeyboardEvent) {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const step = event.key === 'ArrowRight' ? 1 : views.length - 1;
    const next = views[(views.indexOf(tab) + step) % views.length]!;
    workspace.selectTab(next);
    document.getElementById(`inbox-tab-${next}`)?.focus();
  }

  return (
    <nav class="conversation-list" aria-label={t('inbox.label')}>
      <SearchBox workspace={workspace} query={search.query} />
      {search.query !== '' ? (
        <SearchResults workspace={workspace} search={search} customers={customers} activeId={activeId} />
      ) : (
        renderViews()
      )}
    </nav>
  );

  // Called, not mounted as a component: a component defined in here would remount on every render.
  function renderViews() {
    return (
      <>
        <InboxFilterBar workspace={workspace} />
        <div class="conversation-list__tabs" role="tablist" aria-label={t('inbox.tabs')}>
          {views.map((item) => {
            const count = counts[item];
            const loaded = (item === 'resolved' ? lists.resolved : lists.open).status === 'ready';
            return (
              <button
                key={item}
                type="button"
                role="tab"
                id={`inbox-tab-${item}`}
                class="conversation-list__tab"
                aria-selected={tab === item}
                aria-controls="inbox-panel"
                tabIndex={tab === item ? 0 : -1}
                onClick={() => workspace.selectTab(item)}
                onKeyDown={onTabKey}
              >
                <span class="conversation-list__tab-label">{t(`inbox.tab.${item}`)}</span>
                {loaded && (
                  <span class="conversation-list__count" data-count={count.n}>
                    {count.more ? t('inbox.countMore', { count: count.n }) : count.n}
                  </span>
                )}
              </button>
            );
          })}
        </div>
        <div
          id="inbox-panel"
          class="conversation-list__panel"
          role="tabpanel"
          aria-labelledby={`inbox-tab-${tab}`}
          aria-busy={list.status === 'loading'}
        >
          {list.status === 'error' && (
            <p class="conversation-list__note" role="alert">
              {t('inbox.loadFailed')}
            </p>
          )}
          {list.status === 'loading' && rows.length === 0 && (
            <p class="conversation-list__note">{t('inbox.loading')}</p>
          )}
          {list.status === 'ready' && rows.length === 0 && (
            <p class="conversation-list__note">{t(`inbox.empty.${tab}`)}</p>
          )}
          {rows.length > 0 && (
            <ul class="conversation-list__items">
              {rows.map((conversation) => (
                <li key={conversation.id}>
                  <ConversationRow
                    conversation={conversation}
                    customer={customers[conversation.customerId]}
                    assignee={conversation.assigneeId}
                    agentNames={names}
                    me={agent?.id}
                    replied={replied}
                    now={now}
                    active={conversation.id === activeId}
                    // The open conversation's draft is in the composer beside the list; marking its
                    // row as well would only flash the label on and off as the agent types and sends.
                    draft={drafted.has(conversation.id) && conversation.id !== activeId}
                    onOpen={workspace.openConversation}
                  />
                </li>
              ))}
            </ul>
          )}
          {tab === 'resolved' && lists.resolved.hasMore && (
            <button
              type="button"
              class="button button--small conversation-list__more"
              disabled={lists.resolved.loadingMore}
              onClick={workspace.loadMoreConversations}
            >
              {lists.resolved.loadingMore ? t('inbox.loadingMore') : t('inbox.loadMore')}
            </button>
          )}
        </div>
      </>
    );
  }
}
