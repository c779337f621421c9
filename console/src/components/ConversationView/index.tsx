import { useEffect } from 'preact/hooks';
import { customerName } from '../../lib/display.js';
import { useI18n } from '../../lib/i18n.js';
import { useStore } from '../../lib/store.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';
import type { ActiveConversation, WorkspaceState } from '../../lib/workspace/state.js';
import { Composer } from '../Composer/index.js';
import { MessageList } from '../MessageList/index.js';
import { ConversationHeader } from './conversation-header.js';
import './style.css';

const selectActive = (state: WorkspaceState) => state.active;

/** The middle column: the open conversation's history, the shopper's typing, and the composer. */
export function ConversationView({ workspace }: { workspace: Workspace }) {
  const { t } = useI18n();
  const active = useStore(workspace.store, selectActive);

  if (active?.status !== 'ready' || !active.conversation) {
    const note = !active
      ? 'conversation.none'
      : active.status === 'error'
        ? 'conversation.loadFailed'
        : 'conversation.loading';
    return (
      <main id="conversation" class="conversation-view conversation-view--empty" tabIndex={-1}>
        <h1 class="sr-only">{t('conversation.label')}</h1>
        <p class="conversation-view__note" role={active?.status === 'error' ? 'alert' : undefined}>
          {t(note)}
        </p>
      </main>
    );
  }
  return <OpenConversation workspace={workspace} active={active} />;
}

function OpenConversation({ workspace, active }: { workspace: Workspace; active: ActiveConversation }) {
  const i18n = useI18n();
  const { t } = i18n;
  const conversation = active.conversation!;
  const lastSeq = active.messages[active.messages.length - 1]?.seq ?? 0;

  // Read receipts follow what the agent can actually see: only while the tab is visible.
  useEffect(() => {
    const markIfVisible = () => {
      if (document.visibilityState === 'visible') workspace.markRead();
    };
    markIfVisible();
    document.addEventListener('visibilitychange', markIfVisible);
    return () => document.removeEventListener('visibilitychange', markIfVisible);
  }, [workspace, active.id, lastSeq]);

  const incoming = active.lastIncoming;
  return (
    <main id="conversation" class="conversation-view" tabIndex={-1} aria-labelledby="conversation-title">
      <ConversationHeader workspace={workspace} conversation={conversation} customer={active.customer} />
      <MessageList workspace={workspace} active={active} />
      <p class="conversation-view__typing" aria-live="polite">
        {active.visitorTyping !== null &&
          t('conversation.typing', { name: active.visitorTyping || customerName(i18n, active.customer) })}
      </p>
      <div class="sr-only" aria-live="polite" aria-atomic="true">
        {incoming &&
          t('conversation.newMessage', {
            name: incoming.author.name ?? customerName(i18n, active.customer),
            text: incoming.text,
          })}
      </div>
      {conversation.status === 'open' ? (
        <Composer key={conversation.id} workspace={workspace} conversationId={conversation.id} />
      ) : (
        <p class="conversation-view__resolved">{t('conversation.resolvedNotice')}</p>
      )}
    </main>
  );
}
