import type { Customer, Message } from '@aftercare/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkspaceContext } from './context.js';
import { openConversation, syncActive } from './conversation-actions.js';
import { bindServerEvents } from './server-events.js';
import { testWorkspaceContext } from './test-context.js';
import { testConversation } from './test-conversation.js';

const message = (seq: number): Message => ({
  id: `m${seq}`,
  conversationId: 'conv',
  clientId: `c${seq}`,
  seq,
  author: { kind: seq % 2 ? 'visitor' : 'agent', id: seq % 2 ? 'cust' : 'a1', name: null },
  text: `text ${seq}`,
  internal: false,
  attachments: [],
  createdAt: seq * 1000,
});

const customer = { id: 'cust-conv', name: 'Mia' } as Customer;

/**
 * The agent namespace's side of `conversation:open` and `messages:sync` over `stored` (read at each
 * request), as the server answers them: the conversation read first, then its messages. Records
 * every sync's `afterSeq`; also delivers `message:created` events to the console.
 */
function fakeServer(stored: Message[], openPage = 200) {
  const asked: number[] = [];
  const listeners = new Map<string, (payload: unknown) => void>();
  const conversation = () => testConversation('conv', { lastSeq: Math.max(0, ...stored.map((m) => m.seq)) });
  const answer = (event: string, payload: { afterSeq?: number }) => {
    if (event === 'conversation:open')
      return { conversation: conversation(), customer, messages: stored.slice(-openPage) };
    if (event !== 'messages:sync') throw new Error(`unexpected ${event}`);
    asked.push(payload.afterSeq ?? 0);
    const after = stored.filter((m) => m.seq > (payload.afterSeq ?? 0));
    return { conversation: conversation(), messages: after, hasMore: false };
  };
  const socket = {
    connected: true,
    on(event: string, listener: (payload: unknown) => void) {
      listeners.set(event, listener);
      return socket;
    },
    off: () => socket,
    timeout: () => ({
      emit(event: string, payload: { afterSeq?: number }, ack: (err: Error | null, res: unknown) => void) {
        const data = answer(event, payload);
        queueMicrotask(() => ack(null, { data }));
      },
    }),
    created: (m: Message) => listeners.get('message:created')?.({ message: m }),
  };
  const ctx = testWorkspaceContext(socket);
  return { socket, ctx, asked };
}

const seqs = (ctx: WorkspaceContext) => ctx.store.get().active?.messages.map((m) => m.seq);

describe('syncActive', () => {
  it('resyncs after the last message held without a gap, not after the newest', async () => {
    const stored = [1, 2].map(message);
    const { ctx, asked } = fakeServer(stored);
    await openConversation(ctx, 'conv');
    // The agent's own reply (4) came back before another process relayed the shopper's message (3),
    // then the link dropped: 3 never arrived live.
    stored.push(message(3), message(4));
    ctx.store.set((state) => ({
      ...state,
      active: state.active && { ...state.active, messages: [...state.active.messages, message(4)] },
    }));
    await syncActive(ctx);
    expect(asked).toEqual([2]);
    expect(seqs(ctx)).toEqual([1, 2, 3, 4]);
    expect(ctx.store.get().active?.syncedSeq).toBe(4);
  });

  it('starts from the oldest page opened, not from the first message of the conversation', async () => {
    const stored = Array.from({ length: 300 }, (_, i) => message(i + 1));
    const { ctx, asked } = fakeServer(stored);
    await openConversation(ctx, 'conv');
    expect(ctx.store.get().active?.messages[0]?.seq).toBe(101);
    await syncActive(ctx);
    expect(asked).toEqual([300]);
  });
});

describe('a live message after a gap', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  async function opened(stored: Message[]) {
    const server = fakeServer(stored);
    bindServerEvents(server.ctx);
    const open = openConversation(server.ctx, 'conv');
    await vi.runAllTimersAsync();
    await open;
    return server;
  }

  it('syncs the open conversation when the gap stays open', async () => {
    const stored = [1, 2].map(message);
    const { socket, ctx, asked } = await opened(stored);
    stored.push(message(3), message(4));
    socket.created(message(4));
    await vi.advanceTimersByTimeAsync(999);
    expect(asked).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(asked).toEqual([2]);
    expect(seqs(ctx)).toEqual([1, 2, 3, 4]);
  });

  it('does not sync when the missing message arrives meanwhile', async () => {
    const stored = [1, 2].map(message);
    const { socket, asked } = await opened(stored);
    stored.push(message(3), message(4));
    socket.created(message(4));
    socket.created(message(3));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(asked).toEqual([]);
  });
});
