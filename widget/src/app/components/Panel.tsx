import type { ContactDetails, ProductContext } from '@aftercare/shared';
import type { Ref } from 'preact';
import type { ChatClient, ChatState } from '../lib/chat-client.js';
import { useI18n } from '../lib/i18n.js';
import { Chat } from './Chat.js';
import { PreChatForm } from './PreChatForm.js';
import { ProductCard } from './ProductCard.js';

interface PanelProps {
  client: ChatClient;
  state: ChatState;
  open: boolean;
  product: ProductContext | null;
  contact: ContactDetails;
  panelRef: Ref<HTMLElement>;
  onClose(): void;
}

/**
 * The chat panel: a non-modal dialog beside the launcher (full screen on phones). It stays
 * mounted while closed so a half-typed message or form survives closing and reopening.
 */
export function Panel({ client, state, open, product, contact, panelRef, onClose }: PanelProps) {
  const { t } = useI18n();
  const { conversation, queue } = state;
  // Online and no agent yet: the shopper's place in line, or a plain "please wait" while unknown.
  const waiting = state.connection === 'online' && conversation?.status === 'open' && !conversation.assigneeId;
  const status =
    state.connection === 'offline'
      ? t('statusOffline')
      : state.connection === 'connecting'
        ? t(state.customer ? 'statusReconnecting' : 'statusConnecting')
        : !waiting
          ? ''
          : queue
            ? t(queue > 1 ? 'queuePosition' : 'queueNext', { position: queue, ahead: queue - 1 })
            : t('queueWaiting');

  return (
    <section
      class="p"
      ref={panelRef}
      role="dialog"
      aria-labelledby="ac-title"
      hidden={!open}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <div class="hd">
        <div>
          <h2 id="ac-title">{t('title')}</h2>
          <p>{t('subtitle')}</p>
        </div>
        <button type="button" class="x" aria-label={t('close')} onClick={onClose}>
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M6.4 5L12 10.6 17.6 5 19 6.4 13.4 12 19 17.6 17.6 19 12 13.4 6.4 19 5 17.6 10.6 12 5 6.4z" />
          </svg>
        </button>
      </div>
      {/* One polite live region for the connection and the line: read out only when its text changes. */}
      <p class={waiting ? 'bar q' : status ? 'bar' : 'sr'} role="status">
        {status}
      </p>
      {state.unavailable ? (
        <p class="note">{t('unavailable')}</p>
      ) : conversation ? (
        <Chat key={conversation.id} client={client} state={state} />
      ) : (
        <div class="scroll">
          {product && <ProductCard product={product} />}
          <PreChatForm initial={contact} onStart={(details) => client.startConversation(details, product)} />
        </div>
      )}
    </section>
  );
}
