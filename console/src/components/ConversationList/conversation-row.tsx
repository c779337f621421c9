import type { Conversation, Customer } from '@aftercare/shared';
import { customerName } from '../../lib/display.js';
import { useI18n } from '../../lib/i18n.js';
import { isUnread } from '../../lib/workspace/conversation-list.js';

export interface ConversationRowProps {
  conversation: Conversation;
  customer: Customer | undefined;
  active: boolean;
  onOpen(conversationId: string): void;
}

/** One inbox row: who, about which product, when, and whether something is unread. */
export function ConversationRow({ conversation, customer, active, onOpen }: ConversationRowProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const unread = isUnread(conversation) && !active;
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
        {unread && (
          <span class="conversation-row__unread">
            <span class="sr-only">{t('inbox.unread')}</span>
          </span>
        )}
      </span>
    </button>
  );
}
