import type { Alert, Conversation, Rating, RatingRequest, VisitorRating } from '@aftercare/shared';
import { DEFAULT_RATING_POLICY } from '@aftercare/shared';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqliteStore } from '../../store/sqlite/sqlite-store.js';
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
import { DEMO, startTestServer, type TestServer } from '../../test-support/test-server.js';

const MINUTE = 60_000;
const kettle = { name: 'Kettle K2', sku: 'K2' };

/** Resolves with the events of `event` that arrive within `ms` (to show that none did). */
function eventsWithin<T>(socket: Socket, event: string, ms: number) {
  const received: T[] = [];
  const listener = (payload: T) => received.push(payload);
  socket.on(event, listener);
  return new Promise<T[]>((resolve) =>
    setTimeout(() => {
      socket.off(event, listener);
      resolve(received);
    }, ms),
  );
}

describe('post-service ratings over sockets', () => {
  const clock = new FakeClock(Date.parse('2026-09-01T08:00:00Z'));
  let server: TestServer;
  let admin: AgentClient;
  let supervisor: AgentClient;
  let plainAgent: AgentClient;
  let rival: AgentClient;
  let shopper: VisitorClient;
  let visitorToken: string;
  const sockets: { close(): unknown }[] = [];

  /** The shopper chats about `product`, the admin resolves it: answers the chat and the request the widget got. */
  async function resolvedChat(product: Record<string, unknown> = kettle) {
    const conversation = await startConversation(shopper, { name: 'Li Lei', product });
    const asked = nextEvents<{ request: RatingRequest }>(shopper, 'rating:requested');
    await requestData(admin, 'conversation:resolve', { conversationId: conversation.id });
    const [{ request: ratingRequest }] = (await asked) as [{ request: RatingRequest }];
    return { conversation, request: ratingRequest };
  }

  const submit = (socket: VisitorClient, conversation: Conversation, score: number, comment?: string) =>
    request<{ rating: VisitorRating }>(socket, 'rating:submit', {
      subject: { kind: 'conversation', id: conversation.id },
      score,
      ...(comment === undefined ? {} : { comment }),
    });

  const rowsFor = (subjectId: string) =>
    (server.store as SqliteStore).db
      .prepare('SELECT COUNT(*) AS n FROM ratings WHERE subject_id = ?')
      .get(subjectId) as {
      n: number;
    };

  beforeAll(async () => {
    server = await startTestServer({ clock });
    admin = await connectAgent(server.url);
    sockets.push(admin);
    const createdAt = clock.now();
    ({ socket: supervisor } = await addAgent(server, { name: 'Sue', role: 'supervisor', createdAt, sockets }));
    ({ socket: plainAgent } = await addAgent(server, { name: 'Ann', createdAt, sockets }));
    ({ socket: rival } = await addRivalShop(server, { createdAt, sockets }));
    const connected = await connectVisitor(server.url);
    shopper = connected.socket;
    visitorToken = connected.session.visitorToken as string;
    sockets.push(shopper);
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await server?.close();
  });

  it('asks the shopper when the chat is resolved, with the product, and keeps the request for later', async () => {
    const { conversation, request: asked } = await resolvedChat();
    expect(asked).toMatchObject({
      subject: { kind: 'conversation', id: conversation.id },
      product: kettle,
      ticketNumber: null,
      rating: null,
    });
    const { requests } = await requestData<{ requests: RatingRequest[] }>(shopper, 'rating:pending', {});
    expect(requests.map((item) => item.subject.id)).toContain(conversation.id);
  });

  it('takes one rating, changes it within the window, and refuses a change after it', async () => {
    const { conversation } = await resolvedChat();
    const first = await submit(shopper, conversation, 4);
    expect(first).toMatchObject({ data: { rating: { score: 4, comment: null } } });
    clock.advance(10 * MINUTE);
    const second = await submit(shopper, conversation, 5, '  Quick and friendly  ');
    expect(second).toMatchObject({ data: { rating: { score: 5, comment: 'Quick and friendly' } } });
    expect(rowsFor(conversation.id).n).toBe(1);
    const data = 'data' in first ? first.data : null;
    expect(data?.rating.changeableUntil).toBe(
      data!.rating.createdAt + DEFAULT_RATING_POLICY.updateWindowMinutes * MINUTE,
    );

    clock.advance(DEFAULT_RATING_POLICY.updateWindowMinutes * MINUTE);
    expect(await submit(shopper, conversation, 1)).toMatchObject({ error: { code: 'CONFLICT' } });
    const stored = await server.store.ratings.getBySubject(DEMO.tenantId, {
      kind: 'conversation',
      id: conversation.id,
    });
    expect(stored).toMatchObject({ score: 5, comment: 'Quick and friendly' });
    // A final rating is no longer pending.
    const { requests } = await requestData<{ requests: RatingRequest[] }>(shopper, 'rating:pending', {});
    expect(requests.map((item) => item.subject.id)).not.toContain(conversation.id);
  });

  it('keeps two racing submissions to one row', async () => {
    const { conversation } = await resolvedChat();
    const results = await Promise.all([submit(shopper, conversation, 3), submit(shopper, conversation, 4)]);
    expect(results.every((result) => 'data' in result)).toBe(true);
    expect(rowsFor(conversation.id).n).toBe(1);
  });

  it('refuses another shopper’s chat, a chat nobody asked about, and a bad score', async () => {
    const { conversation } = await resolvedChat();
    const other = await connectVisitor(server.url);
    sockets.push(other.socket);
    expect(await submit(other.socket, conversation, 5)).toMatchObject({ error: { code: 'NOT_FOUND' } });

    const open = await startConversation(shopper, { name: 'Li Lei' });
    expect(await submit(shopper, open, 5)).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect(await submit(shopper, conversation, 6)).toMatchObject({ error: { code: 'INVALID_PAYLOAD' } });
    expect(await submit(shopper, conversation, 2.5)).toMatchObject({ error: { code: 'INVALID_PAYLOAD' } });
    expect(rowsFor(conversation.id).n).toBe(0);
    expect(rowsFor(open.id).n).toBe(0);
    await requestData(admin, 'conversation:resolve', { conversationId: open.id });
    await nextEvents(shopper, 'rating:requested').catch(() => undefined);
  });

  it('lets an agent ask on demand: the widget shows it, a rated chat answers CONFLICT, another shop NOT_FOUND', async () => {
    const conversation = await startConversation(shopper, { name: 'Li Lei', product: kettle });
    const asked = nextEvents<{ request: RatingRequest }>(shopper, 'rating:requested');
    const result = await requestData<{ request: RatingRequest; delivered: boolean }>(plainAgent, 'rating:request', {
      conversationId: conversation.id,
    });
    expect(result.delivered).toBe(true);
    const [event] = await asked;
    expect(event?.request.subject).toEqual({ kind: 'conversation', id: conversation.id });
    expect(await request(rival, 'rating:request', { conversationId: conversation.id })).toMatchObject({
      error: { code: 'NOT_FOUND' },
    });
    expect(
      await request(plainAgent, 'rating:request', { conversationId: conversation.id, ticketId: 'x' }),
    ).toMatchObject({
      error: { code: 'INVALID_PAYLOAD' },
    });

    expect(await submit(shopper, conversation, 5)).toMatchObject({ data: { rating: { score: 5 } } });
    expect(await request(plainAgent, 'rating:request', { conversationId: conversation.id })).toMatchObject({
      error: { code: 'CONFLICT' },
    });
    await requestData(admin, 'conversation:resolve', { conversationId: conversation.id });
  });

  it('alerts supervisors and admins, not plain agents, about a low rating, and stores the alert', async () => {
    const { conversation } = await resolvedChat({ name: 'Espresso machine', sku: 'AX2' });
    const toSupervisor = nextEvents<{ alert: Alert }>(supervisor, 'alert:created');
    const toAdmin = nextEvents<{ alert: Alert }>(admin, 'alert:created');
    const toAgent = eventsWithin(plainAgent, 'alert:created', 500);
    await submit(shopper, conversation, 2, 'Took three days to answer');
    const [{ alert }] = (await toSupervisor) as [{ alert: Alert }];
    expect(alert).toMatchObject({
      kind: 'low-rating',
      subject: { kind: 'conversation', id: conversation.id },
      score: 2,
      comment: 'Took three days to answer',
      label: 'Li Lei',
      read: false,
    });
    expect((await toAdmin)[0]?.alert.id).toBe(alert.id);
    expect(await toAgent).toEqual([]);
    const supervisorId = (await server.store.agents.getByEmail(`sue@${DEMO.tenantId}.test`))?.id as string;
    const stored = await server.store.alerts.listForAgent(DEMO.tenantId, supervisorId, 10);
    expect(stored.map((item) => item.id)).toContain(alert.id);

    // Changing it to another low score does not alert twice.
    const again = eventsWithin(supervisor, 'alert:created', 500);
    await submit(shopper, conversation, 1);
    expect(await again).toEqual([]);
  });

  it('lists a customer’s ratings with the agent for the customer file, own tenant only', async () => {
    const customerId = (await requestData<{ conversations: Conversation[] }>(shopper, 'conversation:list', {}))
      .conversations[0]?.customerId as string;
    const { ratings } = await requestData<{ ratings: Rating[] }>(plainAgent, 'rating:list', { customerId });
    expect(ratings.length).toBeGreaterThanOrEqual(4);
    expect(ratings[0]).toMatchObject({ customerId, subject: { kind: 'conversation' } });
    expect(await request(rival, 'rating:list', { customerId })).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('asks nothing when the site turned chat ratings off', async () => {
    const site = await server.store.sites.getByKey(DEMO.siteKey);
    await server.store.sites.update(DEMO.tenantId, site!.id, {
      settings: { ratings: { ...DEFAULT_RATING_POLICY, askAfterChat: false } },
    });
    try {
      const conversation = await startConversation(shopper, { name: 'Li Lei' });
      const asked = eventsWithin(shopper, 'rating:requested', 500);
      await requestData(admin, 'conversation:resolve', { conversationId: conversation.id });
      expect(await asked).toEqual([]);
    } finally {
      await server.store.sites.update(DEMO.tenantId, site!.id, { settings: { ratings: DEFAULT_RATING_POLICY } });
    }
  });

  it('keeps open requests across a restart', async () => {
    const conversation = await startConversation(shopper, { name: 'Li Lei' });
    const asked = nextEvents(shopper, 'rating:requested');
    await requestData(admin, 'conversation:resolve', { conversationId: conversation.id });
    await asked;
    for (const socket of sockets) socket.close();
    sockets.length = 0;
    await server.close({ keepData: true });
    server = await startTestServer({ dataDir: server.dataDir, clock });
    const again = await connectVisitor(server.url, { visitorToken });
    sockets.push(again.socket);
    const { requests } = await requestData<{ requests: RatingRequest[] }>(again.socket, 'rating:pending', {});
    expect(requests.find((item) => item.subject.id === conversation.id)).toMatchObject({ rating: null });
  });
});
