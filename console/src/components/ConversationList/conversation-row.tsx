import type { Conversation, Customer } from '@aftercare/shared';
import { assigneeLabel, customerName, formatWait } from '../../lib/display.js';
import { useI18n } from '../../lib/i18n.js';
import { isUnread } from '../../lib/workspace/conversation-list.js';
import { firstReplyState } from '../../lib/workspace/inbox-views.js';
import { RowPromiseBadges } from '../PromiseBadges/index.js';

export interface ConversationRowProps {
  conversation: Conversation;
  customer: Customer | undefined;
  assignee: string | null;
  agentNames: Record<string, string>;
  me: string | undefined;
  /** What this console knows about agent replies, by conversation (see `firstReplyState`). */
  replied: Record<string, boolean>;
  /** The list's ticking clock, for the first-reply timer. */
  now: number;
  active: boolean;
  /** The agent started a reply or note here and has not sent it (see `drafts.ts`). */
  draft: boolean;
  onOpen(conversationId: string): void;
}

/**
 * One inbox row: who, about which product, who owns it, how long they wait, whether something is
 * unread and whether the agent left a draft there.
 */
export function ConversationRow(props: ConversationRowProps) {
  const { conversation, customer, active, onOpen } = props;
  const i18n = useI18n();
  const { t } = i18n;
  const unread = isUnread(conversation) && !active;
  const waiting = conversation.status === 'open' && firstReplyState(conversation, props.replied) === 'waiting';
  return (
    <button
      type="button"
      class={`conversation-row${active ? ' conversation-row--active' : ''}${unread ? ' conversation-row--unread' : ''}`}
      aria-current={active ? 'true' : undefined}
      data-conversation-id={conversation.id}
      onClick={() => onOpen(conversation.id)}
    >
      <span class="conversation-row__top">
        <span class="conversation-row__name">{customerName(i18n, customer)}</span>
        <time class="conversation-row__time" dateTime={new Date(conversation.updatedAt).toISOString()}>
          <span class="sr-only">{t('inbox.lastActivity')} </span>
          {i18n.formatTime(conversation.updatedAt)}
        </time>
      </span>
      <span class="conversation-row__bottom">
        <span class="conversation-row__product">{conversation.product?.name ?? t('inbox.noProduct')}</span>
        {props.draft && (
          <span class="conversation-row__draft" data-draft>
            {t('inbox.draft')}
          </span>
        )}
        {unread && (
          <span class="conversation-row__unread">
            <span class="sr-only">{t('inbox.unread')}</span>
          </span>
        )}
      </span>
      <span class="conversation-row__meta">
        <span class="conversation-row__assignee" data-assignee={props.assignee ?? ''}>
          <span class="sr-only">{t('assignee.label')}: </span>
          {assigneeLabel(i18n, props.agentNames, props.assignee, props.me)}
        </span>
        {waiting && (
          <span class="conversation-row__wait" title={t('inbox.waitingHint')} data-waiting>
            {t('inbox.waiting', { duration: formatWait(i18n, props.now - conversation.createdAt) })}
          </span>
        )}
        <RowPromiseBadges conversation={conversation} now={props.now} />
        {conversation.status === 'open' && conversation.awaitingReplyFrom === 'customer' && (
          <span class="conversation-row__turn" data-awaiting="customer">
            {t('inbox.awaitingCustomer')}
          </span>
        )}
      </span>
    </button>
  );
}
