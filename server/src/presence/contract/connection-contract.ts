import { expect, it } from 'vitest';
import { bringOnline, contractOptions, newId, newTenant, type OpenedPresence, T0 } from './fixtures.js';

const TTL = contractOptions.connectionTtlMs;

/** Statuses, live connections across processes, automatic away, and expiry of a dead process's connections. */
export function describeConnectionContract(getOpened: () => OpenedPresence): void {
  it('an unknown agent is offline with the default capacity', async () => {
    const { presence } = getOpened();
    const tenantId = await newTenant(presence);
    const agentId = newId('agent');
    expect(await presence.get(tenantId, agentId, T0)).toEqual({
      agentId,
      status: 'offline',
      connections: 0,
      capacity: contractOptions.defaultCapacity,
      load: 0,
      idleSince: 0,
    });
    expect(await presence.list(tenantId, T0)).toEqual([]);
  });

  it('status changes report whether they changed anything; online restarts idleSince', async () => {
    const { presence } = getOpened();
    const tenantId = await newTenant(presence);
    const agentId = newId('agent');
    await presence.connect(tenantId, agentId, newId('conn'), T0);

    const online = await presence.setStatus(tenantId, agentId, 'online', T0 + 10);
    expect(online).toEqual({
      changed: true,
      presence: { agentId, status: 'online', connections: 1, capacity: 2, load: 0, idleSince: T0 + 10 },
    });
    const again = await presence.setStatus(tenantId, agentId, 'online', T0 + 20);
    expect(again).toEqual({ changed: false, presence: online.presence });
    expect(await presence.setStatus(tenantId, agentId, 'away', T0 + 30)).toMatchObject({
      changed: true,
      presence: { status: 'away' },
    });
    expect(await presence.setStatus(tenantId, agentId, 'online', T0 + 40)).toMatchObject({
      presence: { status: 'online', idleSince: T0 + 40 },
    });
    expect(await presence.setStatus(tenantId, agentId, 'offline', T0 + 50)).toMatchObject({
      changed: true,
      presence: { status: 'offline', idleSince: T0 + 40 },
    });
    expect(await presence.get(tenantId, agentId, T0 + 60)).toMatchObject({ status: 'offline', connections: 1 });
  });

  it('online needs a live connection: without one the agent is away', async () => {
    const { presence } = getOpened();
    const tenantId = await newTenant(presence);
    const agentId = newId('agent');
    expect(await presence.setStatus(tenantId, agentId, 'online', T0)).toMatchObject({
      changed: true,
      presence: { status: 'away', connections: 0 },
    });
  });

  it('goes away when the last connection closes, and not before', async () => {
    const { presence, peer } = getOpened();
    const tenantId = await newTenant(presence);
    const agentId = newId('agent');
    const first = await bringOnline(presence, tenantId, agentId, T0);
    // A second console tab, served by another process.
    const second = newId('conn');
    expect(await peer.connect(tenantId, agentId, second, T0 + 5)).toMatchObject({ status: 'online', connections: 2 });

    const afterFirst = await presence.disconnect(tenantId, agentId, first, T0 + 10);
    expect(afterFirst).toMatchObject({ changed: false, presence: { status: 'online', connections: 1 } });
    const afterSecond = await peer.disconnect(tenantId, agentId, second, T0 + 20);
    expect(afterSecond).toMatchObject({ changed: true, presence: { status: 'away', connections: 0 } });
    // Closing an unknown or already closed connection changes nothing.
    expect(await presence.disconnect(tenantId, agentId, second, T0 + 30)).toMatchObject({ changed: false });
    expect(await presence.get(tenantId, agentId, T0 + 30)).toMatchObject({ status: 'away' });
  });

  it('an offline agent stays offline when their connections close', async () => {
    const { presence } = getOpened();
    const tenantId = await newTenant(presence);
    const agentId = newId('agent');
    const connectionId = await bringOnline(presence, tenantId, agentId, T0);
    await presence.setStatus(tenantId, agentId, 'offline', T0 + 1);
    expect(await presence.disconnect(tenantId, agentId, connectionId, T0 + 2)).toMatchObject({
      changed: false,
      presence: { status: 'offline', connections: 0 },
    });
  });

  it("a dead process's connections expire after the TTL and the agent goes away", async () => {
    const { presence, peer } = getOpened();
    const tenantId = await newTenant(presence);
    const [alive, dead] = [newId('agent'), newId('agent')];
    const aliveConnection = await bringOnline(presence, tenantId, alive, T0);
    // `peer` plays the process that dies: it registers a connection and never cleans up.
    await bringOnline(peer, tenantId, dead, T0);
    expect(await presence.heartbeat(tenantId, alive, aliveConnection, T0 + TTL - 1)).toBe(true);

    // Just before expiry both are online; at expiry the dead process's agent reads as away at once.
    expect(await presence.get(tenantId, dead, T0 + TTL - 1)).toMatchObject({ status: 'online', connections: 1 });
    expect(await presence.get(tenantId, dead, T0 + TTL)).toMatchObject({ status: 'away', connections: 0 });
    expect(await presence.get(tenantId, alive, T0 + TTL)).toMatchObject({ status: 'online', connections: 1 });

    // The sweep records it and reports it once, so the transport can broadcast the change.
    const wentAway = await presence.expireConnections(tenantId, T0 + TTL + 1);
    expect(wentAway).toEqual([expect.objectContaining({ agentId: dead, status: 'away', connections: 0 })]);
    expect(await presence.expireConnections(tenantId, T0 + TTL + 2)).toEqual([]);
    expect(await presence.listTenants()).toContain(tenantId);

    // A heartbeat after expiry re-registers the connection but says it was gone; status stays away.
    expect(await peer.heartbeat(tenantId, dead, newId('conn'), T0 + TTL + 3)).toBe(false);
    expect(await presence.get(tenantId, dead, T0 + TTL + 4)).toMatchObject({ status: 'away', connections: 1 });
  });

  it('lists the agents of one tenant by id', async () => {
    const { presence } = getOpened();
    const tenantId = await newTenant(presence);
    const other = await newTenant(presence);
    const ids = [newId('agent'), newId('agent'), newId('agent')];
    for (const agentId of ids) await bringOnline(presence, tenantId, agentId, T0);
    await bringOnline(presence, other, newId('agent'), T0);
    await presence.setCapacity(tenantId, ids[0]!, 5, T0);

    const listed = await presence.list(tenantId, T0 + 1);
    expect(listed.map((p) => p.agentId)).toEqual([...ids].sort());
    expect(listed.find((p) => p.agentId === ids[0])).toMatchObject({ capacity: 5, status: 'online' });
  });
}
