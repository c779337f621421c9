import type { Conversation, Message } from '@aftercare/shared';
import { testConversation } from '@aftercare/shared/testing/test-conversation.js';
import { describe, expect, it } from 'vitest';
import { ChatStore } from './chat-store.js';
import { createOutbox } from './outbox.js';
import { safeStorage } from './storage.js';

const conversation = (patch: Partial<Conversation> = {}): Conversation =>
  testConversation('c1', { customerId: 'cu', createdAt: 1, updatedAt: 1, ...patch });

const message = (seq: number, kind: 'visitor' | 'agent', clientId = `m${seq}`): Message => ({
  id: `id${seq}`,
  conversationId: 'c1',
  clientId,
  seq,
  author: { kind, id: kind, name: kind === 'agent' ? 'Ann' : null },
  text: `text ${seq}`,
  internal: false,
  attachments: [],
  createdAt: seq,
});

function setup() {
  const storage = safeStorage(null);
  const outbox = createOutbox(storage, 'outbox');
  return { storage, outbox, store: new ChatStore(storage, 'active', outbox) };
}

describe('ChatStore', () => {
  it('merges messages by id in seq order and counts unread agent messages', () => {
    const { store } = setup();
    store.show(conversation(), []);
    store.receive([message(3, 'agent'), message(1, 'visitor')]);
    store.receive([message(2, 'agent'), message(3, 'agent')]);
    expect(store.state.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(store.state.unread).toBe(2);
    store.setReceipts('visitor', { deliveredSeq: 3, readSeq: 3 });
    expect(store.state.unread).toBe(0);
  });

  it('drops an outbox entry once the server has the message, even without the ack', () => {
    const { store, outbox } = setup();
    store.show(conversation(), []);
    outbox.add({ clientId: 'abc', conversationId: 'c1', text: 'hi', createdAt: 1 });
    store.refreshPending();
    expect(store.state.pending).toHaveLength(1);
    store.receive([message(1, 'visitor', 'abc')]);
    expect(store.state.pending).toHaveLength(0);
    expect(outbox.list()).toEqual([]);
  });

  it('never moves receipts backwards', () => {
    const { store } = setup();
    store.show(conversation(), []);
    store.setReceipts('visitor', { deliveredSeq: 5, readSeq: 4 });
    store.setConversation(conversation({ visitorReceipts: { deliveredSeq: 2, readSeq: 2 } }));
    expect(store.state.conversation?.visitorReceipts).toEqual({ deliveredSeq: 5, readSeq: 4 });
  });

  it('saves the open conversation for the next page and forgets it once resolved', () => {
    const { store, storage, outbox } = setup();
    store.show(conversation(), [message(1, 'visitor')]);
    const next = new ChatStore(storage, 'active', outbox);
    expect(next.state.conversation?.id).toBe('c1');
    expect(next.state.messages).toHaveLength(1);
    store.setConversation(conversation({ status: 'resolved' }));
    expect(storage.get('active')).toBeNull();
  });

  it('keeps refused messages only while their conversation is on screen', () => {
    const { store, outbox } = setup();
    outbox.add({ clientId: 'x', conversationId: 'old', text: 'hi', createdAt: 1 });
    outbox.markFailed('x', 'CONVERSATION_CLOSED');
    store.show(conversation(), []);
    expect(outbox.list()).toEqual([]);
  });

  it("follows the shopper's place in line until an agent takes the chat", () => {
    const { store, storage, outbox } = setup();
    store.show(conversation(), []);
    store.setQueue('c1', 2);
    store.setQueue('other', 1); // Another conversation's line: not this one.
    expect(store.state.queue).toBe(2);
    store.setQueue('c1', 1);
    store.setConversation(conversation({ lastSeq: 1 })); // Still unassigned: the place stays.
    store.show(conversation(), []); // Resynced after session:ready: the same conversation keeps it.
    expect(store.state.queue).toBe(1);
    // The next page knows no place until the server's next queue:position.
    expect(new ChatStore(storage, 'active', outbox).state.queue).toBeNull();
    store.setQueue('c1', null); // An agent took it (queue:position may come before conversation:updated).
    expect(store.state.queue).toBeNull();
    store.setQueue('c1', 1); // Back in line (say the agent left), then assigned again.
    store.setConversation(conversation({ assigneeId: 'agent' }));
    expect(store.state.queue).toBeNull();
  });

  it('forgets the place in line when another conversation comes on screen', () => {
    const { store } = setup();
    store.show(conversation(), []);
    store.setQueue('c1', 4);
    store.show(conversation({ id: 'c2' }), []);
    expect(store.state.queue).toBeNull();
  });
});
