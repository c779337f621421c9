import { expect, it } from 'vitest';
import { bringOnline, newId, newTenant, type OpenedPresence, T0 } from './fixtures.js';

/**
 * Conversations transferred to a team wait for that team's members only, without holding up the
 * conversations behind them; `claim` can choose among given agents (a transfer to a team).
 */
export function describeTeamQueueContract(getOpened: () => OpenedPresence): void {
  it('claim among given agents takes the best of them, or nobody', async () => {
    const { presence, peer } = getOpened();
    const tenantId = await newTenant(presence);
    const [a, b, c] = ['a', 'b', 'c'].map((letter) => `${letter}-${newId()}`) as [string, string, string];
    await bringOnline(presence, tenantId, a, T0, 2);
    await bringOnline(presence, tenantId, b, T0 + 10, 2);
    await bringOnline(presence, tenantId, c, T0 + 20, 1);

    // `a` idles longest but is not among them; `b` beats `c` on idle time, then `c` has less load.
    expect(await presence.claim(tenantId, T0 + 100, [b, c])).toMatchObject({ agentId: b, load: 1 });
    expect(await peer.claim(tenantId, T0 + 101, [b, c])).toMatchObject({ agentId: c, load: 1 });
    expect(await presence.claim(tenantId, T0 + 102, [c])).toBeNull();
    expect(await presence.claim(tenantId, T0 + 103, [])).toBeNull();
    expect(await presence.claim(tenantId, T0 + 104, [newId('agent')])).toBeNull();
    expect(await presence.get(tenantId, a, T0 + 105)).toMatchObject({ load: 0 });
  });

  it('claimNext gives a team-bound chat to a member only, and skips it for the chats behind', async () => {
    const { presence, peer } = getOpened();
    const tenantId = await newTenant(presence);
    const [member, outsider] = [newId('agent'), newId('agent')];
    const [repairs, refunds] = [newId('team'), newId('team')];
    const teams = { [repairs]: [member], [refunds]: [] };
    const [forRepairs, forRefunds, general] = [newId('conv'), newId('conv'), newId('conv')];
    expect(await presence.enqueue(tenantId, forRepairs, T0 + 1, repairs)).toBe(1);
    expect(await peer.enqueue(tenantId, forRefunds, T0 + 2, refunds)).toBe(2);
    expect(await presence.enqueue(tenantId, general, T0 + 3)).toBe(3);

    await bringOnline(presence, tenantId, outsider, T0 + 10, 5);
    // The outsider may take neither team's chat, but the general one behind them.
    expect(await presence.claimNext(tenantId, T0 + 20, teams)).toEqual({
      conversationId: general,
      enqueuedAt: T0 + 3,
      teamId: null,
      agent: expect.objectContaining({ agentId: outsider, load: 1 }),
    });
    expect(await peer.claimNext(tenantId, T0 + 21, teams)).toBeNull();

    await bringOnline(presence, tenantId, member, T0 + 30, 5);
    expect(await peer.claimNext(tenantId, T0 + 40, teams)).toEqual({
      conversationId: forRepairs,
      enqueuedAt: T0 + 1,
      teamId: repairs,
      agent: expect.objectContaining({ agentId: member, load: 1 }),
    });
    // Refunds has nobody: its chat keeps waiting, at the head now.
    expect(await presence.claimNext(tenantId, T0 + 41, teams)).toBeNull();
    expect(await presence.queue(tenantId)).toEqual([{ conversationId: forRefunds, position: 1 }]);
    // A team not listed (deleted meanwhile) binds nobody: anyone may take its chats.
    expect(await presence.claimNext(tenantId, T0 + 42, { [repairs]: [member] })).toMatchObject({
      conversationId: forRefunds,
      teamId: refunds,
    });
  });

  it('enqueue again keeps the place but replaces the team; dequeue forgets it', async () => {
    const { presence, peer } = getOpened();
    const tenantId = await newTenant(presence);
    const agentId = newId('agent');
    const team = newId('team');
    const [first, second] = [newId('conv'), newId('conv')];
    await presence.enqueue(tenantId, first, T0 + 1);
    await presence.enqueue(tenantId, second, T0 + 2);
    expect(await peer.enqueue(tenantId, first, T0 + 99, team)).toBe(1);
    await bringOnline(presence, tenantId, agentId, T0 + 10, 5);
    // `first` now waits for a team the agent is not in.
    expect(await presence.claimNext(tenantId, T0 + 20, { [team]: [] })).toMatchObject({ conversationId: second });
    expect(await presence.enqueue(tenantId, first, T0 + 1, null)).toBe(1);
    expect(await presence.claimNext(tenantId, T0 + 21, { [team]: [] })).toMatchObject({
      conversationId: first,
      teamId: null,
    });

    // A dequeued chat enqueued again without a team is no longer bound.
    await presence.enqueue(tenantId, second, T0 + 2, team);
    expect(await presence.dequeue(tenantId, second)).toBe(true);
    await presence.enqueue(tenantId, second, T0 + 2);
    expect(await presence.claimNext(tenantId, T0 + 22, { [team]: [] })).toMatchObject({ teamId: null });
  });

  it('offer: a newcomer is assigned past team chats nobody may take, and waits behind ones that can be served', async () => {
    const { presence } = getOpened();
    const tenantId = await newTenant(presence);
    const [outsider, member] = [newId('agent'), newId('agent')];
    const team = newId('team');
    const teams = { [team]: [member] };
    await presence.enqueue(tenantId, newId('conv'), T0 + 1, team);
    await bringOnline(presence, tenantId, outsider, T0 + 10, 5);
    expect(await presence.offer(tenantId, newId('conv'), T0 + 20, T0 + 20, { teams })).toMatchObject({
      kind: 'assigned',
      agent: { agentId: outsider },
    });
    // A new chat bound to the team waits for a member, behind the first one.
    expect(await presence.offer(tenantId, newId('conv'), T0 + 21, T0 + 21, { teamId: team, teams })).toEqual({
      kind: 'queued',
      position: 2,
    });
    // Once a member is online the waiting team chat could be served: newcomers queue behind it.
    await bringOnline(presence, tenantId, member, T0 + 30, 5);
    expect(await presence.offer(tenantId, newId('conv'), T0 + 40, T0 + 40, { teams })).toEqual({
      kind: 'queued',
      position: 3,
    });
  });

  it('rebuild restores which team each queued chat waits for', async () => {
    const { presence, peer } = getOpened();
    const tenantId = await newTenant(presence);
    const [outsider, team, bound, free] = [newId('agent'), newId('team'), newId('conv'), newId('conv')];
    const snapshot = {
      loads: [],
      queue: [
        { conversationId: bound, enqueuedAt: T0 + 1, teamId: team },
        { conversationId: free, enqueuedAt: T0 + 2, teamId: null },
      ],
      capacities: [],
    };
    await presence.rebuild(tenantId, snapshot, { onlyIfMissing: false });
    await bringOnline(presence, tenantId, outsider, T0 + 10, 5);
    expect(await peer.claimNext(tenantId, T0 + 20, { [team]: [] })).toMatchObject({ conversationId: free });
    expect(await peer.claimNext(tenantId, T0 + 21, { [team]: [] })).toBeNull();
    expect(await presence.queue(tenantId)).toEqual([{ conversationId: bound, position: 1 }]);
  });
}
