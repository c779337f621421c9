import type { Conversation, Message } from '@aftercare/shared';
import type { OutboxEntry } from './outbox.js';

/** Pure helpers over the message list; the chat client keeps state, these compute from it. */

/** Adds or replaces messages of `conversationId` by id, keeping the list sorted by `seq`. */
export function mergeMessages(current: readonly Message[], incoming: readonly Message[], conversationId: string) {
  const byId = new Map(current.map((message) => [message.id, message]));
  for (const message of incoming) if (message.conversationId === conversationId) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

/** The highest sequence number held (what the shopper has seen, for receipts). */
export const lastSeq = (messages: readonly Message[]) => messages.at(-1)?.seq ?? 0;

/**
 * The sequence up to which every message is held: `from` (known complete, e.g. by a finished
 * sync), then on over `messages` (sorted by `seq`) as long as no sequence is missing. A resync
 * continues after it, not after the highest held: with several server processes a newer message
 * (the shopper's own ack, or another process's broadcast) can arrive before an older one, and a
 * sync after the newest would skip the older one for good.
 */
export const heldThrough = (messages: readonly Message[], from: number) =>
  messages.reduce((seq, message) => (message.seq === seq + 1 ? seq + 1 : seq), from);

/** Agent messages the shopper has not read yet, by the shopper side's read receipt. */
export function countUnread(messages: readonly Message[], conversation: Conversation | null): number {
  if (!conversation) return 0;
  const readSeq = conversation.visitorReceipts.readSeq;
  return messages.filter((message) => message.author.kind === 'agent' && message.seq > readSeq).length;
}

/** Delivery state of one of the shopper's messages, as shown under it. */
export type DeliveryState = 'queued' | 'sending' | 'failed' | 'sent' | 'delivered' | 'read';

/** Where a stored shopper message is, by the agents' receipts. */
export function storedState(message: Message, conversation: Conversation): DeliveryState {
  const { deliveredSeq, readSeq } = conversation.agentReceipts;
  if (message.seq <= readSeq) return 'read';
  return message.seq <= deliveredSeq ? 'delivered' : 'sent';
}

/** Where an unacknowledged message is. */
export function pendingState(entry: OutboxEntry, online: boolean): DeliveryState {
  if (entry.failed) return 'failed';
  return online ? 'sending' : 'queued';
}
