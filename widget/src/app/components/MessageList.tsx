import type { Conversation, Message } from '@aftercare/shared';
import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import { useI18n } from '../lib/i18n.js';
import { type DeliveryState, pendingState, storedState } from '../lib/messages.js';
import type { OutboxEntry } from '../lib/outbox.js';

interface MessageListProps {
  conversation: Conversation;
  messages: Message[];
  pending: OutboxEntry[];
  online: boolean;
  onDiscard(clientId: string): void;
}

const STATE_KEYS: Record<DeliveryState, string> = {
  queued: 'stateQueued',
  sending: 'stateSending',
  failed: 'stateFailed',
  sent: 'stateSent',
  delivered: 'stateDelivered',
  read: 'stateRead',
};

/**
 * The conversation: stored messages, then the shopper's unacknowledged ones. Text is rendered as
 * text (never as HTML); emoji are ordinary characters. New messages are announced by the app's
 * live region, not by this list, so a catch-up sync does not read out the whole history.
 */
export function MessageList({ conversation, messages, pending, online, onDiscard }: MessageListProps) {
  const { t, locale } = useI18n();
  const list = useRef<HTMLOListElement>(null);
  const time = useMemo(() => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }), [locale]);
  const lastMine = [...messages].reverse().find((message) => message.author.kind === 'visitor');

  useLayoutEffect(() => {
    const element = list.current;
    if (element) element.scrollTop = element.scrollHeight; // Keep the newest message in view.
  }, [messages.length, pending.length]);

  const item = (key: string, mine: boolean, author: string | null, text: string, at: number, state?: DeliveryState) => (
    <li key={key} class={mine ? 'm me' : 'm'} data-state={state}>
      {author && <span class="au">{author}</span>}
      <p class="tx">{text}</p>
      <span class="meta">
        <time dateTime={new Date(at).toISOString()}>{time.format(at)}</time>
        {state && <span class="st">{t(STATE_KEYS[state])}</span>}
      </span>
    </li>
  );

  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
    <ol class="ms" ref={list} aria-label={t('messagesLabel')} tabIndex={0}>
      {!messages.length && !pending.length && <li class="empty">{t('emptyChat')}</li>}
      {messages.map((message) => {
        const kind = message.author.kind;
        const author =
          kind === 'agent' ? (message.author.name ?? t('agentFallback')) : kind === 'system' ? t('systemAuthor') : null;
        const state = message === lastMine ? storedState(message, conversation) : undefined;
        return item(message.id, kind === 'visitor', author, message.text, message.createdAt, state);
      })}
      {pending.flatMap((entry) => [
        item(entry.clientId, true, null, entry.text, entry.createdAt, pendingState(entry, online)),
        entry.failed && (
          <li key={`${entry.clientId}-x`} class="m me">
            <button type="button" class="link" onClick={() => onDiscard(entry.clientId)}>
              {t('removeFailed')}
            </button>
          </li>
        ),
      ])}
    </ol>
  );
}
