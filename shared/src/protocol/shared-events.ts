import type { AuthorKind, Conversation, Message, MessageAuthor } from '../domain/types.js';

/** Payloads and events that the visitor and agent namespaces share. */

export interface MessageSendPayload {
  conversationId: string;
  /** Client-generated id (e.g. a UUID); resending with the same id returns the stored message. */
  clientId: string;
  /** May be blank when `attachmentIds` names at least one file. */
  text: string;
  /**
   * Files uploaded first with `POST /api/attachments` (at most `LIMITS.attachmentsPerMessage`), by the
   * same sender; each can be attached to one message only.
   */
  attachmentIds?: string[];
}

/**
 * Asks for the messages after `afterSeq`, oldest first, at most `limit`.
 * Clients call it after every (re)connect with the last sequence they hold, and page while `hasMore`.
 */
export interface MessagesSyncPayload {
  conversationId: string;
  afterSeq: number;
  limit?: number;
}

export interface MessagesSyncResult {
  messages: Message[];
  hasMore: boolean;
  /** The conversation as it is now (status, receipts, lastSeq). */
  conversation: Conversation;
}

export interface TypingSetPayload {
  conversationId: string;
  typing: boolean;
}

/** Marks messages up to `seq` as delivered to, or read by, the caller's side. */
export interface ReceiptUpdatePayload {
  conversationId: string;
  kind: 'delivered' | 'read';
  seq: number;
}

export interface MessageCreatedEvent {
  message: Message;
}

export interface TypingChangedEvent {
  conversationId: string;
  author: MessageAuthor;
  typing: boolean;
}

export interface ReceiptUpdatedEvent {
  conversationId: string;
  /** Whose receipts moved: the shopper's or the agents'. */
  side: Exclude<AuthorKind, 'system'>;
  deliveredSeq: number;
  readSeq: number;
}
