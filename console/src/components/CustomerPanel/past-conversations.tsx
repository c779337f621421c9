import type { Conversation } from '@aftercare/shared';
import { useI18n } from '../../lib/i18n.js';

/**
 * Every conversation of the customer, newest first: date, status and product, each a button that
 * opens it in the workspace. The one open now is marked and not a button.
 */
export function PastConversations({
  conversations,
  currentId,
  onOpen,
}: {
  conversations: readonly Conversation[];
  currentId: string;
  onOpen(conversationId: string): void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <ul class="past-conversations">
      {conversations.map((conversation) => {
        const date = i18n.formatTime(conversation.createdAt);
        const current = conversation.id === currentId;
        const body = (
          <>
            <span class="past-conversations__date">{date}</span>
            <span class={`past-conversations__status past-conversations__status--${conversation.status}`}>
              {t(`conversation.status.${conversation.status}`)}
            </span>
            {current && <span class="past-conversations__current">{t('customerFile.current')}</span>}
            <span class="past-conversations__product">{conversation.product?.name ?? t('inbox.noProduct')}</span>
          </>
        );
        return (
          <li key={conversation.id} data-conversation-id={conversation.id}>
            {current ? (
              <div class="past-conversations__item past-conversations__item--current" aria-current="true">
                {body}
              </div>
            ) : (
              <button
                type="button"
                class="past-conversations__item"
                title={t('customerFile.openConversation', { date })}
                onClick={() => onOpen(conversation.id)}
              >
                {body}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
