import { expect, it } from 'vitest';
import type { Store } from '../../domain/store.js';
import { newId, newMessage, seedConversation, T0 } from './fixtures.js';

/** Messages: once per client id, strictly increasing seqs under concurrency, and reading back in order. */
export function describeMessageContract(getStore: () => Store): void {
  it('append: numbers messages 1, 2, 3 and moves the conversation', async () => {
    const store = getStore();
    const conversation = await seedConversation(store);
    const inputs = [1, 2, 3].map((i) => newMessage(conversation.id, { createdAt: T0 + i * 1000 }));
    const results = [];
    for (const input of inputs) results.push(await store.messages.append(input));

    expect(results.map((r) => r?.message.seq)).toEqual([1, 2, 3]);
    expect(results.every((r) => r?.created)).toBe(true);
    const { clientId, id, author, text, createdAt } = inputs[0]!;
    expect(results[0]?.message).toEqual({
      id,
      conversationId: conversation.id,
      clientId,
      seq: 1,
      author,
      text,
      internal: false,
      attachments: [],
      createdAt,
    });
    expect(results[2]?.conversation).toEqual({
      ...conversation,
      lastSeq: 3,
      updatedAt: T0 + 3000,
      visitorReceipts: { deliveredSeq: 3, readSeq: 3 },
      // The shopper wrote last: the shop owes the next answer.
      awaitingReplyFrom: 'agent',
    });
    expect(await store.conversations.getById(conversation.id)).toEqual(results[2]?.conversation);
    expect(await store.messages.count(conversation.id)).toBe(3);
  });

  it("append: moves the author's side's receipts to its own message, and only that side's", async () => {
    const store = getStore();
    const conversation = await seedConversation(store);
    await store.messages.append(newMessage(conversation.id));
    const reply = await store.messages.append(
      newMessage(conversation.id, { author: { kind: 'agent', id: 'agent-1', name: 'Ann' } }),
    );
    expect(reply?.conversation.visitorReceipts).toEqual({ deliveredSeq: 1, readSeq: 1 });
    expect(reply?.conversation.agentReceipts).toEqual({ deliveredSeq: 2, readSeq: 2 });
    const notice = await store.messages.append(
      newMessage(conversation.id, { author: { kind: 'system', id: '', name: null } }),
    );
    expect(notice?.conversation).toMatchObject({
      lastSeq: 3,
      visitorReceipts: { deliveredSeq: 1, readSeq: 1 },
      agentReceipts: { deliveredSeq: 2, readSeq: 2 },
    });
  });

  it('append: a retried client id returns the stored message without a new seq', async () => {
    const store = getStore();
    const conversation = await seedConversation(store);
    const original = newMessage(conversation.id);
    const first = await store.messages.append(original);
    const retry = await store.messages.append({ ...original, id: newId(), text: 'changed', createdAt: T0 + 9000 });

    expect(retry).toEqual({ message: first?.message, created: false, conversation: first?.conversation });
    expect(await store.messages.count(conversation.id)).toBe(1);
    expect((await store.conversations.getById(conversation.id))?.lastSeq).toBe(1);
    expect(await store.messages.findByClientId(conversation.id, original.clientId)).toEqual(first?.message);
    expect(await store.messages.findByClientId(conversation.id, newId())).toBeNull();
  });

  it('append: the same client id in another conversation is another message', async () => {
    const store = getStore();
    const [a, b] = [await seedConversation(store), await seedConversation(store)];
    const clientId = newId();
    const inA = await store.messages.append(newMessage(a.id, { clientId }));
    const inB = await store.messages.append(newMessage(b.id, { clientId }));
    expect(inB?.created).toBe(true);
    expect(inB?.message.id).not.toBe(inA?.message.id);
    expect(inB?.message.conversationId).toBe(b.id);
    expect(await store.messages.findByClientId(a.id, clientId)).toEqual(inA?.message);
  });

  it('append: returns null for an unknown conversation', async () => {
    const store = getStore();
    const unknown = newId();
    expect(await store.messages.append(newMessage(unknown))).toBeNull();
    expect(await store.messages.count(unknown)).toBe(0);
  });

  it('append: 50 concurrent appends get 50 distinct, strictly increasing seqs', async () => {
    const store = getStore();
    const conversation = await seedConversation(store);
    const inputs = Array.from({ length: 50 }, (_, i) => newMessage(conversation.id, { createdAt: T0 + i }));
    const results = await Promise.all(inputs.map((input) => store.messages.append(input)));

    const seqs = results.map((r) => r?.message.seq ?? 0);
    expect(new Set(seqs).size).toBe(50);
    expect(results.every((r) => r?.created)).toBe(true);
    const stored = await store.messages.listAfter(conversation.id, 0, 100, 'agent');
    expect(stored).toHaveLength(50);
    for (let i = 1; i < stored.length; i++) expect(stored[i]!.seq).toBeGreaterThan(stored[i - 1]!.seq);
    expect(new Set(stored.map((m) => m.clientId))).toEqual(new Set(inputs.map((m) => m.clientId)));
    expect((await store.conversations.getById(conversation.id))?.lastSeq).toBe(Math.max(...seqs));
  });

  it('append: concurrent retries of one client id store it once', async () => {
    const store = getStore();
    const conversation = await seedConversation(store);
    const clientId = newId();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => store.messages.append(newMessage(conversation.id, { clientId }))),
    );
    expect(results.filter((r) => r?.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r?.message.id)).size).toBe(1);
    expect(await store.messages.count(conversation.id)).toBe(1);
  });

  it('listAfter, listLatest and count read messages oldest first', async () => {
    const store = getStore();
    const conversation = await seedConversation(store);
    const author = { kind: 'system' as const, id: '', name: null };
    for (let i = 1; i <= 5; i++) {
      await store.messages.append(newMessage(conversation.id, { text: `m${i}`, author, createdAt: T0 + i }));
    }
    const texts = (list: { text: string }[]) => list.map((m) => m.text);

    expect(texts(await store.messages.listAfter(conversation.id, 0, 2, 'agent'))).toEqual(['m1', 'm2']);
    expect(texts(await store.messages.listAfter(conversation.id, 2, 10, 'agent'))).toEqual(['m3', 'm4', 'm5']);
    expect(await store.messages.listAfter(conversation.id, 5, 10, 'agent')).toEqual([]);
    const latest = await store.messages.listLatest(conversation.id, 2, 'agent');
    expect(texts(latest)).toEqual(['m4', 'm5']);
    expect(latest[0]?.author).toEqual(author);
    expect(texts(await store.messages.listLatest(conversation.id, 10, 'agent'))).toEqual([
      'm1',
      'm2',
      'm3',
      'm4',
      'm5',
    ]);
    expect(await store.messages.listLatest(newId(), 10, 'agent')).toEqual([]);
    expect(await store.messages.count(conversation.id)).toBe(5);
  });

  it('listAfter and listLatest show internal notes to agents only', async () => {
    const store = getStore();
    const conversation = await seedConversation(store);
    const agent = { kind: 'agent' as const, id: 'agent-1', name: 'Ann' };
    await store.messages.append(newMessage(conversation.id));
    const note = await store.messages.append(newMessage(conversation.id, { author: agent, internal: true }));
    await store.messages.append(newMessage(conversation.id, { author: agent }));
    expect(note?.message).toMatchObject({ seq: 2, internal: true });

    const seqs = (messages: { seq: number }[]) => messages.map((message) => message.seq);
    expect(seqs(await store.messages.listAfter(conversation.id, 0, 10, 'agent'))).toEqual([1, 2, 3]);
    expect(seqs(await store.messages.listAfter(conversation.id, 0, 10, 'visitor'))).toEqual([1, 3]);
    expect(seqs(await store.messages.listLatest(conversation.id, 2, 'agent'))).toEqual([2, 3]);
    expect(seqs(await store.messages.listLatest(conversation.id, 2, 'visitor'))).toEqual([1, 3]);
  });
}
