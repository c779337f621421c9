import type { Conversation } from '@aftercare/shared';
import type { InboxView, WorkspaceState } from './state.js';

/** Whether an open conversation belongs to one of the open views, for the agent `me`. */
export function inOpenView(
  conversation: Conversation,
  view: Exclude<InboxView, 'resolved'>,
  me: string | null,
): boolean {
  if (conversation.status !== 'open') return false;
  if (view === 'unassigned') return conversation.assigneeId === null;
  if (view === 'mine') return me !== null && conversation.assigneeId === me;
  return true;
}

/**
 * Oldest waiting first: by `createdAt`, the moment the shopper started waiting for a first answer
 * and the order the server's queue serves. `updatedAt` would not do: it moves on the agent's own
 * replies (and on assignment), so rows would jump around while the agent works through them.
 */
export function byWaitingTime(a: Conversation, b: Conversation): number {
  return a.createdAt - b.createdAt || a.id.localeCompare(b.id);
}

/** The rows of `view`, in display order: open views oldest waiting first, resolved newest first. */
export function viewConversations(state: Pick<WorkspaceState, 'lists' | 'agent'>, view: InboxView): Conversation[] {
  if (view === 'resolved') return state.lists.resolved.conversations;
  const me = state.agent?.id ?? null;
  return state.lists.open.conversations.filter((c) => inOpenView(c, view, me)).sort(byWaitingTime);
}

/** Row counts per view; `more` marks a count that is a lower bound (the server has more pages). */
export function viewCounts(
  state: Pick<WorkspaceState, 'lists' | 'agent'>,
): Record<InboxView, { n: number; more: boolean }> {
  const me = state.agent?.id ?? null;
  const open = state.lists.open;
  const count = (view: 'unassigned' | 'mine' | 'open') => ({
    n: open.conversations.filter((c) => inOpenView(c, view, me)).length,
    more: open.hasMore,
  });
  return {
    unassigned: count('unassigned'),
    mine: count('mine'),
    open: count('open'),
    resolved: { n: state.lists.resolved.conversations.length, more: state.lists.resolved.hasMore },
  };
}

/**
 * Whether the shopper still waits for a first agent reply. The protocol has no such field, so:
 * `replied` when this console saw an agent's message in the chat; `waiting` when it holds the whole
 * history without one, or when the agents' delivered marker is still 0 (an agent's message moves
 * it, so 0 proves none was sent); `unknown` otherwise (an agent read it, maybe replied), and no
 * timer is shown rather than a wrong one.
 */
export function firstReplyState(
  conversation: Conversation,
  agentReplied: Record<string, boolean>,
): 'waiting' | 'replied' | 'unknown' {
  const known = agentReplied[conversation.id];
  if (known === true) return 'replied';
  if (known === false || conversation.agentReceipts.deliveredSeq === 0) return 'waiting';
  return 'unknown';
}

/** The conversation `step` rows after (or before, when negative) the open one in `view`, if any. */
export function neighbourConversation(
  state: Pick<WorkspaceState, 'lists' | 'agent' | 'active'>,
  view: InboxView,
  step: 1 | -1,
): Conversation | null {
  const rows = viewConversations(state, view);
  if (rows.length === 0) return null;
  const index = rows.findIndex((c) => c.id === state.active?.id);
  if (index < 0) return rows[step > 0 ? 0 : rows.length - 1] ?? null;
  return rows[index + step] ?? null;
}
