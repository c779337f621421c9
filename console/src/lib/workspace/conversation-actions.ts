import type { Message } from '@aftercare/shared';
import { request } from '../agent-socket.js';
import {
  isWholeHistory,
  learnFromMessages,
  mapConversation,
  storeConversation,
  type WorkspaceContext,
} from './context.js';
import { withCustomers } from './inbox-actions.js';
import {
  heldThrough,
  lastSeqOf,
  mergeMessages,
  olderPageMessages,
  olderPageRequest,
  settleOutbox,
} from './messages.js';
import { loadingConversation } from './state.js';

/** Sync pages fetched in one catch-up at most; a longer gap is finished by the next reconnect. */
const MAX_SYNC_PAGES = 20;

/** Opens a conversation in the middle column; a later selection wins over a slower earlier one. */
export async function openConversation(ctx: WorkspaceContext, conversationId: string): Promise<void> {
  ctx.store.set((state) => ({ ...state, actionError: null, active: loadingConversation(conversationId) }));
  const res = await request(ctx.socket, 'conversation:open', { conversationId });
  ctx.store.set((state) => {
    if (state.active?.id !== conversationId) return state;
    if ('error' in res) {
      // Offline: stay in "loading"; the next connect opens it again.
      if (res.error.code === 'OFFLINE') return state;
      return { ...state, active: { ...state.active, status: 'error' } };
    }
    const { conversation, customer, messages } = res.data;
    const merged = mergeMessages(state.active.messages, messages);
    const next = learnFromMessages(
      storeConversation({ ...state, customers: withCustomers(state.customers, [customer]) }, conversation),
      conversationId,
      messages,
      isWholeHistory(messages),
    );
    return {
      ...next,
      outbox: settleOutbox(next.outbox, messages),
      active: {
        ...loadingConversation(conversationId),
        status: 'ready',
        conversation: next.active?.conversation ?? conversation,
        customer,
        messages: merged,
        // Read before the newest page: everything from that page's start up to its lastSeq is held.
        syncedSeq: conversation.lastSeq,
        hasOlder: merged.length > 0 && merged[0]!.seq > 1,
      },
    };
  });
}

/**
 * Catches the open conversation up from the last sequence up to which it holds every message (see
 * `heldThrough`), page by page. Runs after every reconnect whether or not socket.io recovered the
 * connection state, as the protocol promises exactly the missed messages from storage, and after a
 * live message that leaves a gap.
 */
export async function syncActive(ctx: WorkspaceContext): Promise<void> {
  const active = ctx.store.get().active;
  if (!active) return;
  if (active.status !== 'ready') return openConversation(ctx, active.id);
  let afterSeq = heldThrough(active.messages, active.syncedSeq);
  for (let page = 0; page < MAX_SYNC_PAGES; page++) {
    if (ctx.store.get().active?.id !== active.id) return;
    const res = await request(ctx.socket, 'messages:sync', { conversationId: active.id, afterSeq });
    if ('error' in res) return;
    const { messages, conversation, hasMore } = res.data;
    const last = messages.at(-1);
    const done = !hasMore || !last;
    ctx.store.set((state) => {
      if (state.active?.id !== active.id) return state;
      // Only agent messages are learnt from here: a sync page is never the whole history.
      const next = learnFromMessages(storeConversation(state, conversation), active.id, messages, false);
      if (!next.active) return next;
      const merged = mergeMessages(next.active.messages, messages);
      const { syncedSeq } = next.active;
      return {
        ...next,
        outbox: settleOutbox(next.outbox, messages),
        active: {
          ...next.active,
          messages: merged,
          // Read before the last page, the conversation vouches for every sequence up to its
          // lastSeq. (An overlapping sync may have read an older one: the cursor never moves back.)
          syncedSeq: done ? heldThrough(merged, Math.max(syncedSeq, conversation.lastSeq)) : syncedSeq,
        },
      };
    });
    if (done) return;
    afterSeq = last.seq;
  }
}

/** Empty windows skipped in one "load older" before giving the agent control back. */
const MAX_EMPTY_WINDOWS = 10;

/**
 * Loads the page of history before the oldest message shown (see `olderPageRequest`). Sequence
 * gaps can leave a whole window empty; then the window moves further back, a few times at most.
 */
export async function loadOlder(ctx: WorkspaceContext): Promise<void> {
  const active = ctx.store.get().active;
  if (active?.status !== 'ready' || !active.hasOlder || active.loadingOlder) return;
  ctx.store.set((state) => (state.active ? { ...state, active: { ...state.active, loadingOlder: true } } : state));
  let before = active.messages[0]?.seq ?? 1;
  let older: Message[] = [];
  let afterSeq = 0;
  let failed = false;
  for (let window = 0; window < MAX_EMPTY_WINDOWS && older.length === 0; window++) {
    const page = olderPageRequest(before, ctx.pageSize);
    afterSeq = page.afterSeq;
    const res = await request(ctx.socket, 'messages:sync', { conversationId: active.id, ...page });
    if ('error' in res) {
      failed = true;
      break;
    }
    older = olderPageMessages(res.data.messages, before);
    if (afterSeq === 0) break;
    before = afterSeq + 1;
  }
  ctx.store.set((state) => {
    if (state.active?.id !== active.id) return state;
    if (failed) return { ...state, active: { ...state.active, loadingOlder: false } };
    return {
      ...state,
      active: {
        ...state.active,
        loadingOlder: false,
        messages: mergeMessages(state.active.messages, older),
        hasOlder: afterSeq > 0,
      },
    };
  });
}

/** Resolves or reopens a conversation; the inbox moves it between tabs through `storeConversation`. */
export async function setConversationStatus(
  ctx: WorkspaceContext,
  conversationId: string,
  action: 'resolve' | 'reopen',
): Promise<void> {
  ctx.store.set((state) => ({ ...state, actionError: null }));
  const res = await request(ctx.socket, action === 'resolve' ? 'conversation:resolve' : 'conversation:reopen', {
    conversationId,
  });
  if ('error' in res) {
    ctx.store.set((state) => ({ ...state, actionError: res.error.code }));
    return;
  }
  ctx.store.set((state) => storeConversation(state, res.data.conversation));
}

/**
 * Tells the server the agent has read the open conversation up to its newest message. The view
 * calls it whenever messages arrive while the page is visible; repeats are skipped.
 */
export async function markRead(ctx: WorkspaceContext): Promise<void> {
  const active = ctx.store.get().active;
  if (!active?.conversation || active.status !== 'ready') return;
  const seq = lastSeqOf(active.messages);
  const alreadyRead = Math.max(active.conversation.agentReceipts.readSeq, ctx.readSent.get(active.id) ?? 0);
  if (seq === 0 || seq <= alreadyRead) return;
  ctx.readSent.set(active.id, seq);
  const res = await request(ctx.socket, 'receipt:update', { conversationId: active.id, kind: 'read', seq });
  if ('error' in res) {
    ctx.readSent.delete(active.id); // try again with the next change
    return;
  }
  ctx.store.set((state) =>
    mapConversation(state, active.id, (conversation) => ({
      ...conversation,
      agentReceipts: {
        deliveredSeq: Math.max(
          conversation.agentReceipts.deliveredSeq,
          res.data.conversation.agentReceipts.deliveredSeq,
        ),
        readSeq: Math.max(conversation.agentReceipts.readSeq, res.data.conversation.agentReceipts.readSeq),
      },
    })),
  );
}
