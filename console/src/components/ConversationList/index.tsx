import { useI18n } from '../../lib/i18n.js';
import { useStore } from '../../lib/store.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';
import type { InboxTab, WorkspaceState } from '../../lib/workspace/state.js';
import { ConversationRow } from './conversation-row.js';
import './style.css';

const TABS: readonly InboxTab[] = ['open', 'resolved'];
const selectTab = (state: WorkspaceState) => state.tab;
const selectInbox = (state: WorkspaceState) => state.inbox;
const selectCustomers = (state: WorkspaceState) => state.customers;
const selectActiveId = (state: WorkspaceState) => state.active?.id ?? null;

/** The inbox column: Open / Resolved tabs and the conversations of the selected one, live. */
export function ConversationList({ workspace }: { workspace: Workspace }) {
  const { t } = useI18n();
  const tab = useStore(workspace.store, selectTab);
  const inbox = useStore(workspace.store, selectInbox);
  const customers = useStore(workspace.store, selectCustomers);
  const activeId = useStore(workspace.store, selectActiveId);

  // Arrow keys move between tabs, as the WAI-ARIA tabs pattern expects.
  function onTabKey(event: KeyboardEvent) {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const next = TABS[(TABS.indexOf(tab) + 1) % TABS.length]!;
    workspace.selectTab(next);
    document.getElementById(`inbox-tab-${next}`)?.focus();
  }

  return (
    <nav class="conversation-list" aria-label={t('inbox.label')}>
      <div class="conversation-list__tabs" role="tablist" aria-label={t('inbox.tabs')}>
        {TABS.map((item) => (
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
            {t(`inbox.tab.${item}`)}
          </button>
        ))}
      </div>
      <div
        id="inbox-panel"
        class="conversation-list__panel"
        role="tabpanel"
        aria-labelledby={`inbox-tab-${tab}`}
        aria-busy={inbox.status === 'loading'}
      >
        {inbox.status === 'error' && (
          <p class="conversation-list__note" role="alert">
            {t('inbox.loadFailed')}
          </p>
        )}
        {inbox.status === 'loading' && inbox.conversations.length === 0 && (
          <p class="conversation-list__note">{t('inbox.loading')}</p>
        )}
        {inbox.status === 'ready' && inbox.conversations.length === 0 && (
          <p class="conversation-list__note">{t(`inbox.empty.${tab}`)}</p>
        )}
        {inbox.conversations.length > 0 && (
          <ul class="conversation-list__items">
            {inbox.conversations.map((conversation) => (
              <li key={conversation.id}>
                <ConversationRow
                  conversation={conversation}
                  customer={customers[conversation.customerId]}
                  active={conversation.id === activeId}
                  onOpen={workspace.openConversation}
                />
              </li>
            ))}
          </ul>
        )}
        {inbox.hasMore && (
          <button
            type="button"
            class="button button--small conversation-list__more"
            disabled={inbox.loadingMore}
            onClick={workspace.loadMoreConversations}
          >
            {inbox.loadingMore ? t('inbox.loadingMore') : t('inbox.loadMore')}
          </button>
        )}
      </div>
    </nav>
  );
}
