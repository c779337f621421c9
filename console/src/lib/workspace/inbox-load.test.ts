import type { Conversation, Customer } from '@aftercare/shared';
import { describe, expect, it } from 'vitest';
import type { WorkspaceContext } from './context.js';
import { loadOpen, loadResolved } from './inbox-actions.js';
import { bindServerEvents } from './server-events.js';
import { testWorkspaceContext } from './test-context.js';
import { testConversation } from './test-conversation.js';

const customer = (id: string) => ({ id, name: id }) as Customer;

/**
 * The agent namespace as the console sees it: `conversation:list` answers with what the server
 * held when the request arrived, but the answer stays on the wire until `answerList()`; live
 * events reach every listener meanwhile, as socket.io delivers them.
 */
function fakeServer(held: Conversation[]) {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const pending: Array<() => void> = [];
  const socket = {
    connected: true,
    on(event: string, listener: (payload: unknown) => void) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)?.add(listener);
      return socket;
    },
    off(event: string, listener?: (payload: unknown) => void) {
      if (listener) listeners.get(event)?.delete(listener);
      else listeners.delete(event);
      return socket;
    },
    timeout: () => ({
      emit(event: string, payload: { status: string }, ack: (err: Error | null, res: unknown) => void) {
        if (event !== 'conversation:list') throw new Error(`unexpected ${event}`);
        const conversations = held.filter((c) => c.status === payload.status);
        const data = { conversations, customers: conversations.map((c) => customer(c.customerId)), nextCursor: null };
        pending.push(() => ack(null, { data }));
      },
    }),
  };
  const emit = (event: string, payload: unknown) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
  const ctx = testWorkspaceContext(socket);
  bindServerEvents(ctx);
  return {
    ctx,
    announce: (conversation: Conversation) =>
      emit('conversation:created', { conversation, customer: customer(conversation.customerId) }),
    update: (conversation: Conversation) => emit('conversation:updated', { conversation }),
    answerList: () => {
      for (const answer of pending.splice(0)) answer();
    },
    listenerCount: (event: string) => listeners.get(event)?.size ?? 0,
  };
}

const ids = (ctx: WorkspaceContext, status: 'open' | 'resolved') =>
  ctx.store.get().lists[status].conversations.map((c) => c.id);

describe('loading the inbox while live events arrive', () => {
  it('keeps a chat created while the first, empty list was on the wire', async () => {
    const server = fakeServer([]);
    const loading = loadOpen(server.ctx);
    server.announce(testConversation('new', { createdAt: 10, updatedAt: 10 }));
    server.answerList();
    await loading;
    expect(ids(server.ctx, 'open')).toEqual(['new']);
    expect(server.ctx.store.get().lists.open.status).toBe('ready');
    expect(server.ctx.store.get().customers['cust-new']).toBeDefined();
  });

  it('keeps a chat created meanwhile even if it is older than the newest one fetched', async () => {
    // The server's clock and the order of answers do not line up with "newer": only "announced meanwhile" counts.
    const server = fakeServer([testConversation('busy', { updatedAt: 500 })]);
    const loading = loadOpen(server.ctx);
    server.announce(testConversation('new', { createdAt: 100, updatedAt: 100 }));
    server.answerList();
    await loading;
    expect(ids(server.ctx, 'open').sort()).toEqual(['busy', 'new']);
  });

  it('drops a shown chat the server no longer lists and nobody announced (resolved while offline)', async () => {
    const gone = testConversation('gone', { updatedAt: 900 });
    const server = fakeServer([testConversation('stays', { updatedAt: 100 })]);
    server.announce(gone); // shown before the reconnect
    const loading = loadOpen(server.ctx);
    server.answerList();
    await loading;
    expect(ids(server.ctx, 'open')).toEqual(['stays']);
  });

  it('lets a chat resolved meanwhile leave the open list and join the resolved one', async () => {
    const chat = testConversation('chat', { updatedAt: 100 });
    const server = fakeServer([chat]);
    const open = loadOpen(server.ctx);
    const resolved = loadResolved(server.ctx);
    server.update({ ...chat, status: 'resolved', resolvedAt: 200, updatedAt: 200 });
    server.answerList();
    await Promise.all([open, resolved]);
    expect(ids(server.ctx, 'open')).toEqual([]);
    expect(ids(server.ctx, 'resolved')).toEqual(['chat']);
  });

  it('stops watching once the answer is in', async () => {
    const server = fakeServer([]);
    const before = server.listenerCount('conversation:created');
    const loading = loadOpen(server.ctx);
    expect(server.listenerCount('conversation:created')).toBe(before + 1);
    server.answerList();
    await loading;
    expect(server.listenerCount('conversation:created')).toBe(before);
  });
});
