import type {
  Agent,
  AgentPresence,
  AgentStatus,
  Attachment,
  CannedResponse,
  Conversation,
  ConversationStatus,
  Customer,
  Message,
} from '@aftercare/shared';
import type { ClientErrorCode } from '../agent-socket.js';
import type { CustomerFileState } from './customer-file.js';
import { type DirectoryState, emptyDirectory } from './directory.js';
import type { ReplyDrafts } from './drafts.js';
import { type InboxFilters, NO_FILTERS } from './inbox-filters.js';
import { EMPTY_SEARCH, type SearchState } from './search-state.js';

/** Where the agent namespace connection stands, as the header shows it. */
export type ConnectionState = 'connecting' | 'online' | 'offline' | 'protocol-mismatch';

/**
 * The inbox views. All but `resolved` are cuts of the open conversations (all of them are held,
 * so their counts are exact); `waiting` holds the open chats waiting on the customer (an agent
 * wrote last); `resolved` is paged from the server, newest first.
 */
export type InboxView = 'unassigned' | 'mine' | 'waiting' | 'open' | 'escalated' | 'resolved';
/** The views in tab order. `escalated` (open chats escalated to supervisors) shows for supervisors and admins only. */
export const INBOX_VIEWS: readonly InboxView[] = ['unassigned', 'mine', 'waiting', 'open', 'escalated', 'resolved'];

/** A reply the agent sent that the server has not acknowledged yet. */
export interface PendingMessage {
  clientId: string;
  conversationId: string;
  text: string;
  createdAt: number;
  /** `sending` is retried automatically after a reconnect; `failed` waits for the agent. */
  status: 'sending' | 'failed';
  errorCode?: ClientErrorCode;
  /** An internal note (sent with `note:add`, never shown to the shopper). */
  internal?: boolean;
  /** Files already uploaded, sent by id with the message. */
  attachments?: Attachment[];
}

export interface InboxState {
  status: 'loading' | 'ready' | 'error';
  /** Conversations of one status, newest `updatedAt` first (the server's paging order). */
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
  /**
   * The sequence up to which the server vouched that `messages` hold everything from the oldest
   * loaded page on (the conversation read before them, at open and by a finished sync); see
   * `heldThrough` for where a resync starts.
   */
  syncedSeq: number;
  hasOlder: boolean;
  loadingOlder: boolean;
  /** Display name of the shopper while they are typing, else null. */
  visitorTyping: string | null;
  /** The newest message from the shopper that arrived live, for the screen-reader announcement. */
  lastIncoming: Message | null;
}

/** The agent's own status and the team's presence, as the top bar and team panel show them. */
export interface PresenceState {
  /** The status the agent chose (remembered across reloads); sent after every (re)connect. */
  desired: AgentStatus;
  /** The status the server last reported for this agent; null until it has said. */
  own: AgentStatus | null;
  /** Every agent of the tenant by id, from `presence:list`, kept live by `presence:changed`. */
  agents: Record<string, AgentPresence>;
  /** Waiting conversations when `presence:list` answered (the inbox's Unassigned count is live). */
  queueLength: number;
  loaded: boolean;
  /** The last failed status or capacity change. */
  error: ClientErrorCode | null;
}

/** Where a conversation is being transferred: one agent, or a team (routing picks a member). */
export type TransferTarget = { kind: 'agent'; id: string } | { kind: 'team'; id: string };

/** The outcome of the last Assign / Transfer attempt, shown in the conversation header. */
export interface TransferState {
  conversationId: string;
  target: TransferTarget;
  status: 'pending' | 'failed';
  errorCode?: ClientErrorCode;
}

export interface WorkspaceState {
  connection: ConnectionState;
  agent: Agent | null;
  tab: InboxView;
  /** Every open conversation (the first three views) and the resolved ones paged so far. */
  lists: Record<ConversationStatus, InboxState>;
  /** Customers seen so far, by id; fills the inbox rows' names. */
  customers: Record<string, Customer>;
  active: ActiveConversation | null;
  /** Unacknowledged replies of every conversation, oldest first. */
  outbox: PendingMessage[];
  /** What the agent typed but has not sent, per conversation id (see `drafts.ts`). */
  drafts: ReplyDrafts;
  /** The last failed action (resolve, reopen…), shown until the next one. */
  actionError: ClientErrorCode | null;
  presence: PresenceState;
  /**
   * Agents' display names by id: the whole team from the directory (`agent:list`, after every
   * connect), plus message authors and typing events, so a colleague added since still gets a name.
   */
  agentNames: Record<string, string>;
  /** The tenant's saved replies, sorted by shortcut, from `canned:list` and `canned:changed`. */
  canned: CannedResponse[];
  /**
   * Per conversation, whether an agent has replied, when this console knows for sure (it saw an
   * agent's message, or holds the whole history and none is an agent's). See `firstReplyState`.
   */
  agentReplied: Record<string, boolean>;
  transfer: TransferState | null;
  /** The customer file beside the open conversation (see `customer-file.ts`). */
  customerFile: CustomerFileState | null;
  /** Agents, teams and sites for the settings screens, team panel and transfer menu. */
  directory: DirectoryState;
  /** The filter bar's choices (see `inbox-filters.ts`). */
  filters: InboxFilters;
  /** The search box and its results (see `search-actions.ts`). */
  search: SearchState;
  /** A message to scroll to once the open conversation shows it (a search hit was opened). */
  jumpTo: { conversationId: string; seq: number } | null;
}

/** The state of a freshly signed-in workspace. */
export function initialWorkspaceState(agent: Agent | null, desired: AgentStatus = 'online'): WorkspaceState {
  return {
    connection: 'connecting',
    agent,
    // Agents work their own chats; supervisors and admins watch everything open.
    tab: agent?.role === 'agent' ? 'mine' : 'open',
    lists: { open: emptyInbox(), resolved: emptyInbox() },
    customers: {},
    active: null,
    outbox: [],
    drafts: {},
    actionError: null,
    presence: { desired, own: null, agents: {}, queueLength: 0, loaded: false, error: null },
    agentNames: agent ? { [agent.id]: agent.name } : {},
    canned: [],
    agentReplied: {},
    transfer: null,
    customerFile: null,
    directory: emptyDirectory(),
    filters: NO_FILTERS,
    search: EMPTY_SEARCH,
    jumpTo: null,
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
    syncedSeq: 0,
    hasOlder: false,
    loadingOlder: false,
    visitorTyping: null,
    lastIncoming: null,
  };
}
