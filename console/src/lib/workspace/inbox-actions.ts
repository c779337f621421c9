import {
  type Conversation,
  type ConversationCursor,
  type ConversationListPayload,
  type ConversationStatus,
  type Customer,
  LIMITS,
} from '@aftercare/shared';
import { request } from '../agent-socket.js';
import type { WorkspaceContext } from './context.js';
import { latestConversation, sortConversations } from './conversation-list.js';
import { type InboxFilters, serverFilters } from './inbox-filters.js';
import type { InboxView, WorkspaceState } from './state.js';

/** Resolved conversations per "Load more" page. */
const RESOLVED_PAGE_SIZE = 50;
/**
 * Pages of open conversations fetched at most (of `LIMITS.listPageMax` each). Open chats are
 * bounded by the team's capacity plus the queue, so this is a safety net, not a normal limit.
 */
const MAX_OPEN_PAGES = 5;

/**
 * (Re)loads every open conversation, page by page: the Unassigned, Mine and All open views are cuts
 * of this one list, so their counts are exact. Called on every connect, so a reconnect never
 * needs a page refresh.
 */
export async function loadOpen(ctx: WorkspaceContext): Promise<void> {
  markLoading(ctx, 'open');
  const live = watchLiveConversations(ctx);
  try {
    await fetchOpen(ctx, live.ids);
  } finally {
    live.stop();
  }
}

async function fetchOpen(ctx: WorkspaceContext, liveIds: ReadonlySet<string>): Promise<void> {
  const fetched: Conversation[] = [];
  const customers: Customer[] = [];
  let cursor: ConversationCursor | null = null;
  let hasMore = false;
  for (let page = 0; page < MAX_OPEN_PAGES; page++) {
    const payload: ConversationListPayload = { status: 'open', limit: LIMITS.listPageMax };
    if (cursor) payload.cursor = cursor;
    const res = await request(ctx.socket, 'conversation:list', payload);
    if ('error' in res) return failed(ctx, 'open', res.error.code);
    fetched.push(...res.data.conversations);
    customers.push(...res.data.customers);
    cursor = res.data.nextCursor;
    hasMore = cursor !== null;
    if (!hasMore) break;
  }
  ctx.store.set((state) => settled(state, 'open', fetched, customers, hasMore, liveIds));
}

/**
 * (Re)loads the newest page of resolved conversations, as many rows as were shown (up to the
 * server's maximum), so a reconnect does not shrink the list the agent scrolled through.
 */
export async function loadResolved(ctx: WorkspaceContext): Promise<void> {
  markLoading(ctx, 'resolved');
  const shown = ctx.store.get().lists.resolved.conversations.length;
  const limit = Math.min(LIMITS.listPageMax, Math.max(RESOLVED_PAGE_SIZE, shown));
  const filters = ctx.store.get().filters;
  const live = watchLiveConversations(ctx);
  const res = await request(ctx.socket, 'conversation:list', { status: 'resolved', limit, ...serverFilters(filters) });
  live.stop();
  if ('error' in res) return failed(ctx, 'resolved', res.error.code);
  const { conversations } = res.data;
  ctx.store.set((state) => {
    // The filters changed while this page was on the wire: the newer request's answer counts.
    if (state.filters !== filters) return state;
    return settled(state, 'resolved', conversations, res.data.customers, res.data.nextCursor !== null, live.ids);
  });
}

/**
 * Appends the next page of resolved conversations: those after the oldest row shown, by the
 * (updatedAt, id) cursor, so rows sharing a millisecond are neither skipped nor repeated.
 */
export async function loadMoreResolved(ctx: WorkspaceContext): Promise<void> {
  const list = ctx.store.get().lists.resolved;
  const oldest = list.conversations[list.conversations.length - 1];
  if (list.status !== 'ready' || !list.hasMore || list.loadingMore || !oldest) return;
  setList(ctx, 'resolved', { loadingMore: true });
  const filters = ctx.store.get().filters;
  const res = await request(ctx.socket, 'conversation:list', {
    status: 'resolved',
    cursor: { updatedAt: oldest.updatedAt, id: oldest.id },
    limit: RESOLVED_PAGE_SIZE,
    ...serverFilters(filters),
  });
  if ('error' in res) return setList(ctx, 'resolved', { loadingMore: false });
  const { conversations } = res.data;
  ctx.store.set((state) => {
    if (state.filters !== filters) return state;
    const next = settled(
      state,
      'resolved',
      [...state.lists.resolved.conversations, ...conversations],
      res.data.customers,
      false,
      new Set(),
    );
    return {
      ...next,
      lists: {
        ...next.lists,
        resolved: { ...next.lists.resolved, hasMore: res.data.nextCursor !== null },
      },
    };
  });
}

/** Switches the inbox view; the open views share one list, the resolved one loads on first visit. */
export function selectView(ctx: WorkspaceContext, view: InboxView): Promise<void> {
  const state = ctx.store.get();
  if (state.tab === view) return Promise.resolve();
  ctx.store.set((current) => ({ ...current, tab: view }));
  return view === 'resolved' && state.lists.resolved.status !== 'ready' ? loadResolved(ctx) : Promise.resolve();
}

/**
 * Applies the filter bar: the open views are cuts of the list held whole, so they follow at once;
 * the resolved view is paged from the server, so it is fetched again with the filters.
 */
export function setFilters(ctx: WorkspaceContext, filters: InboxFilters): Promise<void> {
  ctx.store.set((state) => ({ ...state, filters }));
  return loadResolved(ctx);
}

/** Adds customers to the id → customer map, returning the same map when nothing is new. */
export function withCustomers(map: Record<string, Customer>, customers: readonly Customer[]): Record<string, Customer> {
  if (customers.length === 0) return map;
  const next = { ...map };
  for (const customer of customers) next[customer.id] = customer;
  return next;
}

function setList(ctx: WorkspaceContext, status: ConversationStatus, patch: Partial<WorkspaceState['lists']['open']>) {
  ctx.store.set((state) => ({
    ...state,
    lists: { ...state.lists, [status]: { ...state.lists[status], ...patch } },
  }));
}

function markLoading(ctx: WorkspaceContext, status: ConversationStatus) {
  if (ctx.store.get().lists[status].status !== 'ready') setList(ctx, status, { status: 'loading' });
}

function failed(ctx: WorkspaceContext, status: ConversationStatus, code: string) {
  // Offline: keep what is shown; the next connect reloads it.
  if (code !== 'OFFLINE') setList(ctx, status, { status: 'error', loadingMore: false });
}

/**
 * The ids of conversations the server announced (created or changed) from now until `stop()`:
 * those happened after a list request went out, so its answer may not have them yet.
 */
function watchLiveConversations(ctx: WorkspaceContext): { ids: ReadonlySet<string>; stop(): void } {
  const ids = new Set<string>();
  const seen = ({ conversation }: { conversation: Conversation }) => void ids.add(conversation.id);
  ctx.socket.on('conversation:created', seen);
  ctx.socket.on('conversation:updated', seen);
  return {
    ids,
    stop() {
      ctx.socket.off('conversation:created', seen);
      ctx.socket.off('conversation:updated', seen);
    },
  };
}

/**
 * The state with a freshly fetched list. A conversation that changed while the request was on
 * the wire (a live event applied to either list meanwhile) keeps its newer copy, so a slow answer
 * cannot bring back a chat that was just resolved or give back one that was just transferred.
 * One the answer lacks is kept only if it was announced live meanwhile (`liveIds`: created, or
 * moved into this list, after the server read its list); any other is gone from this list.
 */
function settled(
  state: WorkspaceState,
  status: ConversationStatus,
  fetched: readonly Conversation[],
  customers: readonly Customer[],
  hasMore: boolean,
  liveIds: ReadonlySet<string>,
): WorkspaceState {
  const live = new Map<string, Conversation>();
  for (const list of Object.values(state.lists)) for (const item of list.conversations) live.set(item.id, item);
  const byId = new Map<string, Conversation>();
  for (const item of fetched) {
    const known = live.get(item.id);
    const latest = known ? latestConversation(known, item) : item;
    if (latest.status === status) byId.set(item.id, latest);
  }
  for (const item of state.lists[status].conversations) {
    if (!byId.has(item.id) && liveIds.has(item.id)) byId.set(item.id, item);
  }
  return {
    ...state,
    customers: withCustomers(state.customers, customers),
    lists: {
      ...state.lists,
      [status]: { status: 'ready', conversations: sortConversations([...byId.values()]), hasMore, loadingMore: false },
    },
  };
}
