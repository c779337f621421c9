import type { Conversation, ConversationStatus, Message } from '@aftercare/shared';

/** Newest activity first; ties by id so the order is stable between renders. */
export function sortConversations(conversations: readonly Conversation[]): Conversation[] {
  return [...conversations].sort((a, b) => b.updatedAt - a.updatedAt || a.id.localeCompare(b.id));
}

/** True when the shopper wrote something no agent has read yet. */
export function isUnread(conversation: Conversation): boolean {
  return conversation.lastSeq > conversation.agentReceipts.readSeq;
}

/**
 * Applies a newer copy of `conversation` to the list of conversations with `status`: replaced or
 * inserted when it has that status, removed when it left it (resolved, while this is the open list).
 * An older copy (a late ack after a live event) never overwrites a newer one.
 */
export function upsertConversation(
  list: readonly Conversation[],
  conversation: Conversation,
  status: ConversationStatus,
): Conversation[] {
  const current = list.find((item) => item.id === conversation.id);
  const merged = current ? latestConversation(current, conversation) : conversation;
  const rest = list.filter((item) => item.id !== conversation.id);
  if (merged.status !== status) return rest.length === list.length ? (list as Conversation[]) : rest;
  return sortConversations([...rest, merged]);
}

/** Moves the conversation a new message belongs to up the list and counts the message in `lastSeq`. */
export function applyMessageToList(list: readonly Conversation[], message: Message): Conversation[] {
  const index = list.findIndex((item) => item.id === message.conversationId);
  if (index < 0) return list as Conversation[];
  return sortConversations(list.map((item, i) => (i === index ? applyMessage(item, message) : item)));
}

/**
 * The conversation as it is once `message` is stored, by the server's rules: a newer public
 * message says whose turn it is (`awaitingReplyFrom`), and an agent's public message is the first
 * reply if there was none, so the views move without waiting for a reload.
 */
export function applyMessage(conversation: Conversation, message: Message): Conversation {
  if (message.seq <= conversation.lastSeq && message.createdAt <= conversation.updatedAt) return conversation;
  const next = {
    ...conversation,
    lastSeq: Math.max(conversation.lastSeq, message.seq),
    updatedAt: Math.max(conversation.updatedAt, message.createdAt),
  };
  const { kind } = message.author;
  if (message.internal || kind === 'system') return next;
  if (message.seq > conversation.lastSeq) next.awaitingReplyFrom = kind === 'visitor' ? 'agent' : 'customer';
  if (kind === 'agent' && conversation.firstReplyAt === null) next.firstReplyAt = message.createdAt;
  return next;
}

/**
 * Of two copies of one conversation, the more recent. Receipts and lastSeq only ever grow, so
 * picking the copy with more progress survives events and acks arriving out of order.
 */
export function latestConversation(a: Conversation, b: Conversation): Conversation {
  if (b.updatedAt !== a.updatedAt) return b.updatedAt > a.updatedAt ? b : a;
  const progress = (c: Conversation) =>
    c.lastSeq + c.agentReceipts.readSeq + c.visitorReceipts.readSeq + c.visitorReceipts.deliveredSeq;
  return progress(b) >= progress(a) ? b : a;
}
