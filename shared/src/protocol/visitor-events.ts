import type { WidgetSiteConfig } from '../domain/site-settings.js';
import type { Conversation, Customer, Message, ProductContext } from '../domain/types.js';
import type { Ack, ErrorBody } from './errors.js';
import type { RatingVisitorClientEvents, RatingVisitorServerEvents } from './rating-events.js';
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
import type { VisitorTicket, VisitorTicketClientEvents, VisitorTicketServerEvents } from './ticket-events.js';

/**
 * Handshake data a widget sends as socket.io `auth` on the visitor namespace.
 * @example
 * io('/visitor', { auth: { protocolVersion: PROTOCOL_VERSION, siteKey: 'demo', visitorToken } });
 */
export interface VisitorHandshake {
  protocolVersion: number;
  siteKey: string;
  /** Absent on a shopper's first contact: the server then issues one in `session:ready`. */
  visitorToken?: string;
  /** The shop's user id from `Aftercare.identify` (absent for anonymous shoppers). */
  userId?: string;
  /** HMAC-SHA256 of `userId` with the site's identity secret, lower-case hex (see README "Identity verification"). */
  userHash?: string;
}

/** What a shopper may see of their customer record. */
export type VisitorProfile = Omit<Customer, 'tier'>;

/** Sent by the server right after a visitor connects. */
export interface VisitorSessionReadyEvent {
  /** Present only when the server issued a new token; the widget must store it. */
  visitorToken?: string;
  /** The shopper's own profile; the shop's internal labels (tier) are not part of it. */
  customer: VisitorProfile;
  /** The shopper's conversations, newest first, so the widget knows what to resync. */
  conversations: Conversation[];
  /** The site's widget settings and whether agents are available now. */
  site: WidgetSiteConfig;
  /** The shopper's repair tickets, newest first (usually none), so the widget shows their status at once. */
  tickets: VisitorTicket[];
  /**
   * Present when the handshake named a `userId` the server did not accept (`IDENTITY_INVALID`):
   * the session is an anonymous visitor's, never the claimed user's.
   */
  identityError?: ErrorBody;
}

export interface ConversationStartPayload {
  /** Client-generated id of this start request, so a retried start returns the same conversation. */
  requestId: string;
  name?: string;
  email?: string;
  phone?: string;
  product?: ProductContext;
}

export interface ConversationStartResult {
  conversation: Conversation;
  /** False when the shopper already had an open conversation (or this was a retry) and it was returned instead. */
  created: boolean;
  /** 1-based place in the line when no agent is free yet, else null. Updates arrive as `queue:position`. */
  queuePosition: number | null;
}

/** The shopper's place in the line of conversations waiting for an agent (null: an agent has it). */
export interface QueuePositionEvent {
  conversationId: string;
  position: number | null;
}

/** Events the widget sends. Every one takes an acknowledgement. */
export interface VisitorClientEvents extends RatingVisitorClientEvents, VisitorTicketClientEvents {
  'conversation:start': (payload: ConversationStartPayload, ack: Ack<ConversationStartResult>) => void;
  'conversation:list': (payload: Record<string, never>, ack: Ack<{ conversations: Conversation[] }>) => void;
  /** The site's settings and current availability again (the widget asks when the shopper opens it). */
  'site:config': (payload: Record<string, never>, ack: Ack<{ site: WidgetSiteConfig }>) => void;
  'message:send': (payload: MessageSendPayload, ack: Ack<{ message: Message }>) => void;
  'messages:sync': (payload: MessagesSyncPayload, ack: Ack<MessagesSyncResult>) => void;
  'typing:set': (payload: TypingSetPayload, ack: Ack<Record<string, never>>) => void;
  'receipt:update': (payload: ReceiptUpdatePayload, ack: Ack<{ conversation: Conversation }>) => void;
}

/** Events the server sends to widgets. */
export interface VisitorServerEvents extends RatingVisitorServerEvents, VisitorTicketServerEvents {
  'session:ready': (event: VisitorSessionReadyEvent) => void;
  'message:created': (event: MessageCreatedEvent) => void;
  'typing:changed': (event: TypingChangedEvent) => void;
  'receipt:updated': (event: ReceiptUpdatedEvent) => void;
  'conversation:updated': (event: { conversation: Conversation }) => void;
  'queue:position': (event: QueuePositionEvent) => void;
}
