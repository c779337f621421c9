import type { Agent, Conversation } from '@aftercare/shared';
import { matchesFilters } from './inbox-filters.js';
import { INBOX_VIEWS, type InboxView, type WorkspaceState } from './state.js';

type ViewState = Pick<WorkspaceState, 'lists' | 'agent'> & Partial<Pick<WorkspaceState, 'filters'>>;

/** Whether an open conversation belongs to one of the open views, for the agent `me`. */
export function inOpenView(
  conversation: Conversation,
  view: Exclude<InboxView, 'resolved'>,
  me: string | null,
): boolean {
  if (conversation.status !== 'open') return false;
  if (view === 'unassigned') return conversation.assigneeId === null;
  if (view === 'mine') return me !== null && conversation.assigneeId === me;
  if (view === 'waiting') return conversation.awaitingReplyFrom === 'customer';
  if (view === 'escalated') return conversation.escalatedAt != null;
  return true;
}

/** The views an agent's tabs show: the Escalated view is for supervisors and admins (issue 5). */
export function visibleViews(agent: Pick<Agent, 'role'> | null): readonly InboxView[] {
  const supervises = agent?.role === 'supervisor' || agent?.role === 'admin';
  return supervises ? INBOX_VIEWS : INBOX_VIEWS.filter((view) => view !== 'escalated');
}

/**
 * Oldest waiting first: by `createdAt`, the moment the shopper started waiting for a first answer
 * and the order the server's queue serves. `updatedAt` would not do: it moves on the agent's own
 * replies (and on assignment), so rows would jump around while the agent works through them.
 */
export function byWaitingTime(a: Conversation, b: Conversation): number {
  return a.createdAt - b.createdAt || a.id.localeCompare(b.id);
}

/**
 * The rows of `view` that pass the filter bar, in display order: open views oldest waiting first,
 * resolved newest first.
 */
export function viewConversations(state: ViewState, view: InboxView): Conversation[] {
  const filters = state.filters;
  const passes = (c: Conversation) => !filters || matchesFilters(c, filters);
  if (view === 'resolved') return state.lists.resolved.conversations.filter(passes);
  const me = state.agent?.id ?? null;
  return state.lists.open.conversations.filter((c) => inOpenView(c, view, me) && passes(c)).sort(byWaitingTime);
}

/** Row counts per view; `more` marks a count that is a lower bound (the server has more pages). */
export function viewCounts(state: ViewState): Record<InboxView, { n: number; more: boolean }> {
  const count = (view: InboxView) => ({
    n: viewConversations(state, view).length,
    more: (view === 'resolved' ? state.lists.resolved : state.lists.open).hasMore,
  });
  return {
    unassigned: count('unassigned'),
    mine: count('mine'),
    waiting: count('waiting'),
    open: count('open'),
    escalated: count('escalated'),
    resolved: count('resolved'),
  };
}

/**
 * Whether the shopper still waits for a first agent reply: the server's `firstReplyAt` says so
 * (and this console sets it when it sees an agent's reply live). Copies from an older server
 * without the field fall back to what this console saw: `replied` when it saw an agent's
 * message, `waiting` when it holds the whole history without one or the agents' delivered marker
 * is still 0; `unknown` otherwise, and no timer is shown rather than a wrong one.
 */
export function firstReplyState(
  conversation: Conversation,
  agentReplied: Record<string, boolean>,
): 'waiting' | 'replied' | 'unknown' {
  if (typeof conversation.firstReplyAt === 'number') return 'replied';
  if (conversation.firstReplyAt === null) return agentReplied[conversation.id] === true ? 'replied' : 'waiting';
  const known = agentReplied[conversation.id];
  if (known === true) return 'replied';
  if (known === false || conversation.agentReceipts.deliveredSeq === 0) return 'waiting';
  return 'unknown';
}

/** The conversation `step` rows after (or before, when negative) the open one in `view`, if any. */
export function neighbourConversation(
  state: ViewState & Pick<WorkspaceState, 'active'>,
  view: InboxView,
  step: 1 | -1,
): Conversation | null {
  const rows = viewConversations(state, view);
  if (rows.length === 0) return null;
  const index = rows.findIndex((c) => c.id === state.active?.id);
  if (index < 0) return rows[step > 0 ? 0 : rows.length - 1] ?? null;
  return rows[index + step] ?? null;
}
