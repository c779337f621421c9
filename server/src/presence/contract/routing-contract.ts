import { expect, it } from 'vitest';
import { RoutingStateMissingError } from '../../domain/routing/routing-errors.js';
import { bringOnline, newId, newTenant, type OpenedPresence, T0 } from './fixtures.js';

/** Capacity, the least-load-then-longest-idle order, atomic claims, the queue and rebuilding. */
export function describeRoutingContract(getOpened: () => OpenedPresence): void {
  it('claims respect capacity and take the least loaded, then longest idle, then smallest id', async () => {
    const { presence } = getOpened();
    const tenantId = await newTenant(presence);
    // Ids sorted so that `a` < `b` < `c`; `b` and `c` came online together.
    const [a, b, c] = ['a', 'b', 'c'].map((letter) => `${letter}-${newId()}`) as [string, string, string];
    await bringOnline(presence, tenantId, a, T0 + 300, 1);
    await bringOnline(presence, tenantId, c, T0 + 100, 2);
    await bringOnline(presence, tenantId, b, T0 + 100, 2);

    const claims = [];
    for (let i = 1; i <= 6; i++) claims.push((await presence.claim(tenantId, T0 + 1000 + i))?.agentId ?? null);
    // b and c idle longest (b wins the tie by id), then a; then b and c again by idle time; then nobody.
    expect(claims).toEqual([b, c, a, b, c, null]);
    expect(await presence.get(tenantId, b, T0 + 2000)).toMatchObject({ load: 2, capacity: 2, idleSince: T0 + 1004 });

    await presence.setCapacity(tenantId, a, 2, T0 + 2000);
    expect(await presence.claim(tenantId, T0 + 2001)).toMatchObject({ agentId: a, load: 2 });
  });

  it('skips agents who are away, offline or without a live connection', async () => {
    const { presence } = getOpened();
    const tenantId = await newTenant(presence);
    const [away, offline, disconnected] = [newId('agent'), newId('agent'), newId('agent')];
    await bringOnline(presence, tenantId, away, T0);
    await presence.setStatus(tenantId, away, 'away', T0);
    await bringOnline(presence, tenantId, offline, T0);
    await presence.setStatus(tenantId, offline, 'offline', T0);
    const connection = await bringOnline(presence, tenantId, disconnected, T0);
    await presence.disconnect(tenantId, disconnected, connection, T0);
    expect(await presence.claim(tenantId, T0 + 1)).toBeNull();
  });

  it('release gives load back, never below zero', async () => {
    const { presence } = getOpened();
    const tenantId = await newTenant(presence);
    const agentId = newId('agent');
    await bringOnline(presence, tenantId, agentId, T0, 1);
    await presence.claim(tenantId, T0 + 1);
    expect(await presence.claim(tenantId, T0 + 2)).toBeNull();
    expect(await presence.release(tenantId, agentId, T0 + 3)).toMatchObject({ load: 0, idleSince: T0 + 1 });
    expect(await presence.release(tenantId, agentId, T0 + 4)).toMatchObject({ load: 0 });
    expect(await presence.claim(tenantId, T0 + 5)).toMatchObject({ agentId, load: 1 });
  });

  it('50 concurrent claims from two processes on a total capacity of 10: exactly 10 succeed', async () => {
    const { presence, peer } = getOpened();
    const tenantId = await newTenant(presence);
    const agents = Array.from({ length: 4 }, () => newId('agent'));
    const capacities = [1, 2, 3, 4];
    for (const [i, agentId] of agents.entries()) await bringOnline(presence, tenantId, agentId, T0, capacities[i]);

    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? presence : peer).claim(tenantId, T0 + 10)),
    );
    expect(results.filter((r) => r !== null)).toHaveLength(10);
    const listed = await presence.list(tenantId, T0 + 20);
    for (const agent of listed) expect(agent.load).toBe(agent.capacity);
    expect(listed.reduce((sum, agent) => sum + agent.load, 0)).toBe(10);
  });

  it('the queue is FIFO by enqueue time, keeps places, and reports positions', async () => {
    const { presence } = getOpened();
    const tenantId = await newTenant(presence);
    const [first, second, third] = [newId('conv'), newId('conv'), newId('conv')];
    expect(await presence.enqueue(tenantId, third, T0 + 30)).toBe(1);
    expect(await presence.enqueue(tenantId, first, T0 + 10)).toBe(1);
    expect(await presence.enqueue(tenantId, second, T0 + 20)).toBe(2);
    // Enqueuing again (a retry) keeps the original place.
    expect(await presence.enqueue(tenantId, first, T0 + 99)).toBe(1);
    expect(await presence.queue(tenantId)).toEqual([
      { conversationId: first, position: 1 },
      { conversationId: second, position: 2 },
      { conversationId: third, position: 3 },
    ]);

    expect(await presence.dequeue(tenantId, second)).toBe(true);
    expect(await presence.dequeue(tenantId, second)).toBe(false);
    expect(await presence.position(tenantId, third)).toBe(2);
    expect(await presence.position(tenantId, second)).toBeNull();
  });

  it('offer assigns when nobody waits, queues otherwise; claimNext hands out the head after a release', async () => {
    const { presence, peer } = getOpened();
    const tenantId = await newTenant(presence);
    const agentId = newId('agent');
    const [c1, c2, c3] = [newId('conv'), newId('conv'), newId('conv')];
    await bringOnline(presence, tenantId, agentId, T0, 1);

    expect(await presence.offer(tenantId, c1, T0 + 1, T0 + 1)).toMatchObject({
      kind: 'assigned',
      agent: { agentId, load: 1 },
    });
    expect(await presence.offer(tenantId, c2, T0 + 2, T0 + 2)).toEqual({ kind: 'queued', position: 1 });
    expect(await peer.offer(tenantId, c3, T0 + 3, T0 + 3)).toEqual({ kind: 'queued', position: 2 });
    expect(await presence.claimNext(tenantId, T0 + 4)).toBeNull();

    await peer.release(tenantId, agentId, T0 + 5);
    const next = await presence.claimNext(tenantId, T0 + 6);
    expect(next).toEqual({
      conversationId: c2,
      enqueuedAt: T0 + 2,
      teamId: null,
      agent: expect.objectContaining({ agentId, load: 1, idleSince: T0 + 6 }),
    });
    expect(await presence.queue(tenantId)).toEqual([{ conversationId: c3, position: 1 }]);

    // Capacity frees up while someone waits: a newcomer queues behind them instead of jumping ahead.
    await presence.release(tenantId, agentId, T0 + 7);
    expect(await presence.offer(tenantId, newId('conv'), T0 + 8, T0 + 8)).toEqual({ kind: 'queued', position: 2 });
  });

  it('reserve: a chosen agent within capacity, or over it unless offline', async () => {
    const { presence } = getOpened();
    const tenantId = await newTenant(presence);
    const [full, away, offline] = [newId('agent'), newId('agent'), newId('agent')];
    await bringOnline(presence, tenantId, full, T0, 1);
    await presence.claim(tenantId, T0 + 1);
    await bringOnline(presence, tenantId, away, T0);
    await presence.setStatus(tenantId, away, 'away', T0);
    await bringOnline(presence, tenantId, offline, T0);
    await presence.setStatus(tenantId, offline, 'offline', T0);

    expect(await presence.reserve(tenantId, full, T0 + 2, { overCapacity: false })).toBeNull();
    expect(await presence.reserve(tenantId, full, T0 + 2, { overCapacity: true })).toMatchObject({ load: 2 });
    expect(await presence.reserve(tenantId, away, T0 + 3, { overCapacity: false })).toBeNull();
    expect(await presence.reserve(tenantId, away, T0 + 3, { overCapacity: true })).toMatchObject({ load: 1 });
    expect(await presence.reserve(tenantId, offline, T0 + 4, { overCapacity: true })).toBeNull();
    expect(await presence.reserve(tenantId, newId('agent'), T0 + 4, { overCapacity: true })).toBeNull();
  });

  it('routing refuses to run on missing state until rebuilt; rebuild replaces loads and queue', async () => {
    const { presence, peer } = getOpened();
    const tenantId = newId('tenant');
    const [agentId, other] = [newId('agent'), newId('agent')];
    await bringOnline(presence, tenantId, agentId, T0, 3);
    await expect(presence.claim(tenantId, T0)).rejects.toBeInstanceOf(RoutingStateMissingError);
    await expect(peer.queue(tenantId)).rejects.toMatchObject({ code: 'ROUTING_STATE_MISSING', tenantId });

    const queued = [newId('conv'), newId('conv')];
    const snapshot = {
      loads: [{ agentId, load: 2 }],
      queue: [
        { conversationId: queued[1]!, enqueuedAt: T0 + 2 },
        { conversationId: queued[0]!, enqueuedAt: T0 + 1 },
      ],
      capacities: [],
    };
    expect(await presence.rebuild(tenantId, snapshot, { onlyIfMissing: true })).toBe(true);
    expect(await peer.rebuild(tenantId, { loads: [], queue: [], capacities: [] }, { onlyIfMissing: true })).toBe(false);
    expect(await presence.get(tenantId, agentId, T0)).toMatchObject({ load: 2, capacity: 3, status: 'online' });
    expect((await presence.queue(tenantId)).map((q) => q.conversationId)).toEqual(queued);

    // A forced rebuild resets every load not in the snapshot.
    await presence.rebuild(
      tenantId,
      { loads: [{ agentId: other, load: 1 }], queue: [], capacities: [] },
      { onlyIfMissing: false },
    );
    expect(await presence.get(tenantId, agentId, T0)).toMatchObject({ load: 0 });
    expect(await presence.get(tenantId, other, T0)).toMatchObject({ load: 1 });
    expect(await presence.queue(tenantId)).toEqual([]);
  });

  it('capacities survive a rebuild: set from the snapshot, kept for agents it does not list', async () => {
    const { presence, peer } = getOpened();
    // A restart or a flush: the agents reconnect with no capacity known but the default.
    const tenantId = newId('tenant');
    const [raised, lowered, unlisted, offline] = [newId('agent'), newId('agent'), newId('agent'), newId('agent')];
    await bringOnline(presence, tenantId, raised, T0);
    await bringOnline(presence, tenantId, lowered, T0);
    await bringOnline(presence, tenantId, unlisted, T0, 4);
    const snapshot = {
      loads: [{ agentId: raised, load: 3 }],
      queue: [{ conversationId: newId('conv'), enqueuedAt: T0 }],
      capacities: [
        { agentId: raised, capacity: 5 },
        { agentId: lowered, capacity: 0 },
        { agentId: offline, capacity: 7 },
      ],
    };
    expect(await peer.rebuild(tenantId, snapshot, { onlyIfMissing: true })).toBe(true);

    expect(await presence.get(tenantId, raised, T0 + 1)).toMatchObject({ capacity: 5, load: 3 });
    expect(await presence.get(tenantId, lowered, T0 + 1)).toMatchObject({ capacity: 0, load: 0 });
    expect(await presence.get(tenantId, unlisted, T0 + 1)).toMatchObject({ capacity: 4 });
    // An agent whose console is not connected yet is known with their capacity, and offline.
    expect(await presence.get(tenantId, offline, T0 + 1)).toMatchObject({ capacity: 7, status: 'offline' });
    // Routing uses them: the raised agent (load 3 of 5, over the default 2) still has room; the lowered one none.
    expect(await presence.reserve(tenantId, raised, T0 + 2, { overCapacity: false })).toMatchObject({ load: 4 });
    expect(await presence.reserve(tenantId, lowered, T0 + 3, { overCapacity: false })).toBeNull();
  });
}
