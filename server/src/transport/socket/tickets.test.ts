import type { Conversation, Ticket, TicketEvent, VisitorTicket } from '@aftercare/shared';
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
import { DEMO, startTestServer, type TestServer } from '../../test-support/test-server.js';

const espresso = { name: 'Aurora X2 espresso machine', sku: 'AX2', price: 2999, currency: 'CNY' };
/** A purchase a month ago: repair is covered, refund and replacement are not. */
const aMonthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);

describe('repair tickets over sockets', () => {
  let server: TestServer;
  let agent: AgentClient;
  let colleague: AgentClient;
  let rival: AgentClient;
  let shopper: VisitorClient;
  let visitorToken: string;
  let conversation: Conversation;
  const sockets: { close(): unknown }[] = [];

  const draft = (conversationId: string) => ({
    conversationId,
    serialNumber: 'SN-77',
    purchaseDate: aMonthAgo,
    fault: 'The pump grinds and no water comes out',
    remedy: 'repair' as const,
    category: 'warranty' as const,
  });

  beforeAll(async () => {
    server = await startTestServer();
    agent = await connectAgent(server.url);
    sockets.push(agent);
    ({ socket: colleague } = await addAgent(server, { name: 'Cole', sockets }));
    ({ socket: rival } = await addRivalShop(server, { role: 'agent', sockets }));
    const connected = await connectVisitor(server.url);
    shopper = connected.socket;
    visitorToken = connected.session.visitorToken as string;
    sockets.push(shopper);
    conversation = await startConversation(shopper, { name: 'Li Lei', product: espresso });
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await server?.close();
  });

  let ticket: Ticket;

  it('turns a chat into one ticket even when two agents convert it at once, and tells the colleague', async () => {
    // Whichever of the two stored it, the other one's console is told.
    const told = Promise.any(
      [agent, colleague].map((socket) =>
        nextEvents<{ ticket: Ticket; events: TicketEvent[] }>(socket, 'ticket:updated'),
      ),
    );
    const [a, b] = await Promise.all([
      requestData<{ ticket: Ticket; created: boolean }>(agent, 'ticket:create', draft(conversation.id)),
      requestData<{ ticket: Ticket; created: boolean }>(colleague, 'ticket:create', draft(conversation.id)),
    ]);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(a.ticket.id).toBe(b.ticket.id);
    ticket = a.ticket;
    expect(ticket).toMatchObject({
      number: 'R-000001',
      status: 'registered',
      product: espresso,
      customerId: conversation.customerId,
      warranty: { purchaseDate: aMonthAgo },
    });
    expect(ticket.warranty.remedies.map((r) => [r.remedy, r.allowed])).toEqual([
      ['refund', false],
      ['replace', false],
      ['repair', true],
    ]);
    const [announcement] = await told;
    expect(announcement?.ticket.id).toBe(ticket.id);
    expect(announcement?.events.map((event) => event.kind)).toEqual(['created']);
    expect(await requestData(agent, 'ticket:for-conversation', { conversationId: conversation.id })).toEqual({
      ticket,
    });
  });

  it('moves the ticket along; the shopper is told in their own terms, without notes', async () => {
    const pushed = nextEvents<{ ticket: VisitorTicket }>(shopper, 'ticket:updated');
    const moved = await requestData<{ ticket: Ticket }>(agent, 'ticket:move', {
      ticketId: ticket.id,
      version: ticket.version,
      to: 'diagnosed',
      note: 'internal: seal worn, customer dropped it',
    });
    ticket = moved.ticket;
    const [event] = await pushed;
    expect(event?.ticket).toMatchObject({ id: ticket.id, number: 'R-000001', status: 'diagnosed' });
    expect(event?.ticket.history.map((step) => step.status)).toEqual(['registered', 'diagnosed']);
    expect(JSON.stringify(event)).not.toContain('internal');
    expect(JSON.stringify(event)).not.toContain('warranty');
  });

  it('refuses forbidden moves and stale versions with clear codes', async () => {
    expect(
      await request(agent, 'ticket:move', { ticketId: ticket.id, version: ticket.version, to: 'closed' }),
    ).toMatchObject({
      error: { code: 'TRANSITION_NOT_ALLOWED' },
    });
    expect(await request(agent, 'ticket:move', { ticketId: ticket.id, version: 1, to: 'in_repair' })).toMatchObject({
      error: { code: 'CONFLICT' },
    });
    expect(
      await request(agent, 'ticket:update', { ticketId: ticket.id, version: ticket.version, remedy: 'refund' }),
    ).toMatchObject({ error: { code: 'NOT_COVERED_BY_WARRANTY' } });
  });

  it('shows the ticket on a later visit from the same browser', async () => {
    const later = await connectVisitor(server.url, { visitorToken });
    sockets.push(later.socket);
    const { tickets } = await requestData<{ tickets: VisitorTicket[] }>(later.socket, 'ticket:list', {});
    expect(tickets.map((t) => [t.number, t.status])).toEqual([['R-000001', 'diagnosed']]);
    // Another shopper sees none of it.
    const stranger = await connectVisitor(server.url);
    sockets.push(stranger.socket);
    expect(await requestData(stranger.socket, 'ticket:list', {})).toEqual({ tickets: [] });
  });

  it('keeps every change, note and repair card in the timeline with who did it', async () => {
    await requestData(agent, 'ticket:note', { ticketId: ticket.id, note: 'Called the customer' });
    ticket = (await requestData<{ ticket: Ticket }>(agent, 'ticket:get', { ticketId: ticket.id })).ticket;
    ticket = (
      await requestData<{ ticket: Ticket }>(agent, 'ticket:repair-card', {
        ticketId: ticket.id,
        version: ticket.version,
        repairCard: {
          parts: [{ name: 'Pump seal', partNumber: 'PS-2', quantity: 1 }],
          labourMinutes: 40,
          technicianNotes: 'ok',
        },
      })
    ).ticket;
    const { timeline } = await requestData<{ timeline: TicketEvent[] }>(agent, 'ticket:get', { ticketId: ticket.id });
    expect(timeline.map((event) => event.kind)).toEqual([
      'created',
      'status-changed',
      'note-added',
      'repair-card-updated',
    ]);
    expect(new Set(timeline.map((event) => event.actor.kind))).toEqual(new Set(['agent']));
    const { tickets } = await requestData<{ tickets: Ticket[] }>(agent, 'ticket:list', { query: 'sn-77' });
    expect(tickets.map((t) => t.id)).toEqual([ticket.id]);
  });

  it('never lets another shop read or change the ticket', async () => {
    for (const [event, payload] of [
      ['ticket:get', { ticketId: ticket.id }],
      ['ticket:for-conversation', { conversationId: conversation.id }],
      ['ticket:create', draft(conversation.id)],
      ['ticket:move', { ticketId: ticket.id, version: ticket.version, to: 'cancelled' }],
      ['ticket:note', { ticketId: ticket.id, note: 'x' }],
    ] as const) {
      expect(await request(rival, event, payload), event).toMatchObject({ error: { code: 'NOT_FOUND' } });
    }
    expect(await requestData(rival, 'ticket:list', {})).toEqual({ tickets: [] });
    expect((await server.store.tickets.getById(DEMO.tenantId, ticket.id))?.status).toBe('diagnosed');
  });
});
