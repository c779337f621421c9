import type {
  Attachment,
  AwaitingReplyFrom,
  Conversation,
  ConversationStatus,
  Message,
  MessageAuthor,
} from '@aftercare/shared';

export interface StartConversationInput {
  conversation: Conversation;
  /** The client's request id; a retried start with the same id returns the same conversation. */
  requestId: string;
}

export interface StartConversationResult {
  conversation: Conversation;
  /** False when an existing conversation was returned: a retry, or the customer already had an open one. */
  created: boolean;
}

export interface ListConversationsQuery {
  tenantId: string;
  status?: ConversationStatus;
  siteId?: string;
  /** One agent's conversations; `null` for the unassigned ones. */
  assigneeId?: string | null;
  /** Open conversations whose `awaitingReplyFrom` is this. */
  waitingOn?: AwaitingReplyFrom;
  /** SKU (exact) or part of the product name, case-insensitive. */
  product?: string;
  /** Only open conversations that were escalated (the supervisors' "Escalated" view). */
  escalated?: true;
  /** Only conversations with `updatedAt` strictly before this. */
  before?: number;
  /** Only conversations after this one in the list order (`updatedAt` desc, then `id` desc). */
  after?: { updatedAt: number; id: string };
  limit: number;
}

/** Storage port for conversations. */
/**
 * What a compare-and-set on a conversation's routing did: `changed` when this call wrote it, and the
 * conversation as stored afterwards (null when there is no such conversation).
 */
export type RoutingWrite =
  | { changed: true; conversation: Conversation }
  | { changed: false; conversation: Conversation | null };

export interface ConversationRepository {
  /**
   * Creates the conversation unless the customer already has an open one or the request id was
   * seen before; then returns that one. A customer never has two open conversations, even when
   * two starts race (enforced by a unique index, not by a read-then-write).
   */
  start(input: StartConversationInput): Promise<StartConversationResult>;
  getById(id: string): Promise<Conversation | null>;
  /** A customer's conversations, newest first. */
  listByCustomer(customerId: string, limit: number): Promise<Conversation[]>;
  /** A tenant's conversations by `updatedAt`, newest first (ties by `id`, descending), filtered. */
  listByTenant(query: ListConversationsQuery): Promise<Conversation[]>;
  /**
   * Changes the status and returns the updated conversation, or null if it does not exist.
   * Throws `CONFLICT` when reopening would give the customer two open conversations.
   */
  setStatus(id: string, status: ConversationStatus, now: number): Promise<Conversation | null>;
  /**
   * Sets who owns an open conversation, but only while its assignee is still `expectedAssigneeId`
   * (compare-and-set: routing counts each agent's load, so two racing reassignments must not both
   * think they replaced the same agent). `updatedAt` moves only when the assignee changes. Answers
   * whether this call wrote (`changed`) and the conversation as stored afterwards: unchanged when it
   * is resolved, its assignee was not the expected one or already the target; null if it does not
   * exist. Callers go by `changed`, never by comparing fields: two processes giving the same chat
   * to the same agent in the same millisecond store identical rows, and only one of them wrote.
   */
  setAssignee(
    id: string,
    assigneeId: string | null,
    expectedAssigneeId: string | null,
    now: number,
  ): Promise<RoutingWrite>;
  /**
   * Sets assignee and team together (a transfer: to an agent clears the team; to a team may leave
   * the chat unassigned), with the same compare-and-set on the assignee as `setAssignee`.
   * `updatedAt` moves when either changes; `changed` says whether this call wrote.
   */
  setRouting(
    id: string,
    target: { assigneeId: string | null; teamId: string | null },
    expectedAssigneeId: string | null,
    now: number,
  ): Promise<RoutingWrite>;
  /**
   * A team was deleted: the tenant's conversations bound to it lose their team. Returns the open
   * ones changed, as stored afterwards (those still waiting go back to the general queue).
   */
  clearTeam(tenantId: string, teamId: string, now: number): Promise<Conversation[]>;
  /**
   * Moves one side's delivered or read marker forward to `seq` (never backward; read implies
   * delivered; never past `lastSeq`). Returns the updated conversation, or null if unknown.
   */
  advanceReceipt(
    id: string,
    side: 'visitor' | 'agent',
    kind: 'delivered' | 'read',
    seq: number,
    now: number,
  ): Promise<Conversation | null>;
  /** Open, not yet escalated conversations of any tenant whose `escalateAt` is at or before `now`, oldest due first. */
  listDueForEscalation(now: number, limit: number): Promise<Conversation[]>;
  /**
   * Marks an open conversation escalated at `now`, only if nobody did yet (compare-and-set on
   * `escalatedAt` being null, so two server processes scanning at once escalate it once).
   * Returns the conversation as stored afterwards when this call escalated it, else null.
   * `updatedAt` stays: escalation is not activity in the chat.
   */
  markEscalated(id: string, now: number): Promise<Conversation | null>;
}

export interface AppendMessageInput {
  id: string;
  conversationId: string;
  clientId: string;
  author: MessageAuthor;
  text: string;
  /** An agents-only note (see `Message.internal`). */
  internal: boolean;
  /** Files already claimed for this message, stored with it as a snapshot; absent means none. */
  attachments?: Attachment[];
  createdAt: number;
}

/** Who will read a listing: shoppers never get internal notes. */
export type MessageAudience = 'visitor' | 'agent';

export interface AppendMessageResult {
  message: Message;
  /** False when a message with this client id was already stored: the stored one is returned. */
  created: boolean;
  /** The conversation after the append (its `lastSeq` and `updatedAt` moved when created). */
  conversation: Conversation;
}

/** Storage port for messages. */
export interface MessageRepository {
  /**
   * Stores a message once per `(conversationId, clientId)` and gives it the next sequence number.
   * The author's side's delivered and read markers move to the new message (a sender has seen
   * everything up to their own message); system messages move neither side. A public message
   * sets `awaitingReplyFrom` (a shopper's: `agent`; an agent's: `customer`) and an agent's first
   * public message sets `firstReplyAt`, in the same atomic write.
   * Resolves only after the write is durable. Returns the already-stored message for a retry.
   * Returns null when the conversation does not exist.
   */
  append(input: AppendMessageInput): Promise<AppendMessageResult | null>;
  /** The message a client stored under `clientId`, or null (lets a retry be answered even after the chat closed). */
  findByClientId(conversationId: string, clientId: string): Promise<Message | null>;
  /** Messages with `seq > afterSeq` that `audience` may read, oldest first, at most `limit`. */
  listAfter(conversationId: string, afterSeq: number, limit: number, audience: MessageAudience): Promise<Message[]>;
  /** The newest `limit` messages that `audience` may read, oldest first. */
  listLatest(conversationId: string, limit: number, audience: MessageAudience): Promise<Message[]>;
  /** Number of stored messages in a conversation (used by tests and reports). */
  count(conversationId: string): Promise<number>;
}
