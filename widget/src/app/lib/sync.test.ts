import type { Conversation, Message } from '@aftercare/shared';
import { testConversation } from '@aftercare/shared/testing/test-conversation.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChatStore } from './chat-store.js';
import type { VisitorSocket } from './connection.js';
import { bindLiveUpdates } from './live-updates.js';
import { heldThrough } from './messages.js';
import { createOutbox } from './outbox.js';
import { safeStorage } from './storage.js';
import { syncConversation } from './sync.js';

const conversation = (patch: Partial<Conversation> = {}): Conversation =>
  testConversation('c1', { customerId: 'cu', createdAt: 1, updatedAt: 1, ...patch });

const message = (seq: number, internal = false): Message => ({
  id: `id${seq}`,
  conversationId: 'c1',
  clientId: `m${seq}`,
  seq,
  author: { kind: seq % 2 ? 'visitor' : 'agent', id: 'a', name: null },
  text: `text ${seq}`,
  internal,
  attachments: [],
  createdAt: seq,
});

/**
 * The server side of `messages:sync` as the visitor namespace answers it: the conversation read
 * first, then the shopper's messages after `afterSeq` (internal notes left out), `pageSize` at a
 * time. Records every `afterSeq` asked for; also delivers `message:created` events to the widget.
 */
function fakeServer(stored: Message[], pageSize = 200) {
  const asked: number[] = [];
  const listeners = new Map<string, (payload: unknown) => void>();
  const socket = {
    on(event: string, listener: (payload: unknown) => void) {
      listeners.set(event, listener);
      return socket;
    },
    timeout: () => ({
      emit(event: string, payload: { afterSeq: number }, ack: (error: Error | null, response: unknown) => void) {
        if (event !== 'messages:sync') throw new Error(`unexpected ${event}`);
        asked.push(payload.afterSeq);
        const lastSeq = Math.max(0, ...stored.map((m) => m.seq));
        const after = stored.filter((m) => m.seq > payload.afterSeq && !m.internal);
        const data = { messages: after.slice(0, pageSize), hasMore: after.length > pageSize };
        queueMicrotask(() => ack(null, { data: { ...data, conversation: conversation({ lastSeq }) } }));
      },
    }),
    created: (m: Message) => listeners.get('message:created')?.({ message: m }),
  };
  return { socket, asked, visitorSocket: socket as unknown as VisitorSocket };
}

function setup(held: Message[]) {
  const storage = safeStorage(null);
  const outbox = createOutbox(storage, 'outbox');
  const store = new ChatStore(storage, 'active', outbox);
  store.show(conversation(), held);
  return { store, storage, outbox };
}

const seqs = (store: ChatStore) => store.state.messages.map((m) => m.seq);

describe('heldThrough', () => {
  it('is the end of the run of consecutive sequences from where the holder is known complete', () => {
    expect(heldThrough([], 0)).toBe(0);
    expect(heldThrough([message(1), message(2), message(4)], 0)).toBe(2);
    expect(heldThrough([message(1), message(2), message(4)], 3)).toBe(4);
    expect(heldThrough([message(5), message(6)], 2)).toBe(2);
    expect(heldThrough([message(1), message(2)], 7)).toBe(7);
  });
});

describe('syncConversation', () => {
  it('resyncs after the last message held without a gap, not after the newest', async () => {
    // The shopper's own ack (4) overtook another process's broadcast of the agent's reply (3).
    const server = fakeServer([1, 2, 3, 4].map((seq) => message(seq)));
    const { store } = setup([message(1), message(2), message(4)]);
    await syncConversation(server.visitorSocket, store, (messages) => store.receive(messages));
    expect(server.asked).toEqual([2]);
    expect(seqs(store)).toEqual([1, 2, 3, 4]);
    expect(store.state.synced).toBe(4);
  });

  it('takes a gap the finished sync vouches for (an internal note) as held, so it is not fetched again', async () => {
    const server = fakeServer([message(1), message(2), message(3, true), message(4), message(5, true)]);
    const { store } = setup([message(1), message(2)]);
    await syncConversation(server.visitorSocket, store, (messages) => store.receive(messages));
    expect(seqs(store)).toEqual([1, 2, 4]);
    expect(store.state.synced).toBe(5);
    await syncConversation(server.visitorSocket, store, (messages) => store.receive(messages));
    expect(server.asked).toEqual([2, 5]);
  });

  it('pages on after the last message of each page, across gaps inside the pages', async () => {
    const server = fakeServer(
      [1, 2, 3, 4, 5, 6, 7].map((seq) => message(seq, seq === 2 || seq === 5)),
      2,
    );
    const { store } = setup([]);
    await syncConversation(server.visitorSocket, store, (messages) => store.receive(messages));
    expect(server.asked).toEqual([0, 3, 6]);
    expect(seqs(store)).toEqual([1, 3, 4, 6, 7]);
    expect(store.state.synced).toBe(7);
  });

  it('keeps the cursor of a conversation across a reload, and only for that conversation', async () => {
    const server = fakeServer([message(1), message(2, true), message(3)]);
    const { store, storage, outbox } = setup([]);
    await syncConversation(server.visitorSocket, store, (messages) => store.receive(messages));
    const reloaded = new ChatStore(storage, 'active', outbox);
    expect(reloaded.state.synced).toBe(3);
    reloaded.show(conversation(), reloaded.state.messages); // session:ready: the same conversation
    expect(reloaded.state.synced).toBe(3);
    reloaded.show(conversation({ id: 'c2' }), []);
    expect(reloaded.state.synced).toBe(0);
  });

  it('moves the cursor along with live messages, so a reload does not fetch what it no longer saves', async () => {
    const server = fakeServer(Array.from({ length: 150 }, (_, i) => message(i + 1)));
    const { store, storage, outbox } = setup([message(1)]);
    store.receive(Array.from({ length: 149 }, (_, i) => message(i + 2))); // Arrived live, no sync.
    expect(store.state.synced).toBe(150);
    const reloaded = new ChatStore(storage, 'active', outbox);
    expect(reloaded.state.messages[0]?.seq).toBe(51); // The newest 100 are saved.
    await syncConversation(server.visitorSocket, reloaded, (messages) => reloaded.receive(messages));
    expect(server.asked).toEqual([150]);
    expect(reloaded.state.messages).toHaveLength(100);
  });
});

describe('live messages after a gap', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function live(held: Message[]) {
    const server = fakeServer([]);
    const { store } = setup(held);
    const sync = vi.fn();
    bindLiveUpdates(server.visitorSocket, store, {
      receive: (messages) => store.receive(messages),
      onAgentMessage: () => {},
      sync,
    });
    return { server, sync };
  }

  it('syncs when the gap before a live message stays open', () => {
    const { server, sync } = live([message(1), message(2)]);
    server.socket.created(message(4));
    vi.advanceTimersByTime(999);
    expect(sync).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(sync).toHaveBeenCalledTimes(1);
  });

  it('does not sync when the missing message arrives meanwhile, or when nothing is missing', () => {
    const { server, sync } = live([message(1), message(2)]);
    server.socket.created(message(4)); // Relayed by this process before 3, relayed by another.
    server.socket.created(message(3));
    server.socket.created(message(5));
    vi.advanceTimersByTime(5_000);
    expect(sync).not.toHaveBeenCalled();
  });
});
