import type { Conversation } from '@aftercare/shared';
import { expect, it } from 'vitest';
import { newConversation, newId, seedConversation, seedCustomer, T0 } from '../../store/contract/fixtures.js';
import { describeWithEachPresence } from '../../test-support/routing-harness.js';
import { readRoutingSnapshot } from './routing-snapshot.js';

describeWithEachPresence('routing across processes and restarts', (harness) => {
  it('two processes routing 20 chats at once on a total capacity of 5 agree: 5 assigned, 15 queued', async () => {
    const h = harness();
    const admin = await h.addAgent('admin', false);
    const team = [await h.addAgent(), await h.addAgent(), await h.addAgent()];
    await h.routing.setCapacity(admin, team[1]!.id, 2);
    await h.routing.setCapacity(admin, team[2]!.id, 2);
    const other = h.otherProcess();
    const chats: Conversation[] = [];
    for (let i = 0; i < 20; i++) {
      chats.push(
        await seedConversation(h.store, { site: h.site, overrides: { createdAt: T0 + i, updatedAt: T0 + i } }),
      );
    }

    const outcomes = await Promise.all(chats.map((chat, i) => (i % 2 ? other : h.routing).routeConversation(chat)));
    expect(outcomes.filter((o) => o.assigned.length === 1)).toHaveLength(5);
    expect(outcomes.filter((o) => o.position !== null)).toHaveLength(15);
    const stored = await Promise.all(chats.map((chat) => h.store.conversations.getById(chat.id)));
    for (const agent of team) {
      const owned = stored.filter((c) => c?.assigneeId === agent.id).length;
      expect(await h.loadOf(agent)).toBe(owned);
    }
    // The queue is in order of arrival, whichever process enqueued first.
    const waiting = stored.filter((c) => c?.assigneeId === null).map((c) => c!.id);
    const queue = await h.presence.queue(h.site.tenantId);
    expect(queue.map((q) => q.conversationId)).toEqual(waiting);
  });

  it('rebuilds load and queue from the store after a restart, and a reopened chat returns to its agent', async () => {
    const h = harness();
    const alice = await h.addAgent();
    const chat = await h.startChat();
    const waiting = await h.startChat();

    // A process restart: presence is empty, the store is not.
    await h.losePresence();
    await h.routing.connect(alice, newId());
    await h.routing.setStatus(alice, 'online');
    expect(await h.loadOf(alice)).toBe(1);
    expect(await h.routing.positionOf(waiting.conversation)).toBe(1);

    await h.resolve(chat.conversation);
    expect(await h.assigneeOf(waiting.conversation)).toBe(alice.id);
    const reopened = await h.store.conversations.setStatus(chat.conversation.id, 'open', h.clock.now());
    const back = await h.routing.conversationReopened(reopened!);
    expect(back).toMatchObject({ position: null, agents: [{ agentId: alice.id, load: 2 }] });
  });

  it('the call that finds the state missing does not count its own change twice', async () => {
    const h = harness();
    const admin = await h.addAgent('admin', false);
    const alice = await h.addAgent();
    await h.routing.setCapacity(admin, alice.id, 2);
    const [first] = [await h.startChat(), await h.startChat()];
    const waiting = await h.startChat();
    expect(waiting.position).toBe(1);

    // Redis comes back empty; Alice's console re-registers (straight on presence: no routing call yet).
    const restoreAlice = async () => {
      await h.losePresence();
      await h.presence.connect(h.site.tenantId, alice.id, newId(), h.clock.now());
      await h.presence.setCapacity(h.site.tenantId, alice.id, 2, h.clock.now());
      await h.presence.setStatus(h.site.tenantId, alice.id, 'online', h.clock.now());
    };
    await restoreAlice();
    // The store already says resolved, so the rebuilt load is 1; releasing on top would make it 0.
    const resolved = await h.resolve(first.conversation);
    expect(resolved.assigned.map((c) => c.id)).toEqual([waiting.conversation.id]);
    expect(await h.loadOf(alice)).toBe(2);

    await h.resolve(waiting.conversation);
    await restoreAlice();
    // The store already holds the new chat (open, unassigned), so the rebuilt queue has it: it must
    // still be routed, not left waiting behind nobody.
    const fresh = await h.startChat();
    expect(fresh).toMatchObject({ position: null, assigned: [{ id: fresh.conversation.id, assigneeId: alice.id }] });
    expect(await h.loadOf(alice)).toBe(2);
  });

  it('capacities are stored and survive a restart: the reconnecting console reports them, routing uses them', async () => {
    const h = harness();
    const admin = await h.addAgent('admin', false);
    const alice = await h.addAgent();
    await h.routing.setCapacity(admin, alice.id, 3);
    expect(await h.store.agents.getById(alice.id)).toMatchObject({ capacity: 3 });
    const chats = [await h.startChat(), await h.startChat(), await h.startChat()];
    expect(chats.map((c) => c.position)).toEqual([null, null, null]);

    // A restart: presence forgets everything; the store still has the chats and the capacity.
    await h.losePresence();
    const { presence } = await h.routing.connect(alice, newId());
    expect(presence).toMatchObject({ capacity: 3, load: 3 });
    await h.routing.setStatus(alice, 'online');
    expect(await h.routing.listPresence(h.site.tenantId)).toEqual([expect.objectContaining({ capacity: 3, load: 3 })]);
    // Full at 3 (not the default, 1 here, which is already below her load): the next chat waits...
    expect((await h.startChat()).position).toBe(1);
    // ...and raising her capacity again is stored as well, and hands it to her.
    const raised = await h.routing.setCapacity(admin, alice.id, 4);
    expect(raised.assigned).toHaveLength(1);
    expect(await h.store.agents.getById(alice.id)).toMatchObject({ capacity: 4 });
  });

  it('a capacity set while presence is missing is not undone by a rebuild from a snapshot read before it', async () => {
    const h = harness();
    const admin = await h.addAgent('admin', false);
    const alice = await h.addAgent();
    await h.routing.setCapacity(admin, alice.id, 2);
    await h.losePresence();
    // Another process found the state missing and read the store while the capacity was still 2...
    const stale = await readRoutingSnapshot(
      { conversations: h.store.conversations, agents: h.store.agents },
      h.site.tenantId,
    );
    // ...the admin raises it meanwhile...
    await h.routing.setCapacity(admin, alice.id, 5);
    // ...and that process's rebuild comes late: it must not apply over the new capacity.
    expect(await h.presence.rebuild(h.site.tenantId, stale, { onlyIfMissing: true })).toBe(false);
    expect(await h.presence.get(h.site.tenantId, alice.id, h.clock.now())).toMatchObject({ capacity: 5 });
    expect(await h.store.agents.getById(alice.id)).toMatchObject({ capacity: 5 });
  });

  it('60 first chats at once on fresh state, from two processes: every waiting chat is in the line', async () => {
    const h = harness();
    const { tenantId } = h.site;
    const admin = await h.addAgent('admin', false);
    const team = [await h.addAgent(), await h.addAgent(), await h.addAgent()];
    for (const [i, agent] of team.entries()) await h.routing.setCapacity(admin, agent.id, i + 2);
    // A colleague who is away holds enough open chats that reading a snapshot takes a few pages:
    // time in which other chats are stored and find the state still missing (as with a remote store).
    const away = await h.addAgent('agent', false);
    for (let i = 0; i < 600; i++) {
      const at = T0 + i;
      await seedConversation(h.store, {
        site: h.site,
        overrides: { assigneeId: away.id, createdAt: at, updatedAt: at },
      });
    }
    const openChats = () => h.store.conversations.listByTenant({ tenantId, status: 'open', limit: 1000 });

    // Each round is a restart (the race only sometimes goes wrong on Redis, so it runs a few times).
    for (let round = 0; round < 3; round++) {
      // Presence is empty; the consoles re-register (straight on presence, no routing call yet), so
      // the chats' routing calls are the ones that find the state missing and race to rebuild.
      await h.losePresence();
      const other = h.otherProcess();
      for (const agent of team) {
        await h.presence.connect(tenantId, agent.id, newId(), h.clock.now());
        await h.presence.setStatus(tenantId, agent.id, 'online', h.clock.now());
      }
      const customers = await Promise.all(
        Array.from({ length: 60 }, async () => (await seedCustomer(h.store, h.site)).customer),
      );
      // The shoppers arrive a few presence round trips apart, on either process.
      const started = await Promise.all(
        customers.map(async (customer, i) => {
          const server = i % 2 ? other : h.routing;
          for (let trip = 0; trip < i % 6; trip++) await (trip % 2 ? other : h.routing).listPresence(tenantId);
          const at = h.clock.now() + i;
          const { conversation } = await h.store.conversations.start({
            conversation: newConversation(customer, { createdAt: at, updatedAt: at }),
            requestId: newId(),
          });
          return { conversation, ...(await server.routeConversation(conversation)) };
        }),
      );
      h.clock.advance(1000);

      const open = await openChats();
      const waiting = open.filter((c) => c.assigneeId === null).map((c) => c.id);
      const queue = (await h.presence.queue(tenantId)).map((q) => q.conversationId);
      expect([...queue].sort()).toEqual([...waiting].sort());
      // The stored capacities (2 + 3 + 4) were rebuilt too, and each load is what the store assigned.
      expect(waiting).toHaveLength(60 * (round + 1) - 9);
      for (const [i, agent] of [...team, away].entries()) {
        const owned = open.filter((c) => c.assigneeId === agent.id).length;
        expect(owned).toBe(agent === away ? 600 : i + 2);
        expect(await h.loadOf(agent)).toBe(owned);
      }
      // Every waiting shopper was told a place in the line; every assignment was reported (by
      // whichever call made it: a chat may be handed out by another call's drain).
      const assigned = new Map(started.flatMap((s) => s.assigned.map((c) => [c.id, c.assigneeId] as const)));
      for (const { conversation, position } of started) {
        const assignee = open.find((c) => c.id === conversation.id)?.assigneeId;
        if (assignee === null) expect(position).not.toBeNull();
        else expect(assigned.get(conversation.id)).toBe(assignee);
      }
    }
  });
});
