import type { Conversation, Message } from '@aftercare/shared';
import type { WorkspaceState } from './state.js';

/** Something the agent should notice even when looking elsewhere (title badge, sound, desktop). */
export type WorkspaceAlert =
  | { kind: 'assigned'; conversationId: string }
  | { kind: 'message'; conversationId: string; message: Message };

/**
 * The alert for a conversation copy arriving live, given the state before it is applied: one when
 * it is open and newly assigned to this agent (routing, a transfer, a supervisor), none when it
 * was already theirs or is somebody else's.
 */
export function assignmentAlert(before: WorkspaceState, conversation: Conversation): WorkspaceAlert | null {
  const me = before.agent?.id;
  if (!me || conversation.status !== 'open' || conversation.assigneeId !== me) return null;
  const known =
    before.lists.open.conversations.find((item) => item.id === conversation.id) ??
    (before.active?.id === conversation.id ? before.active.conversation : null);
  if (known?.assigneeId === me && known.status === 'open') return null;
  return { kind: 'assigned', conversationId: conversation.id };
}

/**
 * The alert for a message arriving live: only a shopper's message, in an open conversation
 * assigned to this agent. Agents' messages (the agent's own above all) and system messages never ring.
 */
export function messageAlert(state: WorkspaceState, message: Message): WorkspaceAlert | null {
  const me = state.agent?.id;
  if (!me || message.author.kind !== 'visitor') return null;
  const conversation =
    state.lists.open.conversations.find((item) => item.id === message.conversationId) ??
    (state.active?.id === message.conversationId ? state.active.conversation : null);
  if (conversation?.assigneeId !== me || conversation.status !== 'open') return null;
  return { kind: 'message', conversationId: message.conversationId, message };
}
