import { type Conversation, type ConversationStatus, LIMITS, type Message } from '@aftercare/shared';
import type { AgentSocket } from '../agent-socket.js';
import type { Preferences } from '../preferences.js';
import type { Store } from '../store.js';
import type { WorkspaceAlert } from './alerts.js';
import { applyMessage, applyMessageToList, latestConversation, upsertConversation } from './conversation-list.js';
import { mergeMessages, settleOutbox } from './messages.js';
import type { InboxState, WorkspaceState } from './state.js';

/** What every workspace action works with; built once per signed-in session by `createWorkspace`. */
export interface WorkspaceContext {
  socket: AgentSocket;
  store: Store<WorkspaceState>;
  /** The signed-in agent's remembered choices (status, notifications). */
  preferences: Preferences;
  /** Called for events the agent should be told about (see `alerts.ts`). */
  alert(alert: WorkspaceAlert): void;
  /** Messages per older-history page. */
  pageSize: number;
  /** Client ids of replies whose `message:send` is on the wire, so a flush never doubles one. */
  inFlight: Set<string>;
  /** Highest read receipt sent per conversation, so scrolling does not resend the same one. */
  readSent: Map<string, number>;
  /** `presence:set` requests on the wire; while there are any, contrary broadcasts about us are stale. */
  statusRequests: number;
  newId(): string;
  now(): number;
}

const STATUSES: readonly ConversationStatus[] = ['open', 'resolved'];

/** Rewrites both lists (open and resolved), keeping each one that did not change. */
function mapLists(
  state: WorkspaceState,
  update: (list: Conversation[], status: ConversationStatus) => Conversation[],
): Record<ConversationStatus, InboxState> {
  let changed = false;
  const lists = { ...state.lists };
  for (const status of STATUSES) {
    const current = state.lists[status];
    const conversations = update(current.conversations, status);
    if (conversations === current.conversations) continue;
    changed = true;
    lists[status] = { ...current, conversations };
  }
  return changed ? lists : state.lists;
}

/** Applies a fresh copy of a conversation to both inbox lists and the open view. */
export function storeConversation(state: WorkspaceState, conversation: Conversation): WorkspaceState {
  const lists = mapLists(state, (list, status) => upsertConversation(list, conversation, status));
  const active =
    state.active?.id === conversation.id
      ? {
          ...state.active,
          conversation: state.active.conversation
            ? latestConversation(state.active.conversation, conversation)
            : conversation,
        }
      : state.active;
  return { ...state, lists, active };
}

/** Rewrites one conversation wherever it is shown, leaving the list order alone. */
export function mapConversation(
  state: WorkspaceState,
  conversationId: string,
  update: (conversation: Conversation) => Conversation,
): WorkspaceState {
  const lists = mapLists(state, (list) =>
    list.some((item) => item.id === conversationId)
      ? list.map((item) => (item.id === conversationId ? update(item) : item))
      : list,
  );
  const active =
    state.active?.id === conversationId && state.active.conversation
      ? { ...state.active, conversation: update(state.active.conversation) }
      : state.active;
  return { ...state, lists, active };
}

/**
 * Applies one stored message to the whole workspace: the inbox row moves up, the open view shows
 * it once, and a pending reply with the same `clientId` is settled. Used by acks and broadcasts alike.
 */
export function storeMessage(state: WorkspaceState, message: Message): WorkspaceState {
  const lists = mapLists(state, (list) => applyMessageToList(list, message));
  const outbox = settleOutbox(state.outbox, [message]);
  let active = state.active;
  // Kept while the view is still loading too: a message stored between the server reading the
  // newest page and its answer reaching us arrives only as this broadcast.
  if (active?.id === message.conversationId) {
    active = {
      ...active,
      conversation: active.conversation && applyMessage(active.conversation, message),
      messages: mergeMessages(active.messages, [message]),
    };
  }
  return learnFromMessages({ ...state, lists, outbox, active }, message.conversationId, [message], false);
}

/**
 * Records what `messages` tell about agents: their names, and whether one has replied in the
 * conversation. `complete` says the messages are the conversation's whole history, so finding no
 * agent among them proves nobody replied yet.
 */
export function learnFromMessages(
  state: WorkspaceState,
  conversationId: string,
  messages: readonly Message[],
  complete: boolean,
): WorkspaceState {
  let { agentNames, agentReplied } = state;
  let replied = false;
  for (const { author, internal } of messages) {
    if (author.kind !== 'agent') continue;
    if (author.name && agentNames[author.id] !== author.name) agentNames = { ...agentNames, [author.id]: author.name };
    // An internal note is written for colleagues: the shopper is still waiting.
    if (internal) continue;
    replied = true;
  }
  const known = agentReplied[conversationId];
  if (replied && known !== true) agentReplied = { ...agentReplied, [conversationId]: true };
  else if (!replied && complete && known === undefined) agentReplied = { ...agentReplied, [conversationId]: false };
  if (agentNames === state.agentNames && agentReplied === state.agentReplied) return state;
  return { ...state, agentNames, agentReplied };
}

/** Whether a `conversation:open` answer holds the whole history (it returns the newest page only). */
export function isWholeHistory(messages: readonly Message[]): boolean {
  return messages.length < LIMITS.syncPageDefault;
}
