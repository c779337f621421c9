import { LIMITS } from '@aftercare/shared';
import { request } from '../agent-socket.js';
import type { WorkspaceContext } from './context.js';
import { withCustomers } from './inbox-actions.js';
import { EMPTY_SEARCH } from './search-state.js';

/** Message hits per page. */
const SEARCH_PAGE = 20;

/**
 * Searches messages and customers for `query` (the latest query wins: a slower answer to an
 * earlier one is dropped). An empty query clears the search and the inbox shows again.
 */
export async function runSearch(ctx: WorkspaceContext, text: string): Promise<void> {
  const query = text.trim().slice(0, LIMITS.searchQuery);
  if (query === '') return clearSearch(ctx);
  ctx.store.set((state) => ({ ...state, search: { ...EMPTY_SEARCH, query, status: 'loading' } }));
  const res = await request(ctx.socket, 'search:query', { query, limit: SEARCH_PAGE });
  ctx.store.set((state) => {
    if (state.search.query !== query) return state;
    if ('error' in res) return { ...state, search: { ...state.search, status: 'error' } };
    const { messages, customerHits, customers, nextCursor } = res.data;
    return {
      ...state,
      customers: withCustomers(state.customers, [...customerHits, ...customers]),
      search: { ...state.search, status: 'ready', messages, customerHits, nextCursor },
    };
  });
}

/** Appends the next page of message hits. */
export async function loadMoreResults(ctx: WorkspaceContext): Promise<void> {
  const { search } = ctx.store.get();
  if (search.status !== 'ready' || !search.nextCursor || search.loadingMore) return;
  const { query, nextCursor } = search;
  ctx.store.set((state) => ({ ...state, search: { ...state.search, loadingMore: true } }));
  const res = await request(ctx.socket, 'search:query', { query, limit: SEARCH_PAGE, cursor: nextCursor });
  ctx.store.set((state) => {
    if (state.search.query !== query) return state;
    if ('error' in res) return { ...state, search: { ...state.search, loadingMore: false } };
    return {
      ...state,
      customers: withCustomers(state.customers, res.data.customers),
      search: {
        ...state.search,
        loadingMore: false,
        messages: [...state.search.messages, ...res.data.messages],
        nextCursor: res.data.nextCursor,
      },
    };
  });
}

export function clearSearch(ctx: WorkspaceContext): void {
  ctx.store.set((state) => (state.search === EMPTY_SEARCH ? state : { ...state, search: EMPTY_SEARCH }));
}

/**
 * Opens a customer hit: their newest conversation this console holds, else the newest one their
 * customer file lists (a customer found by search may have no chat in the inbox lists).
 */
export async function openCustomer(ctx: WorkspaceContext, customerId: string): Promise<string | null> {
  const { lists } = ctx.store.get();
  const held = [...lists.open.conversations, ...lists.resolved.conversations]
    .filter((conversation) => conversation.customerId === customerId)
    .sort((a, b) => b.createdAt - a.createdAt)[0];
  if (held) return held.id;
  const res = await request(ctx.socket, 'customer:get', { customerId });
  if ('error' in res) return null;
  return res.data.conversations[0]?.id ?? null;
}
