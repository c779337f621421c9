import { useState } from 'preact/hooks';
import type { ChatClient, ChatState } from '../lib/chat-client.js';
import { useI18n } from '../lib/i18n.js';
import { Composer } from './Composer.js';
import { MessageList } from './MessageList.js';
import { ProductCard } from './ProductCard.js';

/** The chat screen; after resolution it offers the transcript or a new conversation. */
export function Chat({ client, state }: { client: ChatClient; state: ChatState }) {
  const { t } = useI18n();
  const [readingTranscript, setReadingTranscript] = useState(false);
  const conversation = state.conversation!;
  const resolved = conversation.status === 'resolved';
  const typingName = state.typing?.name;

  return (
    <div class="chat">
      {conversation.product && <ProductCard product={conversation.product} />}
      <MessageList
        conversation={conversation}
        messages={state.messages}
        pending={state.pending}
        online={state.connection === 'online'}
        onDiscard={(clientId) => client.discard(clientId)}
        base={client.uploadTarget.baseUrl}
      />
      <p class="typing" aria-hidden={state.typing ? undefined : 'true'}>
        {state.typing && (typingName ? t('typingNamed', { name: typingName }) : t('typingAnonymous'))}
      </p>
      {!resolved && (
        <Composer
          onSend={(text, files) => client.send(text, files)}
          onTyping={(typing) => client.setTyping(typing)}
          uploads={client}
        />
      )}
      {resolved && (
        <div class="rs">
          {!readingTranscript && <p role="status">{t('resolvedTitle')}</p>}
          {!readingTranscript && (
            <button
              type="button"
              class="btn ghost"
              onClick={(event) => {
                setReadingTranscript(true);
                const list = event.currentTarget.closest('.chat')?.querySelector<HTMLElement>('.ms');
                list?.scrollTo(0, 0);
                list?.focus();
              }}
            >
              {t('resolvedTranscript')}
            </button>
          )}
          <button type="button" class="btn" onClick={() => client.leaveConversation()}>
            {t('resolvedNew')}
          </button>
        </div>
      )}
    </div>
  );
}
