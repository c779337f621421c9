import type { Attachment, Conversation, Message, MessageAuthor } from '@aftercare/shared';
import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import type { OutboxFile } from '../attachments/files.js';
import { useAttachmentView } from '../attachments/lazy-view.js';
import { useI18n } from '../lib/i18n.js';
import { type DeliveryState, pendingState, storedState } from '../lib/messages.js';
import type { OutboxEntry } from '../lib/outbox.js';
import { Avatar } from './Avatar.js';

interface MessageListProps {
  conversation: Conversation;
  messages: Message[];
  pending: OutboxEntry[];
  online: boolean;
  onDiscard(clientId: string): void;
  /** The server's address: attachment URLs are relative to it. */
  base: string;
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
export function MessageList({ conversation, messages, pending, online, onDiscard, base }: MessageListProps) {
  const { t, locale } = useI18n();
  const list = useRef<HTMLOListElement>(null);
  const time = useMemo(() => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }), [locale]);
  const lastMine = [...messages].reverse().find((message) => message.author.kind === 'visitor');
  const AttachmentView = useAttachmentView(
    messages.some((message) => message.attachments.length) || pending.some((entry) => entry.files),
  );

  useLayoutEffect(() => {
    const element = list.current;
    if (element) element.scrollTop = element.scrollHeight; // Keep the newest message in view.
  }, [messages.length, pending.length]);

  /** `author`: the name shown above the first of consecutive messages from the same agent (`from`), with their avatar. */
  const item = (
    key: string,
    mine: boolean,
    author: string | null,
    text: string,
    at: number,
    state?: DeliveryState,
    from?: MessageAuthor,
    files?: readonly (Attachment | OutboxFile)[],
  ) => (
    <li key={key} class={mine ? 'm me' : author ? 'm' : 'm g'} data-state={state}>
      {author && (
        <span class="au">
          {from?.kind === 'agent' && <Avatar author={from} name={author} />}
          {author}
        </span>
      )}
      {text.trim() && <p class="tx">{text}</p>}
      {files?.length && AttachmentView ? <AttachmentView files={files} base={base} /> : null}
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
      {messages.map((message, index) => {
        const { kind, id } = message.author;
        const previous = messages[index - 1]?.author;
        const grouped = previous?.kind === kind && previous.id === id;
        const author =
          grouped || kind === 'visitor'
            ? null
            : kind === 'agent'
              ? (message.author.name ?? t('agentFallback'))
              : t('systemAuthor');
        const state = message === lastMine ? storedState(message, conversation) : undefined;
        return item(
          message.id,
          kind === 'visitor',
          author,
          message.text,
          message.createdAt,
          state,
          message.author,
          message.attachments,
        );
      })}
      {pending.flatMap((entry) => [
        item(
          entry.clientId,
          true,
          null,
          entry.text,
          entry.createdAt,
          pendingState(entry, online),
          undefined,
          entry.files,
        ),
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
