import type { Conversation, Customer, CustomerFile } from '@aftercare/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAgent, addRivalShop } from '../../test-support/agents.js';
import {
  type AgentClient,
  connectAgent,
  connectVisitor,
  nextEvents,
  request,
  requestData,
  startConversation,
  type VisitorClient,
} from '../../test-support/clients.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';

const kettle = { name: 'Kettle K1', sku: 'K1', price: 199, currency: 'CNY' };
const toaster = { name: 'Toaster' };

describe('customer file: customer:get and customer:update', () => {
  let server: TestServer;
  let admin: AgentClient;
  let adminTwin: AgentClient;
  let plainAgent: AgentClient;
  let rival: AgentClient;
  let shopper: VisitorClient;
  let visitorToken: string;
  let customer: Customer;
  let first: Conversation;
  let second: Conversation;
  const sockets: { close(): unknown }[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    admin = await connectAgent(server.url);
    adminTwin = await connectAgent(server.url);
    sockets.push(admin, adminTwin);
    ({ socket: plainAgent } = await addAgent(server, { name: 'Ann', sockets }));
    ({ socket: rival } = await addRivalShop(server, { sockets }));

    const connected = await connectVisitor(server.url);
    shopper = connected.socket;
    sockets.push(shopper);
    visitorToken = connected.session.visitorToken!;
    first = await startConversation(shopper, { name: 'Li Lei', product: kettle });
    await requestData(admin, 'conversation:resolve', { conversationId: first.id });
    second = await startConversation(shopper, { product: toaster });
    await requestData(admin, 'conversation:resolve', { conversationId: second.id });
    const third = await startConversation(shopper, { product: { ...kettle, price: 179 } });
    customer = (await server.store.customers.getById(third.customerId))!;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await server?.close();
  });

  it('answers the profile, every conversation newest first and each product once, newest snapshot', async () => {
    const file = await requestData<CustomerFile>(plainAgent, 'customer:get', { customerId: customer.id });
    expect(file.customer).toEqual({ ...customer, tier: 'standard', name: 'Li Lei' });
    expect(file.conversations.map((item) => item.id)).toEqual([expect.any(String), second.id, first.id]);
    expect(file.conversations.map((item) => item.status)).toEqual(['open', 'resolved', 'resolved']);
    expect(file.productsMentioned).toEqual([{ ...kettle, price: 179 }, toaster]);
  });

  it('lets any agent edit contact details, clears a field with null, and tells the other consoles', async () => {
    const seenByTwin = nextEvents<{ customer: Customer }>(adminTwin, 'customer:updated');
    const { customer: updated } = await requestData<{ customer: Customer }>(plainAgent, 'customer:update', {
      customerId: customer.id,
      name: '  Li Lei (VIP)  ',
      email: 'li@example.com',
      phone: '+86 138 0000 0000',
    });
    expect(updated).toMatchObject({ name: 'Li Lei (VIP)', email: 'li@example.com', phone: '+86 138 0000 0000' });
    expect((await seenByTwin)[0]?.customer).toEqual(updated);

    const cleared = await requestData<{ customer: Customer }>(plainAgent, 'customer:update', {
      customerId: customer.id,
      phone: null,
    });
    expect(cleared.customer.phone).toBeUndefined();
    expect(cleared.customer.email).toBe('li@example.com');
    expect(await server.store.customers.getById(customer.id)).toEqual(cleared.customer);
  });

  it('lets supervisors and admins set the tier, and refuses it to agents with FORBIDDEN', async () => {
    const refused = await request(plainAgent, 'customer:update', { customerId: customer.id, tier: 'gold' });
    expect(refused).toEqual({ error: expect.objectContaining({ code: 'FORBIDDEN' }) });
    const mixed = await request(plainAgent, 'customer:update', { customerId: customer.id, name: 'X', tier: 'gold' });
    expect(mixed).toEqual({ error: expect.objectContaining({ code: 'FORBIDDEN' }) });
    expect((await server.store.customers.getById(customer.id))?.tier).toBe('standard');
    expect((await server.store.customers.getById(customer.id))?.name).toBe('Li Lei (VIP)');

    const { customer: gold } = await requestData<{ customer: Customer }>(admin, 'customer:update', {
      customerId: customer.id,
      tier: 'gold',
    });
    expect(gold.tier).toBe('gold');
  });

  it("answers NOT_FOUND for another tenant's customer and for an unknown one, changing nothing", async () => {
    const before = await server.store.customers.getById(customer.id);
    for (const [event, payload] of [
      ['customer:get', { customerId: customer.id }],
      ['customer:update', { customerId: customer.id, name: 'Hacked' }],
      ['customer:update', { customerId: customer.id, tier: 'vip' }],
    ] as const) {
      expect(await request(rival, event, payload), event).toEqual({
        error: expect.objectContaining({ code: 'NOT_FOUND' }),
      });
    }
    expect(await request(admin, 'customer:get', { customerId: 'no-such-customer' })).toEqual({
      error: expect.objectContaining({ code: 'NOT_FOUND' }),
    });
    expect(await server.store.customers.getById(customer.id)).toEqual(before);
  });

  it('refuses hostile and malformed payloads without touching the profile', async () => {
    const before = await server.store.customers.getById(customer.id);
    const customerId = customer.id;
    const cases: [string, unknown, string][] = [
      ['customer:get', {}, 'INVALID_PAYLOAD'],
      ['customer:get', { customerId: { $ne: null } }, 'INVALID_PAYLOAD'],
      ['customer:get', { customerId, extra: 1 }, 'INVALID_PAYLOAD'],
      ['customer:update', { customerId }, 'INVALID_PAYLOAD'],
      ['customer:update', { customerId, email: 'not-an-email' }, 'INVALID_PAYLOAD'],
      ['customer:update', { customerId, phone: 'call me' }, 'INVALID_PAYLOAD'],
      ['customer:update', { customerId, name: '   ' }, 'INVALID_PAYLOAD'],
      ['customer:update', { customerId, tier: 'platinum' }, 'INVALID_PAYLOAD'],
      ['customer:update', { customerId, tenantId: 'rival-shop' }, 'INVALID_PAYLOAD'],
      ['customer:update', { customerId, name: { $set: 'x' } }, 'INVALID_PAYLOAD'],
      ['customer:update', JSON.parse(`{"customerId":"${customerId}","__proto__":{"tier":"vip"}}`), 'INVALID_PAYLOAD'],
      ['customer:update', { customerId, name: 'x'.repeat(10_000) }, 'PAYLOAD_TOO_LARGE'],
    ];
    for (const [event, payload, code] of cases) {
      expect(await request(admin, event, payload), `${event} ${JSON.stringify(payload).slice(0, 80)}`).toEqual({
        error: expect.objectContaining({ code }),
      });
    }
    expect(await server.store.customers.getById(customer.id)).toEqual(before);
  });

  it('the shopper sees the name the agent gave on their next session:ready', async () => {
    await requestData(admin, 'customer:update', { customerId: customer.id, name: 'Li Lei Senior' });
    const again = await connectVisitor(server.url, { visitorToken });
    sockets.push(again.socket);
    expect(again.session.customer).toMatchObject({ id: customer.id, name: 'Li Lei Senior' });
  });

  it('is not offered on the visitor namespace', async () => {
    expect(await request(shopper, 'customer:get', { customerId: customer.id })).toEqual({
      error: expect.objectContaining({ code: 'INVALID_PAYLOAD' }),
    });
  });
});
