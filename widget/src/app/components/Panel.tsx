import { type ContactDetails, DEFAULT_PRE_CHAT_FIELDS, type ProductContext } from '@aftercare/shared';
import type { Ref } from 'preact';
import type { ChatClient, ChatState } from '../lib/chat-client.js';
import { useI18n } from '../lib/i18n.js';
import { duration, replyTime } from '../lib/reply-time.js';
import { fieldsToAsk, isAway, knownDetails, localized } from '../lib/site.js';
import { RatingSlot } from '../ratings/RatingSlot.js';
import { TicketSlot } from '../tickets/TicketSlot.js';
import { Avatar } from './Avatar.js';
import { Chat } from './Chat.js';
import { PreChatForm } from './PreChatForm.js';
import { ProductCard } from './ProductCard.js';

interface PanelProps {
  client: ChatClient;
  state: ChatState;
  open: boolean;
  product: ProductContext | null;
  /** What the shop told through `identify`: fields it answers are not asked. */
  identity: ContactDetails;
  /** What prefills the fields that are asked. */
  contact: ContactDetails;
  panelRef: Ref<HTMLElement>;
  onClose(): void;
}

/**
 * The chat panel: a non-modal dialog beside the launcher (full screen on phones). It stays
 * mounted while closed so a half-typed message or form survives closing and reopening.
 */
export function Panel({ client, state, open, product, identity, contact, panelRef, onClose }: PanelProps) {
  const { t, locale } = useI18n();
  const { conversation, queue, site } = state;
  const away = !!site && isAway(site);
  const reply = site && replyTime(site.availability.replyExpectedBy, Date.now(), locale);
  // Online and no agent yet: the shopper's place in line, or a plain "please wait" while unknown;
  // with nobody there to answer, that the message is kept and when to expect a reply.
  const waiting = state.connection === 'online' && conversation?.status === 'open' && !conversation.assigneeId;
  const status =
    state.connection === 'offline'
      ? t('statusOffline')
      : state.connection === 'connecting'
        ? t(state.customer ? 'statusReconnecting' : 'statusConnecting')
        : !waiting
          ? ''
          : away && reply
            ? t('offlineReceived', { reply: t(reply.key, { when: reply.when }) })
            : queue
              ? t(queue > 1 ? 'queuePosition' : 'queueNext', { position: queue, ahead: queue - 1 })
              : t('queueWaiting');
  // The agent who has the chat, as their latest message shows them.
  const agent = [...state.messages].reverse().find(({ author }) => author.id === conversation?.assigneeId)?.author;
  const agentName = agent?.name ?? t('agentFallback');
  const known = knownDetails(identity);

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
        {agent && <Avatar author={agent} name={agentName} />}
        <div>
          <h2 id="ac-title">{t('title')}</h2>
          <p>
            {agent
              ? t('subtitleAgent', { name: agentName })
              : !site
                ? t('subtitle')
                : away
                  ? t('subtitleAway')
                  : t('subtitleMinutes', { duration: duration(site.expectedReplyMinutes, locale) })}
          </p>
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
      <TicketSlot tickets={client.tickets} visible={open && document.visibilityState === 'visible'} />
      <RatingSlot ratings={client.ratings} />
      {state.unavailable ? (
        <p class="note">{t('unavailable')}</p>
      ) : conversation ? (
        <Chat key={conversation.id} client={client} state={state} />
      ) : (
        <div class="scroll">
          {product && <ProductCard product={product} />}
          <p class="gr">
            {(site && localized(away ? site.offlineMessage : site.greeting, locale)) ??
              t(away ? 'offlineMessage' : 'greeting')}
            {away && reply && ` ${t(reply.key, { when: reply.when })}`}
          </p>
          {/* Until the server tells the site's fields (first visit, still connecting or offline), the
              default ones: starting waits for the connection anyway, and the shopper can begin typing. */}
          <PreChatForm
            fields={fieldsToAsk(site?.preChatFields ?? DEFAULT_PRE_CHAT_FIELDS, known, away)}
            initial={contact}
            away={away}
            busy={state.starting}
            onStart={(details, text) => client.startConversation({ ...known, ...details }, product, text)}
          />
        </div>
      )}
    </section>
  );
}
