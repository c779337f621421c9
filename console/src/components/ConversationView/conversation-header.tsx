import type { Conversation, Customer } from '@aftercare/shared';
import { customerName } from '../../lib/display.js';
import { useI18n } from '../../lib/i18n.js';
import { useStore } from '../../lib/store.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';
import type { WorkspaceState } from '../../lib/workspace/state.js';

export interface ConversationHeaderProps {
  workspace: Workspace;
  conversation: Conversation;
  customer: Customer | null;
}

const selectActionError = (state: WorkspaceState) => state.actionError;

/** Who the chat is with, its status, and the Resolve / Reopen action. */
export function ConversationHeader({ workspace, conversation, customer }: ConversationHeaderProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const actionError = useStore(workspace.store, selectActionError);
  const open = conversation.status === 'open';
  return (
    <header class="conversation-header">
      <div class="conversation-header__who">
        <h1 id="conversation-title" class="conversation-header__title">
          {customerName(i18n, customer)}
        </h1>
        <span class={`status-chip status-chip--${conversation.status}`}>
          {t(`conversation.status.${conversation.status}`)}
        </span>
        {conversation.product && <span class="conversation-header__product">{conversation.product.name}</span>}
      </div>
      {actionError && (
        <p class="conversation-header__error" role="alert">
          {t('conversation.actionFailed')}
        </p>
      )}
      <button
        type="button"
        class={open ? 'button button--primary' : 'button'}
        onClick={() => (open ? workspace.resolve(conversation.id) : workspace.reopen(conversation.id))}
      >
        {open ? t('conversation.resolve') : t('conversation.reopen')}
      </button>
    </header>
  );
}
