import type { Customer, Message, Receipts } from '@aftercare/shared';
import { customerName } from '../../lib/display.js';
import { type ConsoleMessageKey, useI18n } from '../../lib/i18n.js';
import type { PendingMessage } from '../../lib/workspace/state.js';
import { AgentAvatar } from '../AgentAvatar/index.js';
import { AttachmentList } from '../Attachments/attachment-list.js';

export interface MessageItemProps {
  message: Message;
  customer: Customer | null;
  /** Written by the signed-in agent. */
  own: boolean;
  /** How far the shopper's widget got; decides Sent / Delivered / Read on agent messages. */
  visitorReceipts: Receipts | undefined;
}

/** One stored message. The text is rendered as text, never as HTML. */
export function MessageItem({ message, customer, own, visitorReceipts }: MessageItemProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const { author } = message;
  let name: string;
  if (author.kind === 'system') name = t('message.system');
  else if (own) name = t('message.you');
  else if (author.kind === 'visitor') name = author.name ?? customerName(i18n, customer);
  else name = author.name ?? '';
  // Notes never reach the shopper, so they have no delivery state.
  const receipt = author.kind === 'agent' && !message.internal ? receiptState(message.seq, visitorReceipts) : null;
  return (
    <li class={`message message--${author.kind}${message.internal ? ' message--note' : ''}`} data-seq={message.seq}>
      <div class="message__meta">
        {author.kind === 'agent' && <AgentAvatar name={author.name ?? name} url={author.avatarUrl} />}
        <span class="message__author">{name}</span>
        {message.internal && <span class="message__note-label">{t('message.note')}</span>}
        <time dateTime={new Date(message.createdAt).toISOString()}>{i18n.formatTime(message.createdAt)}</time>
      </div>
      {message.text.trim() && <p class="message__text">{message.text}</p>}
      <AttachmentList attachments={message.attachments} />
      {receipt && (
        <span class={`message__state message__state--${receipt}`} data-receipt={receipt}>
          {t(`message.${receipt}`)}
        </span>
      )}
    </li>
  );
}

function receiptState(seq: number, receipts: Receipts | undefined): 'sent' | 'delivered' | 'read' {
  if (receipts && seq <= receipts.readSeq) return 'read';
  if (receipts && seq <= receipts.deliveredSeq) return 'delivered';
  return 'sent';
}

export interface PendingItemProps {
  pending: PendingMessage;
  onRetry(clientId: string): void;
}

/** A reply the server has not acknowledged yet: "Sending…", or "Not sent" with a retry button. */
export function PendingItem({ pending, onRetry }: PendingItemProps) {
  const { t } = useI18n();
  const failed = pending.status === 'failed';
  return (
    <li
      class={`message message--agent message--pending${pending.internal ? ' message--note' : ''}${failed ? ' message--failed' : ''}`}
      aria-busy={!failed}
    >
      <div class="message__meta">
        <span class="message__author">{t('message.you')}</span>
        {pending.internal && <span class="message__note-label">{t('message.note')}</span>}
      </div>
      {pending.text.trim() && <p class="message__text">{pending.text}</p>}
      <AttachmentList attachments={pending.attachments ?? []} />
      <span class="message__state" data-pending={pending.status}>
        {failed ? failureText(t, pending.errorCode) : t('message.sending')}
        {failed && (
          <button type="button" class="button button--small" onClick={() => onRetry(pending.clientId)}>
            {t('message.retry')}
          </button>
        )}
      </span>
    </li>
  );
}

function failureText(t: (key: ConsoleMessageKey) => string, code: string | undefined): string {
  switch (code) {
    case 'PAYLOAD_TOO_LARGE':
    case 'CONVERSATION_CLOSED':
    case 'RATE_LIMITED':
      return t(`message.error.${code}`);
    default:
      return t('message.failed');
  }
}
