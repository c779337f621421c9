import type { Agent, Conversation, ConversationStatus, Customer, Message } from '@aftercare/shared';
import type { ClientErrorCode } from '../agent-socket.js';

/** Where the agent namespace connection stands, as the header shows it. */
export type ConnectionState = 'connecting' | 'online' | 'offline' | 'protocol-mismatch';

export type InboxTab = ConversationStatus;

/** A reply the agent sent that the server has not acknowledged yet. */
export interface PendingMessage {
  clientId: string;
  conversationId: string;
  text: string;
  createdAt: number;
  /** `sending` is retried automatically after a reconnect; `failed` waits for the agent. */
  status: 'sending' | 'failed';
  errorCode?: ClientErrorCode;
}

export interface InboxState {
  status: 'loading' | 'ready' | 'error';
  /** The current tab's conversations, newest `updatedAt` first. */
  conversations: Conversation[];
  /** The last page was full, so older conversations may exist (`before` paging). */
  hasMore: boolean;
  loadingMore: boolean;
}

export interface ActiveConversation {
  id: string;
  status: 'loading' | 'ready' | 'error';
  conversation: Conversation | null;
  customer: Customer | null;
  /** Stored messages, ascending `seq`, each seq once. */
  messages: Message[];
  hasOlder: boolean;
  loadingOlder: boolean;
  /** Display name of the shopper while they are typing, else null. */
  visitorTyping: string | null;
  /** The newest message from the shopper that arrived live, for the screen-reader announcement. */
  lastIncoming: Message | null;
}

export interface WorkspaceState {
  connection: ConnectionState;
  agent: Agent | null;
  tab: InboxTab;
  inbox: InboxState;
  /** Customers seen so far, by id; fills the inbox rows' names. */
  customers: Record<string, Customer>;
  active: ActiveConversation | null;
  /** Unacknowledged replies of every conversation, oldest first. */
  outbox: PendingMessage[];
  /** The last failed action (resolve, reopen…), shown until the next one. */
  actionError: ClientErrorCode | null;
}

/** The state of a freshly signed-in workspace. */
export function initialWorkspaceState(agent: Agent | null): WorkspaceState {
  return {
    connection: 'connecting',
    agent,
    tab: 'open',
    inbox: emptyInbox(),
    customers: {},
    active: null,
    outbox: [],
    actionError: null,
  };
}

/** The inbox of a tab that is being loaded. */
export function emptyInbox(): InboxState {
  return { status: 'loading', conversations: [], hasMore: false, loadingMore: false };
}

/** A conversation view that is being opened. */
export function loadingConversation(id: string): ActiveConversation {
  return {
    id,
    status: 'loading',
    conversation: null,
    customer: null,
    messages: [],
    hasOlder: false,
    loadingOlder: false,
    visitorTyping: null,
    lastIncoming: null,
  };
}
