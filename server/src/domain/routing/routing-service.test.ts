import { expect, it } from 'vitest';
import { newId } from '../../store/contract/fixtures.js';
import { describeWithEachPresence, routingTestOptions } from '../../test-support/routing-harness.js';

describeWithEachPresence('routing service', (harness) => {
  it('two agents of capacity 1, three chats: two assigned, the third waits, then goes to whoever frees up', async () => {
    const h = harness();
    const [alice, bob] = [await h.addAgent(), await h.addAgent()];
    const first = await h.startChat();
    const second = await h.startChat();
    const third = await h.startChat();

    // Alice has been idle longest, so she gets the first chat.
    expect(first).toMatchObject({ position: null, assigned: [{ id: first.conversation.id, assigneeId: alice.id }] });
    expect(second).toMatchObject({ position: null, assigned: [{ assigneeId: bob.id }] });
    expect(third).toMatchObject({ position: 1, assigned: [], queue: null });
    expect(await h.assigneeOf(third.conversation)).toBeNull();

    const outcome = await h.resolve(second.conversation);
    expect(outcome.assigned).toEqual([expect.objectContaining({ id: third.conversation.id, assigneeId: bob.id })]);
    expect(outcome.agents).toEqual([expect.objectContaining({ agentId: bob.id, load: 1 })]);
    expect(outcome.queue).toEqual([]);
    expect(await h.assigneeOf(third.conversation)).toBe(bob.id);
    // The resolved chat keeps its agent on record.
    expect(await h.assigneeOf(second.conversation)).toBe(bob.id);
  });

  it('tells every waiting shopper their new position when the queue moves', async () => {
    const h = harness();
    const alice = await h.addAgent();
    const busy = await h.startChat();
    const waiting = [await h.startChat(), await h.startChat(), await h.startChat()];
    expect(waiting.map((w) => w.position)).toEqual([1, 2, 3]);

    // A waiting shopper gives up (the chat is resolved unassigned): those behind move up.
    const left = await h.resolve(waiting[0]!.conversation);
    expect(left.queue).toEqual([
      { conversationId: waiting[1]!.conversation.id, position: 1 },
      { conversationId: waiting[2]!.conversation.id, position: 2 },
    ]);
    const moved = await h.resolve(busy.conversation);
    expect(moved.assigned.map((c) => c.id)).toEqual([waiting[1]!.conversation.id]);
    expect(moved.queue).toEqual([{ conversationId: waiting[2]!.conversation.id, position: 1 }]);
    expect(await h.routing.positionOf(waiting[2]!.conversation)).toBe(1);
    expect(await h.loadOf(alice)).toBe(1);
  });

  it('transfer: by the assignee, to an online colleague with room; the freed slot takes the next chat', async () => {
    const h = harness();
    const [alice, bob] = [await h.addAgent(), await h.addAgent()];
    const chat = await h.startChat();
    await h.startChat(); // Bob's
    const waiting = await h.startChat();
    await h.routing.setCapacity(await h.addAgent('admin', false), bob.id, 2);
    // Raising Bob's capacity drained the queue to him.
    expect(await h.assigneeOf(waiting.conversation)).toBe(bob.id);
    const carol = await h.addAgent();

    await expect(h.routing.transfer(bob, chat.conversation.id, carol.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(h.routing.transfer(alice, chat.conversation.id, bob.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(h.routing.transfer(alice, chat.conversation.id, newId())).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await h.assigneeOf(chat.conversation)).toBe(alice.id);
    expect([await h.loadOf(alice), await h.loadOf(bob), await h.loadOf(carol)]).toEqual([1, 2, 0]);

    const moved = await h.routing.transfer(alice, chat.conversation.id, carol.id);
    expect(moved.assigned.map((c) => [c.id, c.assigneeId])).toEqual([[chat.conversation.id, carol.id]]);
    expect(moved.agents.map((a) => [a.agentId, a.load])).toEqual([
      [carol.id, 1],
      [alice.id, 0],
    ]);
    expect(moved.queue).toBeNull();
    // Alice's freed slot takes the next chat.
    expect((await h.startChat()).assigned[0]?.assigneeId).toBe(alice.id);
  });

  it('reassign: supervisors only, over capacity allowed, never to an offline agent; works on waiting chats', async () => {
    const h = harness();
    const [alice, bob] = [await h.addAgent(), await h.addAgent()];
    const supervisor = await h.addAgent('supervisor', false);
    const offline = await h.addAgent('agent', false);
    const aliceChat = await h.startChat();
    await h.startChat(); // Bob's
    const waiting = [await h.startChat(), await h.startChat()];

    await expect(h.routing.reassign(alice, aliceChat.conversation.id, bob.id)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(h.routing.reassign(supervisor, aliceChat.conversation.id, offline.id)).rejects.toMatchObject({
      code: 'CONFLICT',
    });

    const overCapacity = await h.routing.reassign(supervisor, aliceChat.conversation.id, bob.id);
    expect(overCapacity.assigned.map((c) => c.assigneeId)).toEqual([bob.id, alice.id]);
    expect([await h.loadOf(alice), await h.loadOf(bob)]).toEqual([1, 2]);
    expect(await h.assigneeOf(waiting[0]!.conversation)).toBe(alice.id);
    expect(overCapacity.queue).toEqual([{ conversationId: waiting[1]!.conversation.id, position: 1 }]);

    const fromQueue = await h.routing.reassign(supervisor, waiting[1]!.conversation.id, alice.id);
    expect(fromQueue.assigned.map((c) => c.assigneeId)).toEqual([alice.id]);
    expect(fromQueue.queue).toEqual([]);
    expect(await h.loadOf(alice)).toBe(2);
  });

  it('an agent who goes offline keeps their chats; new ones wait until someone is online', async () => {
    const h = harness();
    const alice = await h.addAgent();
    const chat = await h.startChat();
    const change = await h.routing.setStatus(alice, 'offline');
    expect(change.change).toMatchObject({ changed: true, presence: { status: 'offline', load: 1 } });
    expect(await h.assigneeOf(chat.conversation)).toBe(alice.id);

    const waiting = await h.startChat();
    expect(waiting.position).toBe(1);
    const bob = await h.addAgent();
    expect(await h.assigneeOf(waiting.conversation)).toBe(bob.id);
  });

  it('goes away when the last console closes, or when a dead process stops heartbeating', async () => {
    const h = harness();
    const alice = await h.addAgent('agent', false);
    const [tab1, tab2] = [newId(), newId()];
    await h.routing.connect(alice, tab1);
    const joined = await h.routing.connect(alice, tab2);
    expect(joined.presence.connections).toBe(2);
    await h.routing.setStatus(alice, 'online');
    expect(await h.routing.disconnect(alice, tab1)).toMatchObject({ changed: false });
    expect(await h.routing.disconnect(alice, tab2)).toMatchObject({ changed: true, presence: { status: 'away' } });

    const bob = await h.addAgent();
    h.clock.advance(routingTestOptions.connectionTtlMs);
    expect(await h.routing.sweepExpiredConnections()).toEqual([
      { tenantId: h.site.tenantId, agents: [expect.objectContaining({ agentId: bob.id, status: 'away' })] },
    ]);
    expect((await h.startChat()).position).toBe(1);
  });
});
