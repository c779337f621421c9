import { expect, it } from 'vitest';
import type { Store } from '../../domain/store.js';
import { newAgent, newCustomer, newId, newSite, newToken, T0 } from './fixtures.js';

/** Session times sit in the future: MongoDB's TTL monitor deletes sessions whose `expiresAt` has passed. */
const S0 = Date.now() + 3_600_000;

/** Sites, agents, sessions and customers: the rows everything else hangs off. */
export function describeAccountContract(getStore: () => Store): void {
  it('sites: creates and finds a site by id, key and tenant', async () => {
    const store = getStore();
    const site = newSite({ allowedOrigins: [] });
    const sibling = newSite({ tenantId: site.tenantId, allowedOrigins: ['https://a.example', 'https://b.example'] });
    const stranger = newSite();
    expect(await store.sites.create(site)).toEqual(site);
    await store.sites.create(sibling);
    await store.sites.create(stranger);

    expect(await store.sites.getById(site.id)).toEqual(site);
    expect(await store.sites.getByKey(sibling.key)).toEqual(sibling);
    expect(await store.sites.getById(newId())).toBeNull();
    expect(await store.sites.getByKey(newId())).toBeNull();
    const listed = await store.sites.listByTenant(site.tenantId);
    expect(listed.map((s) => s.id).sort()).toEqual([site.id, sibling.id].sort());
    expect(await store.sites.listByTenant(newId())).toEqual([]);
  });

  it('sites: a taken key or id is a CONFLICT', async () => {
    const store = getStore();
    const site = newSite();
    await store.sites.create(site);
    await expect(store.sites.create(newSite({ key: site.key }))).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(store.sites.create(newSite({ id: site.id }))).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await store.sites.getByKey(site.key)).toEqual(site);
  });

  it('agents: stores the email lower-cased and finds it in any case', async () => {
    const store = getStore();
    const agent = newAgent({ email: `Mixed.Case-${newId()}@Shop.Example`, role: 'supervisor' });
    const stored = await store.agents.create(agent);
    const expected = { ...agent, email: agent.email.toLowerCase() };
    expect(stored).toEqual(expected);
    expect(await store.agents.getById(agent.id)).toEqual(expected);
    expect(await store.agents.getByEmail(agent.email.toUpperCase())).toEqual(expected);
    expect(await store.agents.getByEmail(expected.email)).toEqual(expected);
    expect(await store.agents.getByEmail(`nobody-${newId()}@shop.example`)).toBeNull();
    expect(await store.agents.getById(newId())).toBeNull();
  });

  it('agents: an email is unique across tenants and case', async () => {
    const store = getStore();
    const agent = newAgent();
    await store.agents.create(agent);
    const clash = newAgent({ email: agent.email.toUpperCase() });
    await expect(store.agents.create(clash)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await store.agents.getById(clash.id)).toBeNull();
  });

  it('agents: lists only the agents of one tenant', async () => {
    const store = getStore();
    const first = newAgent();
    const second = newAgent({ tenantId: first.tenantId, role: 'admin' });
    await store.agents.create(first);
    await store.agents.create(second);
    await store.agents.create(newAgent());
    const listed = await store.agents.listByTenant(first.tenantId);
    expect(listed.map((a) => a.id).sort()).toEqual([first.id, second.id].sort());
    expect(listed.find((a) => a.id === second.id)).toEqual(second);
  });

  it('agents: capacity is null (the default) until set, and set per tenant', async () => {
    const store = getStore();
    const { capacity: _, ...withoutCapacity } = newAgent();
    const agent = await store.agents.create(withoutCapacity);
    expect(agent.capacity).toBeNull();
    const raised = await store.agents.setCapacity(agent.tenantId, agent.id, 7);
    expect(raised).toEqual({ ...agent, capacity: 7 });
    expect(await store.agents.getById(agent.id)).toEqual({ ...agent, capacity: 7 });
    expect((await store.agents.listByTenant(agent.tenantId)).map((a) => a.capacity)).toEqual([7]);
    // Another tenant cannot touch it; zero is a real capacity (no chats), null the default again.
    expect(await store.agents.setCapacity(newId(), agent.id, 1)).toBeNull();
    expect(await store.agents.setCapacity(agent.tenantId, newId(), 1)).toBeNull();
    expect(await store.agents.setCapacity(agent.tenantId, agent.id, 0)).toMatchObject({ capacity: 0 });
    expect(await store.agents.getById(agent.id)).toMatchObject({ capacity: 0 });
    expect(await store.agents.setCapacity(agent.tenantId, agent.id, null)).toMatchObject({ capacity: null });
    // Other changes keep it.
    await store.agents.setCapacity(agent.tenantId, agent.id, 4);
    expect(await store.agents.update(agent.tenantId, agent.id, { name: 'Renamed' })).toMatchObject({ capacity: 4 });
    expect(await store.agents.create(newAgent({ tenantId: agent.tenantId, capacity: 2 }))).toMatchObject({
      capacity: 2,
    });
  });

  it('sessions: a session is found until it expires', async () => {
    const store = getStore();
    const agent = await store.agents.create(newAgent());
    const session = { tokenHash: newId(), agentId: agent.id, createdAt: S0, expiresAt: S0 + 60_000 };
    await store.sessions.create(session);
    expect(await store.sessions.get(session.tokenHash, S0 + 59_999)).toEqual(session);
    expect(await store.sessions.get(session.tokenHash, S0 + 60_000)).toBeNull();
    expect(await store.sessions.get(session.tokenHash, S0 + 120_000)).toBeNull();
    expect(await store.sessions.get(newId(), S0)).toBeNull();
  });

  it('sessions: delete ends one session, deleteAllForAgent ends all of one agent', async () => {
    const store = getStore();
    const agent = await store.agents.create(newAgent());
    const other = await store.agents.create(newAgent({ tenantId: agent.tenantId }));
    const session = (agentId: string) => ({ tokenHash: newId(), agentId, createdAt: S0, expiresAt: S0 + 60_000 });
    const [a1, a2, a3, b1] = [session(agent.id), session(agent.id), session(agent.id), session(other.id)];
    for (const s of [a1, a2, a3, b1]) await store.sessions.create(s);

    await store.sessions.delete(a1.tokenHash);
    expect(await store.sessions.get(a1.tokenHash, S0)).toBeNull();
    expect(await store.sessions.get(a2.tokenHash, S0)).toEqual(a2);

    await store.sessions.deleteAllForAgent(agent.id);
    expect(await store.sessions.get(a2.tokenHash, S0)).toBeNull();
    expect(await store.sessions.get(a3.tokenHash, S0)).toBeNull();
    expect(await store.sessions.get(b1.tokenHash, S0)).toEqual(b1);
    await expect(store.sessions.delete(newId())).resolves.toBeUndefined();
  });

  it('customers: createWithToken stores a customer reachable by id and token', async () => {
    const store = getStore();
    const site = await store.sites.create(newSite());
    const customer = newCustomer(site);
    const token = newToken(customer);
    expect(await store.customers.createWithToken(customer, token)).toEqual(customer);
    const found = await store.customers.getById(customer.id);
    expect(found).toEqual(customer);
    // Contact details never given are absent, not null.
    expect(found && 'name' in found).toBe(false);
    expect(found && 'email' in found).toBe(false);
    expect(found && 'phone' in found).toBe(false);
    expect(await store.customers.getByTokenHash(token.tokenHash)).toEqual(customer);
    expect(await store.customers.getByTokenHash(newId())).toBeNull();
    expect(await store.customers.getById(newId())).toBeNull();
  });

  it('customers: stores contact details given up front', async () => {
    const store = getStore();
    const site = await store.sites.create(newSite());
    const customer = newCustomer(site, { name: 'Vera', email: 'vera@example.com', phone: '+86 138 0000 0000' });
    await store.customers.createWithToken(customer, newToken(customer));
    expect(await store.customers.getById(customer.id)).toEqual(customer);
  });

  it('customers: updateContact sets the given fields and leaves the others', async () => {
    const store = getStore();
    const site = await store.sites.create(newSite());
    const customer = newCustomer(site, { name: 'Vera' });
    const token = newToken(customer);
    await store.customers.createWithToken(customer, token);

    const updated = await store.customers.updateContact(customer.id, { email: 'vera@example.com' }, T0 + 5000);
    const expected = { ...customer, email: 'vera@example.com', updatedAt: T0 + 5000 };
    expect(updated).toEqual(expected);
    expect(updated && 'phone' in updated).toBe(false);
    expect(await store.customers.getById(customer.id)).toEqual(expected);

    const again = await store.customers.updateContact(customer.id, { name: 'Vera W.', phone: '12345' }, T0 + 6000);
    expect(again).toEqual({ ...expected, name: 'Vera W.', phone: '12345', updatedAt: T0 + 6000 });
    expect(await store.customers.getByTokenHash(token.tokenHash)).toEqual(again);
    expect(await store.customers.updateContact(newId(), { name: 'x' }, T0)).toBeNull();
  });
}
