import { type Conversation, type Customer, LIMITS } from '@aftercare/shared';
import { request } from '../agent-socket.js';
import type { WorkspaceContext } from './context.js';
import { latestConversation, sortConversations } from './conversation-list.js';
import { emptyInbox, type InboxTab } from './state.js';

/** Conversations per list page. */
const PAGE_SIZE = 50;

/**
 * (Re)loads the conversations of `tab`. Called on every connect, so a reconnect never needs a
 * page refresh; answers for a tab the agent has since left are dropped.
 */
export async function loadInbox(ctx: WorkspaceContext, tab: InboxTab = ctx.store.get().tab): Promise<void> {
  ctx.store.set((state) =>
    state.inbox.status === 'ready' && state.tab === tab
      ? state
      : { ...state, inbox: { ...state.inbox, status: 'loading' } },
  );
  // A reload after a reconnect keeps as many rows as were shown (up to the server's maximum).
  const shown = ctx.store.get().inbox.conversations.length;
  const limit = Math.min(LIMITS.listPageMax, Math.max(PAGE_SIZE, shown));
  const res = await request(ctx.socket, 'conversation:list', { status: tab, limit });
  ctx.store.set((state) => {
    if (state.tab !== tab) return state;
    if ('error' in res) {
      // Offline: keep what is shown; the next connect reloads it.
      if (res.error.code === 'OFFLINE') return state;
      return { ...state, inbox: { ...state.inbox, status: 'error' } };
    }
    const { conversations } = res.data;
    return {
      ...state,
      customers: withCustomers(state.customers, customersOf(res.data)),
      inbox: {
        status: 'ready',
        conversations: sortConversations(conversations),
        hasMore: conversations.length >= limit,
        loadingMore: false,
      },
    };
  });
}

/**
 * Appends the next page of the current tab: conversations updated before the oldest row shown.
 * `before` is exclusive, so rows sharing that exact millisecond with the oldest one could be
 * skipped; a (updatedAt, id) cursor in the protocol would close that gap.
 */
export async function loadMoreInbox(ctx: WorkspaceContext): Promise<void> {
  const { tab, inbox } = ctx.store.get();
  const oldest = inbox.conversations[inbox.conversations.length - 1];
  if (inbox.status !== 'ready' || !inbox.hasMore || inbox.loadingMore || !oldest) return;
  ctx.store.set((state) => ({ ...state, inbox: { ...state.inbox, loadingMore: true } }));
  const res = await request(ctx.socket, 'conversation:list', {
    status: tab,
    before: oldest.updatedAt,
    limit: PAGE_SIZE,
  });
  ctx.store.set((state) => {
    if (state.tab !== tab) return state;
    if ('error' in res) return { ...state, inbox: { ...state.inbox, loadingMore: false } };
    const { conversations } = res.data;
    return {
      ...state,
      customers: withCustomers(state.customers, customersOf(res.data)),
      inbox: {
        ...state.inbox,
        conversations: mergeById(state.inbox.conversations, conversations),
        hasMore: conversations.length >= PAGE_SIZE,
        loadingMore: false,
      },
    };
  });
}

// `conversation:list` does not carry customers (protocol v1), so rows of conversations this
// console did not see created show "Visitor". Read them if the server adds them.
function customersOf(answer: { conversations: Conversation[] }): Customer[] {
  return (answer as { customers?: Customer[] }).customers ?? [];
}

function mergeById(current: readonly Conversation[], page: readonly Conversation[]): Conversation[] {
  const byId = new Map(current.map((item) => [item.id, item]));
  for (const item of page) {
    const known = byId.get(item.id);
    byId.set(item.id, known ? latestConversation(known, item) : item);
  }
  return sortConversations([...byId.values()]);
}

/** Switches the inbox tab and loads it. */
export function selectTab(ctx: WorkspaceContext, tab: InboxTab): Promise<void> {
  if (ctx.store.get().tab === tab) return Promise.resolve();
  ctx.store.set((state) => ({ ...state, tab, inbox: emptyInbox() }));
  return loadInbox(ctx, tab);
}

/** Adds customers to the id → customer map, returning the same map when nothing is new. */
export function withCustomers(map: Record<string, Customer>, customers: readonly Customer[]): Record<string, Customer> {
  if (customers.length === 0) return map;
  const next = { ...map };
  for (const customer of customers) next[customer.id] = customer;
  return next;
}
