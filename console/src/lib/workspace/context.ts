import type { Conversation, Message } from '@aftercare/shared';
import type { AgentSocket } from '../agent-socket.js';
import type { Store } from '../store.js';
import { applyMessage, applyMessageToList, latestConversation, upsertConversation } from './conversation-list.js';
import { mergeMessages, settleOutbox } from './messages.js';
import type { WorkspaceState } from './state.js';

/** What every workspace action works with; built once per signed-in session by `createWorkspace`. */
export interface WorkspaceContext {
  socket: AgentSocket;
  store: Store<WorkspaceState>;
  /** Messages per older-history page. */
  pageSize: number;
  /** Client ids of replies whose `message:send` is on the wire, so a flush never doubles one. */
  inFlight: Set<string>;
  /** Highest read receipt sent per conversation, so scrolling does not resend the same one. */
  readSent: Map<string, number>;
  newId(): string;
  now(): number;
}

/** Applies a fresh copy of a conversation to both the inbox list and the open view. */
export function storeConversation(state: WorkspaceState, conversation: Conversation): WorkspaceState {
  const conversations = upsertConversation(state.inbox.conversations, conversation, state.tab);
  const active =
    state.active?.id === conversation.id
      ? {
          ...state.active,
          conversation: state.active.conversation
            ? latestConversation(state.active.conversation, conversation)
            : conversation,
        }
      : state.active;
  return { ...state, inbox: { ...state.inbox, conversations }, active };
}

/** Rewrites one conversation wherever it is shown, leaving the list order alone. */
export function mapConversation(
  state: WorkspaceState,
  conversationId: string,
  update: (conversation: Conversation) => Conversation,
): WorkspaceState {
  const conversations = state.inbox.conversations.map((item) => (item.id === conversationId ? update(item) : item));
  const active =
    state.active?.id === conversationId && state.active.conversation
      ? { ...state.active, conversation: update(state.active.conversation) }
      : state.active;
  return { ...state, inbox: { ...state.inbox, conversations }, active };
}

/**
 * Applies one stored message to the whole workspace: the inbox row moves up, the open view shows
 * it once, and a pending reply with the same `clientId` is settled. Used by acks and broadcasts alike.
 */
export function storeMessage(state: WorkspaceState, message: Message): WorkspaceState {
  const conversations = applyMessageToList(state.inbox.conversations, message);
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
  return { ...state, inbox: { ...state.inbox, conversations }, outbox, active };
}
