import type { Conversation } from '@aftercare/shared';
import { expect, it } from 'vitest';
import type { Store } from '../../domain/store.js';
import { newConversation, newId, newMessage, newSite, seedConversation, seedCustomer, T0 } from './fixtures.js';

const product = { name: 'Kettle K2', sku: 'K2-BLK', price: 199, currency: 'CNY', url: 'https://shop.example/k2' };

/** Conversations: idempotent start, one open per customer, status, assignee, listing and receipts. */
export function describeConversationContract(getStore: () => Store): void {
  it('start: creates once per request id and returns the open conversation afterwards', async () => {
    const store = getStore();
    const { customer } = await seedCustomer(store);
    const conversation = newConversation(customer, { product });
    const requestId = newId();

    const first = await store.conversations.start({ conversation, requestId });
    expect(first).toEqual({ conversation, created: true });
    expect(await store.conversations.getById(conversation.id)).toEqual(conversation);

    const retry = await store.conversations.start({ conversation: newConversation(customer), requestId });
    expect(retry).toEqual({ conversation, created: false });

    const other = await store.conversations.start({ conversation: newConversation(customer), requestId: newId() });
    expect(other).toEqual({ conversation, created: false });
    expect(await store.conversations.listByCustomer(customer.id, 10)).toEqual([conversation]);
    expect(await store.conversations.getById(newId())).toBeNull();
  });

  it('start: after the open conversation is resolved, a new start creates a new one', async () => {
    const store = getStore();
    const { customer } = await seedCustomer(store);
    const firstRequest = newId();
    const first = await store.conversations.start({ conversation: newConversation(customer), requestId: firstRequest });
    const resolved = await store.conversations.setStatus(first.conversation.id, 'resolved', T0 + 10);
    expect(resolved).toEqual({ ...first.conversation, status: 'resolved', updatedAt: T0 + 10, resolvedAt: T0 + 10 });

    const second = newConversation(customer, { createdAt: T0 + 20, updatedAt: T0 + 20 });
    expect(await store.conversations.start({ conversation: second, requestId: newId() })).toEqual({
      conversation: second,
      created: true,
    });
    // A late retry of the first request still gets the conversation that request created.
    const lateRetry = await store.conversations.start({
      conversation: newConversation(customer),
      requestId: firstRequest,
    });
    expect(lateRetry).toEqual({ conversation: resolved, created: false });
  });

  it('start: two racing starts with different request ids give one conversation', async () => {
    const store = getStore();
    const { customer } = await seedCustomer(store);
    const results = await Promise.all(
      [1, 2, 3].map(() => store.conversations.start({ conversation: newConversation(customer), requestId: newId() })),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.conversation.id)).size).toBe(1);
    expect(await store.conversations.listByCustomer(customer.id, 10)).toHaveLength(1);
  });

  it('setStatus: reopens, refuses a second open conversation, and returns null when unknown', async () => {
    const store = getStore();
    const { customer } = await seedCustomer(store);
    const old = (await store.conversations.start({ conversation: newConversation(customer), requestId: newId() }))
      .conversation;
    await store.conversations.setStatus(old.id, 'resolved', T0 + 10);
    const reopened = await store.conversations.setStatus(old.id, 'open', T0 + 20);
    expect(reopened).toEqual({ ...old, status: 'open', updatedAt: T0 + 20, resolvedAt: null });
    await store.conversations.setStatus(old.id, 'resolved', T0 + 30);

    const current = newConversation(customer, { createdAt: T0 + 40, updatedAt: T0 + 40 });
    await store.conversations.start({ conversation: current, requestId: newId() });
    await expect(store.conversations.setStatus(old.id, 'open', T0 + 50)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await store.conversations.getById(old.id)).toMatchObject({ status: 'resolved', resolvedAt: T0 + 30 });
    expect(await store.conversations.getById(current.id)).toEqual(current);
    expect(await store.conversations.setStatus(newId(), 'resolved', T0)).toBeNull();
  });

  it('setAssignee: compare-and-set on the current assignee, open conversations only', async () => {
    const store = getStore();
    const conversation = await seedConversation(store);
    const [alice, bob] = [newId(), newId()];

    const assigned = { ...conversation, assigneeId: alice, updatedAt: T0 + 10 };
    expect(await store.conversations.setAssignee(conversation.id, alice, null, T0 + 10)).toEqual({
      changed: true,
      conversation: assigned,
    });
    // A stale expectation (someone else already moved it) changes nothing.
    expect(await store.conversations.setAssignee(conversation.id, bob, null, T0 + 20)).toEqual({
      changed: false,
      conversation: assigned,
    });
    // Setting the assignee it already has is a no-op: `updatedAt` stays.
    expect(await store.conversations.setAssignee(conversation.id, alice, alice, T0 + 30)).toEqual({
      changed: false,
      conversation: assigned,
    });
    const moved = await store.conversations.setAssignee(conversation.id, bob, alice, T0 + 40);
    expect(moved).toEqual({ changed: true, conversation: { ...conversation, assigneeId: bob, updatedAt: T0 + 40 } });
    const unassigned = await store.conversations.setAssignee(conversation.id, null, bob, T0 + 50);
    expect(unassigned).toEqual({
      changed: true,
      conversation: { ...conversation, assigneeId: null, updatedAt: T0 + 50 },
    });
    expect(await store.conversations.getById(conversation.id)).toEqual(unassigned.conversation);

    const resolved = await store.conversations.setStatus(conversation.id, 'resolved', T0 + 60);
    expect(await store.conversations.setAssignee(conversation.id, alice, null, T0 + 70)).toEqual({
      changed: false,
      conversation: resolved,
    });
    expect(await store.conversations.setAssignee(newId(), alice, null, T0)).toEqual({
      changed: false,
      conversation: null,
    });
  });

  it('setAssignee: of two writes giving a chat to the same agent in the same millisecond, only the first wrote', async () => {
    const store = getStore();
    const conversation = await seedConversation(store);
    const alice = newId();
    // Two processes routing the same chat (one from the queue, one as new) can pick the same agent:
    // the rows stored afterwards are identical, so only `changed` tells whose write it was, and the
    // agent's load must be counted once.
    const [first, second] = await Promise.all([
      store.conversations.setAssignee(conversation.id, alice, null, T0 + 10),
      store.conversations.setAssignee(conversation.id, alice, null, T0 + 10),
    ]);
    expect([first.changed, second.changed].sort()).toEqual([false, true]);
    expect(first.conversation).toEqual(second.conversation);
    const [routed, again] = await Promise.all([
      store.conversations.setRouting(conversation.id, { assigneeId: null, teamId: 't1' }, alice, T0 + 20),
      store.conversations.setRouting(conversation.id, { assigneeId: null, teamId: 't1' }, alice, T0 + 20),
    ]);
    expect([routed.changed, again.changed].sort()).toEqual([false, true]);
  });

  it('listByCustomer: newest first, at most `limit`', async () => {
    const store = getStore();
    const { customer } = await seedCustomer(store);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const at = T0 + i * 100;
      const conversation = newConversation(customer, { createdAt: at, updatedAt: at });
      await store.conversations.start({ conversation, requestId: newId() });
      await store.conversations.setStatus(conversation.id, 'resolved', at + 50);
      ids.push(conversation.id);
    }
    const listed = await store.conversations.listByCustomer(customer.id, 10);
    expect(listed.map((c) => c.id)).toEqual([...ids].reverse());
    expect((await store.conversations.listByCustomer(customer.id, 2)).map((c) => c.id)).toEqual([ids[2], ids[1]]);
    expect(await store.conversations.listByCustomer(newId(), 10)).toEqual([]);
  });

  it('listByTenant: newest updatedAt first, filtered by status, paged with `before`, isolated by tenant', async () => {
    const store = getStore();
    const site = newSite();
    const byAge: Conversation[] = [];
    for (let i = 0; i < 5; i++) {
      const at = T0 + i * 1000;
      byAge.push(await seedConversation(store, { site, overrides: { createdAt: at, updatedAt: at } }));
    }
    // Resolving moves updatedAt, so the resolved ones become the newest.
    const resolvedA = await store.conversations.setStatus(byAge[1]!.id, 'resolved', T0 + 10_000);
    const resolvedB = await store.conversations.setStatus(byAge[3]!.id, 'resolved', T0 + 11_000);
    await seedConversation(store, { overrides: { createdAt: T0 + 20_000, updatedAt: T0 + 20_000 } });

    const ids = (list: Conversation[]) => list.map((c) => c.id);
    const all = await store.conversations.listByTenant({ tenantId: site.tenantId, limit: 50 });
    expect(ids(all)).toEqual([resolvedB!.id, resolvedA!.id, byAge[4]!.id, byAge[2]!.id, byAge[0]!.id]);
    expect(all[0]).toEqual(resolvedB);

    const open = await store.conversations.listByTenant({ tenantId: site.tenantId, status: 'open', limit: 50 });
    expect(ids(open)).toEqual([byAge[4]!.id, byAge[2]!.id, byAge[0]!.id]);
    const resolved = await store.conversations.listByTenant({ tenantId: site.tenantId, status: 'resolved', limit: 50 });
    expect(ids(resolved)).toEqual([resolvedB!.id, resolvedA!.id]);

    const page = await store.conversations.listByTenant({ tenantId: site.tenantId, limit: 2 });
    expect(ids(page)).toEqual([resolvedB!.id, resolvedA!.id]);
    const next = await store.conversations.listByTenant({ tenantId: site.tenantId, before: T0 + 10_000, limit: 2 });
    expect(ids(next)).toEqual([byAge[4]!.id, byAge[2]!.id]);
    // `before` is strict: the conversation updated exactly at T0 + 4000 is not included.
    const strict = await store.conversations.listByTenant({
      tenantId: site.tenantId,
      status: 'open',
      before: T0 + 4000,
      limit: 50,
    });
    expect(ids(strict)).toEqual([byAge[2]!.id, byAge[0]!.id]);
    expect(await store.conversations.listByTenant({ tenantId: newId(), limit: 50 })).toEqual([]);
  });

  it('advanceReceipt: moves forward only, read implies delivered, clamps to lastSeq', async () => {
    const store = getStore();
    const conversation = await seedConversation(store);
    // System messages, so that appending moves neither side's markers and only advanceReceipt does.
    const system = { kind: 'system' as const, id: '', name: null };
    for (let i = 0; i < 5; i++) {
      await store.messages.append(newMessage(conversation.id, { createdAt: T0 + 100 + i, author: system }));
    }
    const receipts = async (side: 'visitor' | 'agent', kind: 'delivered' | 'read', seq: number) => {
      const updated = await store.conversations.advanceReceipt(conversation.id, side, kind, seq, T0 + 9000);
      return updated && { visitor: updated.visitorReceipts, agent: updated.agentReceipts };
    };
    const zero = { deliveredSeq: 0, readSeq: 0 };

    expect(await receipts('visitor', 'delivered', 3)).toEqual({
      visitor: { deliveredSeq: 3, readSeq: 0 },
      agent: zero,
    });
    expect(await receipts('visitor', 'delivered', 2)).toEqual({
      visitor: { deliveredSeq: 3, readSeq: 0 },
      agent: zero,
    });
    expect(await receipts('visitor', 'read', 4)).toEqual({ visitor: { deliveredSeq: 4, readSeq: 4 }, agent: zero });
    expect(await receipts('visitor', 'read', 1)).toEqual({ visitor: { deliveredSeq: 4, readSeq: 4 }, agent: zero });
    expect(await receipts('visitor', 'delivered', 99)).toEqual({
      visitor: { deliveredSeq: 5, readSeq: 4 },
      agent: zero,
    });
    expect(await receipts('agent', 'read', 99)).toEqual({
      visitor: { deliveredSeq: 5, readSeq: 4 },
      agent: { deliveredSeq: 5, readSeq: 5 },
    });
    const stored = await store.conversations.getById(conversation.id);
    expect(stored?.agentReceipts).toEqual({ deliveredSeq: 5, readSeq: 5 });
    // Receipts are not activity: they must not reorder the queue or disturb `before` paging.
    expect(stored?.updatedAt).toBe(T0 + 104);
    expect(await store.conversations.advanceReceipt(newId(), 'visitor', 'read', 1, T0)).toBeNull();
  });
}
