import type { CannedResponse } from '../domain/canned-response.js';
import type {
  Agent,
  AgentPresence,
  AgentStatus,
  AwaitingReplyFrom,
  Conversation,
  ConversationStatus,
  Customer,
  Message,
} from '../domain/types.js';
import type { AdminClientEvents, AdminServerEvents } from './admin-events.js';
import type { AlertClientEvents, AlertServerEvents } from './alert-events.js';
import type { CustomerFile, CustomerUpdatePayload } from './customer-events.js';
import type { Ack } from './errors.js';
import type { FollowUpClientEvents, FollowUpServerEvents } from './follow-up-events.js';
import type { RatingAgentClientEvents } from './rating-events.js';
import type { ReportClientEvents } from './report-events.js';
import type { SearchClientEvents } from './search-events.js';
import type {
  MessageCreatedEvent,
  MessageSendPayload,
  MessagesSyncPayload,
  MessagesSyncResult,
  ReceiptUpdatedEvent,
  ReceiptUpdatePayload,
  TypingChangedEvent,
  TypingSetPayload,
} from './shared-events.js';
import type { SiteIdentityClientEvents } from './site-identity-events.js';
import type { TicketClientEvents, TicketServerEvents } from './ticket-events.js';

/**
 * Handshake data the console sends as socket.io `auth` on the agent namespace.
 * The agent is identified by the httpOnly session cookie set by `POST /api/auth/login`.
 */
export interface AgentHandshake {
  protocolVersion: number;
}

export interface AgentSessionReadyEvent {
  agent: Agent;
}

/**
 * Filters combine (AND); every one is optional. Results come newest `updatedAt` first, ties by id.
 * @example
 * socket.emit('conversation:list', { status: 'open', waitingOn: 'customer', product: 'k2' }, (res) => {
 *   if ('data' in res && res.data.nextCursor) loadMore(res.data.nextCursor);
 * });
 */
export interface ConversationListPayload {
  status?: ConversationStatus;
  siteId?: string;
  /** One agent's conversations, or with `null` the unassigned ones. */
  assigneeId?: string | null;
  /** Open conversations waiting on the agents (`agent`) or on the shopper (`customer`). */
  waitingOn?: AwaitingReplyFrom;
  /** The product's SKU (exact) or part of its name, case-insensitive. */
  product?: string;
  /** Only open conversations escalated to supervisors (unresolved past the site's escalation time). */
  escalated?: true;
  /** The next page: the `nextCursor` of the previous answer. */
  cursor?: ConversationCursor;
  /** Only conversations updated before this time (older paging; rows sharing a millisecond may be skipped: prefer `cursor`). */
  before?: number;
  limit?: number;
}

/** Where a conversation list page ended: the last row's `updatedAt` and `id`. */
export interface ConversationCursor {
  updatedAt: number;
  id: string;
}

export interface ConversationListResult {
  conversations: Conversation[];
  /** The customers of those conversations (each once), so the inbox can show names. */
  customers: Customer[];
  /** Pass as `cursor` for the next page; null when this page was the last. */
  nextCursor: ConversationCursor | null;
}

export interface ConversationOpenResult {
  conversation: Conversation;
  customer: Customer;
  /** The newest messages, oldest first; older ones are reached with `messages:sync`. */
  messages: Message[];
}

/** Events the console sends. Every one takes an acknowledgement. */
export interface AgentClientEvents
  extends AdminClientEvents,
    SearchClientEvents,
    TicketClientEvents,
    AlertClientEvents,
    ReportClientEvents,
    RatingAgentClientEvents,
    FollowUpClientEvents,
    SiteIdentityClientEvents {
  'conversation:list': (payload: ConversationListPayload, ack: Ack<ConversationListResult>) => void;
  'conversation:open': (payload: { conversationId: string }, ack: Ack<ConversationOpenResult>) => void;
  'conversation:resolve': (payload: { conversationId: string }, ack: Ack<{ conversation: Conversation }>) => void;
  'conversation:reopen': (payload: { conversationId: string }, ack: Ack<{ conversation: Conversation }>) => void;
  'message:send': (payload: MessageSendPayload, ack: Ack<{ message: Message }>) => void;
  'messages:sync': (payload: MessagesSyncPayload, ack: Ack<MessagesSyncResult>) => void;
  'typing:set': (payload: TypingSetPayload, ack: Ack<Record<string, never>>) => void;
  'receipt:update': (payload: ReceiptUpdatePayload, ack: Ack<{ conversation: Conversation }>) => void;
  /**
   * Adds an internal note: stored in the conversation like a message (with its own `seq` and
   * `clientId`), shown to agents only, never sent to the shopper.
   */
  'note:add': (payload: MessageSendPayload, ack: Ack<{ message: Message }>) => void;
  /** Sets the caller's own status; going online hands them waiting conversations. */
  'presence:set': (payload: { status: AgentStatus }, ack: Ack<{ presence: AgentPresence }>) => void;
  /** Every agent's presence and load in the caller's tenant, and the waiting line's length. */
  'presence:list': (payload: Record<string, never>, ack: Ack<{ agents: AgentPresence[]; queueLength: number }>) => void;
  /**
   * Gives a conversation to another agent: an agent hands over their own chat (the colleague must be
   * online with free capacity); a supervisor or admin may move any chat, even over capacity.
   */
  'conversation:transfer': (payload: ConversationTransferPayload, ack: Ack<{ conversation: Conversation }>) => void;
  /** Admins set how many conversations routing gives an agent at once. */
  'agent:set-capacity': (payload: { agentId: string; capacity: number }, ack: Ack<Record<string, never>>) => void;
  /** A customer's file: profile, every conversation and the products mentioned (tenant's customers only). */
  'customer:get': (payload: { customerId: string }, ack: Ack<CustomerFile>) => void;
  /** Edits contact details (any role; `null` clears a field) or the tier (supervisors and admins). */
  'customer:update': (payload: CustomerUpdatePayload, ack: Ack<{ customer: Customer }>) => void;
  /** The agent directory: every agent of the caller's tenant (any role may ask; no secrets). */
  'agent:list': (payload: Record<string, never>, ack: Ack<{ agents: Agent[] }>) => void;
  /** The tenant's canned responses, sorted by shortcut (any role). */
  'canned:list': (payload: Record<string, never>, ack: Ack<{ responses: CannedResponse[] }>) => void;
  /** Supervisors and admins: a shortcut already used in the tenant answers `CONFLICT`. */
  'canned:create': (payload: CannedResponseInput, ack: Ack<{ response: CannedResponse }>) => void;
  /** Supervisors and admins: replaces shortcut, title and text. */
  'canned:update': (payload: CannedResponseInput & { id: string }, ack: Ack<{ response: CannedResponse }>) => void;
  /** Supervisors and admins. */
  'canned:delete': (payload: { id: string }, ack: Ack<Record<string, never>>) => void;
}

/**
 * Exactly one of `toAgentId` and `toTeamId`. To a team: routing picks one of its online members with
 * room (least load, then longest idle), else the chat waits in the queue for the team. The optional
 * note is stored as an internal note in the conversation, so the colleague sees why.
 */
export interface ConversationTransferPayload {
  conversationId: string;
  toAgentId?: string;
  toTeamId?: string;
  note?: string;
}

/** The editable fields of a canned response. */
export interface CannedResponseInput {
  shortcut: string;
  title: string;
  text: string;
}

/** Events the server sends to consoles. */
export interface AgentServerEvents
  extends AdminServerEvents,
    TicketServerEvents,
    AlertServerEvents,
    FollowUpServerEvents {
  'session:ready': (event: AgentSessionReadyEvent) => void;
  'conversation:created': (event: { conversation: Conversation; customer: Customer }) => void;
  'conversation:updated': (event: { conversation: Conversation }) => void;
  'message:created': (event: MessageCreatedEvent) => void;
  'typing:changed': (event: TypingChangedEvent) => void;
  'receipt:updated': (event: ReceiptUpdatedEvent) => void;
  /** An agent's status, connections or load changed. */
  'presence:changed': (event: { presence: AgentPresence }) => void;
  /** A customer's profile was edited in a console (sent to the tenant's other consoles). */
  'customer:updated': (event: { customer: Customer }) => void;
  /** The tenant's canned responses after a create, update or delete (the whole list, sorted by shortcut). */
  'canned:changed': (event: { responses: CannedResponse[] }) => void;
}
