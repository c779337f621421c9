import type { Conversation, Customer } from '@aftercare/shared';
import { assigneeLabel, customerName } from '../../lib/display.js';
import { useI18n } from '../../lib/i18n.js';
import { useStore } from '../../lib/store.js';
import { useNow } from '../../lib/use-now.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';
import type { WorkspaceState } from '../../lib/workspace/state.js';
import { AskRating } from '../AskRating/index.js';
import { ConversationTicket } from '../ConversationTicket/index.js';
import { HeaderPromiseBadges } from '../PromiseBadges/index.js';
import { TransferControl } from '../TransferControl/index.js';
import { VerifiedBadge } from '../VerifiedBadge/index.js';

export interface ConversationHeaderProps {
  workspace: Workspace;
  conversation: Conversation;
  customer: Customer | null;
}

const selectActionError = (state: WorkspaceState) => state.actionError;
const selectAgent = (state: WorkspaceState) => state.agent;
const selectNames = (state: WorkspaceState) => state.agentNames;

/** Who the chat is with, who owns it, its status, and the Assign / Transfer and Resolve / Reopen actions. */
export function ConversationHeader({ workspace, conversation, customer }: ConversationHeaderProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const actionError = useStore(workspace.store, selectActionError);
  const me = useStore(workspace.store, selectAgent);
  const names = useStore(workspace.store, selectNames);
  // Due-time badges count down; a quarter minute is fine enough for "due in 12 min".
  const now = useNow(15_000);
  const open = conversation.status === 'open';
  // Agents hand over only their own chats (the server refuses others with FORBIDDEN);
  // supervisors and admins assign any open chat.
  const canTransfer = open && (me?.role !== 'agent' || conversation.assigneeId === me.id);
  return (
    <header class="conversation-header">
      <div class="conversation-header__who">
        <h1 id="conversation-title" class="conversation-header__title">
          {customerName(i18n, customer)}
        </h1>
        <VerifiedBadge customer={customer} />
        <span class={`status-chip status-chip--${conversation.status}`}>
          {t(`conversation.status.${conversation.status}`)}
        </span>
        <span class="conversation-header__assignee" data-assignee={conversation.assigneeId ?? ''}>
          {t('assignee.label')}: {assigneeLabel(i18n, names, conversation.assigneeId, me?.id)}
        </span>
        {conversation.product && <span class="conversation-header__product">{conversation.product.name}</span>}
        <HeaderPromiseBadges conversation={conversation} now={now} />
      </div>
      <ConversationTicket workspace={workspace} conversation={conversation} />
      {canTransfer && <TransferControl workspace={workspace} conversation={conversation} />}
      <AskRating key={conversation.id} workspace={workspace} target={{ conversationId: conversation.id }} />
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
