import type { Conversation, FollowUp, RatingRequest, Ticket, TicketStatus } from '@aftercare/shared';
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
import { FakeClock } from '../../test-support/routing-harness.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';

const DAY = 86_400_000;

type FollowUpPage = { followUps: FollowUp[]; hasMore: boolean; customerNames: Record<string, string | null> };

describe('follow-ups on closed tickets over sockets', () => {
  const clock = new FakeClock(Date.parse('2026-09-01T08:00:00Z'));
  let server: TestServer;
  let agent: AgentClient;
  let colleague: AgentClient;
  let rival: AgentClient;
  let shopper: VisitorClient;
  let conversation: Conversation;
  let ticket: Ticket;
  let closedAt: number;
  const sockets: { close(): unknown }[] = [];

  const list = (socket: AgentClient, view: 'due' | 'upcoming' | 'done') =>
    requestData<FollowUpPage>(socket, 'follow-up:list', { view });

  async function connectAll() {
    agent = await connectAgent(server.url);
    sockets.push(agent);
  }

  beforeAll(async () => {
    // Checks often, so the test sees follow-ups fall due without waiting a minute.
    server = await startTestServer({ clock, followUpCheckMs: 50 });
    await connectAll();
    const createdAt = clock.now();
    ({ socket: colleague } = await addAgent(server, { name: 'Cole', createdAt, sockets }));
    ({ socket: rival } = await addRivalShop(server, { createdAt, sockets }));
    const connected = await connectVisitor(server.url);
    shopper = connected.socket;
    sockets.push(shopper);
    conversation = await startConversation(shopper, { name: 'Li Lei', product: { name: 'Kettle K2', sku: 'K2' } });
    ({ ticket } = await requestData<{ ticket: Ticket }>(agent, 'ticket:create', {
      conversationId: conversation.id,
      fault: 'Does not heat',
      remedy: 'repair',
      category: 'paid',
    }));
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await server?.close();
  });

  it('schedules two follow-ups when the ticket closes, tells the consoles, and asks the shopper to rate', async () => {
    const path: TicketStatus[] = ['diagnosed', 'in_repair', 'repaired', 'returned'];
    for (const to of path) {
      clock.advance(60_000);
      ({ ticket } = await requestData<{ ticket: Ticket }>(agent, 'ticket:move', {
        ticketId: ticket.id,
        version: ticket.version,
        to,
      }));
    }
    expect(await list(agent, 'upcoming')).toMatchObject({ followUps: [] });

    const told = nextEvents<{ followUps: FollowUp[] }>(colleague, 'follow-up:changed');
    const asked = nextEvents<{ request: RatingRequest }>(shopper, 'rating:requested');
    clock.advance(60_000);
    closedAt = clock.now();
    ({ ticket } = await requestData<{ ticket: Ticket }>(agent, 'ticket:move', {
      ticketId: ticket.id,
      version: ticket.version,
      to: 'closed',
    }));
    const [{ followUps }] = (await told) as [{ followUps: FollowUp[] }];
    expect(followUps.map(({ sequence, dueAt, lateAt, status }) => ({ sequence, dueAt, lateAt, status }))).toEqual([
      { sequence: 1, dueAt: closedAt + 3 * DAY, lateAt: closedAt + 7 * DAY, status: 'pending' },
      { sequence: 2, dueAt: closedAt + 10 * DAY, lateAt: closedAt + 14 * DAY, status: 'pending' },
    ]);
    expect(followUps[0]).toMatchObject({
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      customerId: ticket.customerId,
    });
    const [{ request: ratingRequest }] = (await asked) as [{ request: RatingRequest }];
    expect(ratingRequest).toMatchObject({
      subject: { kind: 'ticket', id: ticket.id },
      ticketNumber: ticket.number,
      product: { name: 'Kettle K2', sku: 'K2' },
    });
  });

  it('lists them as upcoming, then as due once the clock passes the due time (and tells the consoles)', async () => {
    expect((await list(agent, 'due')).followUps).toEqual([]);
    const upcoming = await list(agent, 'upcoming');
    expect(upcoming.followUps.map((item) => item.sequence)).toEqual([1, 2]);
    expect(upcoming.customerNames).toEqual({ [ticket.customerId]: 'Li Lei' });

    const fellDue = nextEvents<{ followUps: FollowUp[] }>(agent, 'follow-up:changed');
    clock.advance(3 * DAY);
    const [{ followUps }] = (await fellDue) as [{ followUps: FollowUp[] }];
    expect(followUps.map((item) => item.sequence)).toEqual([1]);
    expect((await list(agent, 'due')).followUps.map((item) => item.sequence)).toEqual([1]);
    expect((await list(agent, 'upcoming')).followUps.map((item) => item.sequence)).toEqual([2]);
    // Another shop sees none of them.
    expect((await list(rival, 'due')).followUps).toEqual([]);
  });

  it('records the outcome once, in the caller’s tenant only', async () => {
    const [due] = (await list(agent, 'due')).followUps as [FollowUp];
    expect(await request(rival, 'follow-up:complete', { followUpId: due.id, outcome: 'satisfied' })).toMatchObject({
      error: { code: 'NOT_FOUND' },
    });
    expect(await request(agent, 'follow-up:complete', { followUpId: due.id, outcome: 'maybe' })).toMatchObject({
      error: { code: 'INVALID_PAYLOAD' },
    });
    const told = nextEvents<{ followUps: FollowUp[] }>(colleague, 'follow-up:changed');
    const { followUp } = await requestData<{ followUp: FollowUp }>(agent, 'follow-up:complete', {
      followUpId: due.id,
      outcome: 'issue-persists',
      note: 'Still trips the fuse',
    });
    expect(followUp).toMatchObject({
      status: 'done',
      outcome: 'issue-persists',
      note: 'Still trips the fuse',
      doneAt: clock.now(),
    });
    expect((await told)[0]?.followUps).toEqual([followUp]);
    expect(await request(colleague, 'follow-up:complete', { followUpId: due.id, outcome: 'satisfied' })).toMatchObject({
      error: { code: 'CONFLICT' },
    });
    expect((await list(agent, 'due')).followUps).toEqual([]);
    expect((await list(agent, 'done')).followUps).toEqual([followUp]);
  });

  it('keeps them across a restart: the second one is due when its time comes', async () => {
    for (const socket of sockets) socket.close();
    sockets.length = 0;
    await server.close({ keepData: true });
    clock.advance(7 * DAY + 1);
    server = await startTestServer({ dataDir: server.dataDir, clock });
    await connectAll();
    const due = await list(agent, 'due');
    expect(due.followUps.map(({ sequence, dueAt }) => ({ sequence, dueAt }))).toEqual([
      { sequence: 2, dueAt: closedAt + 10 * DAY },
    ]);
    expect((await list(agent, 'done')).followUps.map((item) => item.outcome)).toEqual(['issue-persists']);
  });
});
