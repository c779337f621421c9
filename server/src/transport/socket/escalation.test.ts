import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Alert, AlertListResult, BusinessHours, Conversation, Ticket } from '@aftercare/shared';
import { DEFAULT_SERVICE_PROMISES } from '@aftercare/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../domain/clock.js';
import { conversationDueTimes } from '../../domain/service-promises/due-times.js';
import { addAgent } from '../../test-support/agents.js';
import {
  type AgentClient,
  connectAgent,
  connectVisitor,
  request,
  requestData,
  startConversation,
  type VisitorClient,
} from '../../test-support/clients.js';
import { DEMO, startTestServer, type TestServer } from '../../test-support/test-server.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Friday 20 November 2026, 17:00 UTC: an hour before the demo shop closes for the weekend. */
const FRIDAY_1700 = Date.UTC(2026, 10, 20, 17);
const MONDAY_1200 = Date.UTC(2026, 10, 23, 12);
const WEEKDAYS: BusinessHours = {
  timeZone: 'UTC',
  intervals: ([1, 2, 3, 4, 5] as const).map((day) => ({ day, open: '09:00', close: '18:00' })),
  closedDates: [],
};
const SCAN_MS = 20;

/** A clock the test moves by hand; the server's scanner reads it on every scan. */
function manualClock(start: number): Clock & { set(at: number): void } {
  let now = start;
  return {
    now: () => now,
    set: (at) => {
      now = at;
    },
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Collects every payload of `event` a socket receives from now on. */
function record<T>(socket: AgentClient, event: string): T[] {
  const received: T[] = [];
  (socket as unknown as { on(e: string, l: (p: T) => void): void }).on(event, (payload) => received.push(payload));
  return received;
}

async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await pause(10);
  }
}

async function useWeekdayHours(server: TestServer) {
  const [site] = await server.store.sites.listByTenant(DEMO.tenantId);
  await server.store.sites.update(DEMO.tenantId, site!.id, {
    settings: { businessHours: WEEKDAYS, servicePromises: DEFAULT_SERVICE_PROMISES },
  });
}

describe('service promises and escalation over sockets', () => {
  const clock = manualClock(FRIDAY_1700);
  let server: TestServer;
  let admin: AgentClient;
  let sue: AgentClient;
  let ann: AgentClient;
  let shopper: VisitorClient;
  let conversation: Conversation;

  beforeAll(async () => {
    server = await startTestServer({ clock, escalationScanMs: SCAN_MS });
    await useWeekdayHours(server);
    admin = await connectAgent(server.url);
    ({ socket: sue } = await addAgent(server, { name: 'Sue', role: 'supervisor' }));
    ({ socket: ann } = await addAgent(server, { name: 'Ann' }));
    shopper = (await connectVisitor(server.url)).socket;
    conversation = await startConversation(shopper, { name: 'Vera Shopper', email: 'vera@example.com' });
  });
  afterAll(async () => {
    for (const socket of [admin, sue, ann, shopper]) socket?.close();
    await server?.close();
  });

  it('a chat started on Friday evening is due on Monday, by the site’s business hours', async () => {
    const expected = conversationDueTimes({
      policy: DEFAULT_SERVICE_PROMISES,
      hours: WEEKDAYS,
      tier: 'standard',
      since: FRIDAY_1700,
    });
    expect(conversation).toMatchObject({
      firstReplyDueAt: MONDAY_1200,
      resolutionDueAt: expected.resolutionDueAt,
      // Escalation counts calendar time: Sunday 17:00, although the shop is closed.
      escalateAt: FRIDAY_1700 + 2 * DAY,
      escalatedAt: null,
    });
    expect(await server.store.conversations.getById(conversation.id)).toMatchObject({
      firstReplyDueAt: MONDAY_1200,
      escalateAt: FRIDAY_1700 + 2 * DAY,
    });
  });

  it('escalates a chat unresolved for two days exactly once; supervisors are alerted, plain agents not', async () => {
    const sueAlerts = record<{ alert: Alert }>(sue, 'alert:created');
    const adminAlerts = record<{ alert: Alert }>(admin, 'alert:created');
    const annAlerts = record<{ alert: Alert }>(ann, 'alert:created');
    const updates = record<{ conversation: Conversation }>(ann, 'conversation:updated');

    clock.set(FRIDAY_1700 + 2 * DAY - 1);
    await pause(SCAN_MS * 5);
    expect(sueAlerts).toEqual([]);

    clock.set(FRIDAY_1700 + 2 * DAY);
    await waitFor(() => sueAlerts.length > 0 && adminAlerts.length > 0, 'alert:created');
    expect(sueAlerts[0]?.alert).toMatchObject({
      kind: 'escalation',
      tenantId: DEMO.tenantId,
      subject: { kind: 'conversation', id: conversation.id },
      label: 'Vera Shopper',
      escalateAt: FRIDAY_1700 + 2 * DAY,
      read: false,
    });
    await waitFor(() => updates.some((event) => event.conversation.escalatedAt !== null), 'conversation:updated');

    // Many more scans later, still one alert and one escalation time.
    clock.set(FRIDAY_1700 + 3 * DAY);
    await pause(SCAN_MS * 10);
    expect(sueAlerts).toHaveLength(1);
    expect(annAlerts).toEqual([]);
    const stored = await server.store.conversations.getById(conversation.id);
    expect(stored?.escalatedAt).toBe(FRIDAY_1700 + 2 * DAY);

    const listed = await requestData<AlertListResult>(sue, 'alert:list', {});
    expect(listed.alerts.filter((alert) => alert.subject.id === conversation.id)).toHaveLength(1);
    expect(listed.unreadCount).toBe(1);
    expect(await request(ann, 'alert:list', {})).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(await request(ann, 'alert:read', {})).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });

  it('lists escalated chats for the "Escalated" view and keeps read marks per supervisor', async () => {
    const { conversations } = await requestData<{ conversations: Conversation[] }>(sue, 'conversation:list', {
      escalated: true,
    });
    expect(conversations.map((item) => item.id)).toEqual([conversation.id]);

    const { alerts } = await requestData<AlertListResult>(sue, 'alert:list', {});
    expect(await requestData(sue, 'alert:read', { alertIds: [alerts[0]!.id] })).toEqual({ unreadCount: 0 });
    expect((await requestData<AlertListResult>(sue, 'alert:list', {})).alerts[0]?.read).toBe(true);
    expect((await requestData<AlertListResult>(admin, 'alert:list', {})).unreadCount).toBe(1);
    expect(await requestData(admin, 'alert:read', {})).toEqual({ unreadCount: 0 });

    for (const payload of [{ escalated: false }, { escalated: 'yes' }]) {
      expect(await request(sue, 'conversation:list', payload)).toMatchObject({ error: { code: 'INVALID_PAYLOAD' } });
    }
    expect(await request(sue, 'alert:read', { alertIds: [] })).toMatchObject({ error: { code: 'INVALID_PAYLOAD' } });
    expect(await request(sue, 'alert:list', { limit: 0 })).toMatchObject({ error: { code: 'INVALID_PAYLOAD' } });
  });

  it('escalates an unresolved repair ticket once, with an "escalated" line in its timeline', async () => {
    const alerts = record<{ alert: Alert }>(sue, 'alert:created');
    const ticketUpdates = record<{ ticket: Ticket; events: { kind: string }[] }>(ann, 'ticket:updated');
    const { ticket } = await requestData<{ ticket: Ticket }>(admin, 'ticket:create', {
      conversationId: conversation.id,
      fault: 'The kettle does not heat',
      remedy: 'repair',
      category: 'paid',
    });
    expect(ticket.promises.escalateAt).toBe(clock.now() + 2 * DAY);

    clock.set(ticket.promises.escalateAt);
    await waitFor(() => alerts.some((event) => event.alert.subject.id === ticket.id), 'ticket alert');
    await waitFor(
      () => ticketUpdates.some((event) => event.events.some((line) => line.kind === 'escalated')),
      'ticket:updated',
    );
    await pause(SCAN_MS * 10);
    expect(alerts.filter((event) => event.alert.subject.id === ticket.id)).toHaveLength(1);
    expect(alerts.find((event) => event.alert.subject.id === ticket.id)?.alert.label).toBe(ticket.number);
    const stored = await server.store.tickets.getById(DEMO.tenantId, ticket.id);
    expect(stored?.promises.escalatedAt).toBe(ticket.promises.escalateAt);
    const timeline = await server.store.tickets.timeline(DEMO.tenantId, ticket.id);
    expect(timeline.filter((line) => line.kind === 'escalated')).toHaveLength(1);
  });
});

describe('escalation with two server processes sharing one store', () => {
  let dataDir: string;
  let servers: TestServer[] = [];
  afterEach(async () => {
    for (const server of servers) await server.close({ keepData: true });
    servers = [];
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('escalates each chat once and raises one alert each, whichever process scans first', async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'aftercare-escalation-'));
    const clock = manualClock(FRIDAY_1700);
    servers = [
      await startTestServer({ dataDir, clock, escalationScanMs: 5 }),
      await startTestServer({ dataDir, clock, escalationScanMs: 5 }),
    ];
    const started: Conversation[] = [];
    for (let index = 0; index < 6; index++) {
      const { socket } = await connectVisitor(servers[index % 2]!.url);
      started.push(await startConversation(socket, { name: `Shopper ${index}`, email: `s${index}@example.com` }));
      socket.close();
    }

    clock.set(FRIDAY_1700 + 2 * DAY);
    const [store] = servers.map((server) => server.store);
    await waitFor(async () => {
      const stored = await Promise.all(started.map((item) => store!.conversations.getById(item.id)));
      return stored.every((item) => item?.escalatedAt !== null);
    }, 'every chat escalated');
    await pause(100);
    const alerts = await store!.alerts.listForAgent(DEMO.tenantId, 'nobody', 100);
    for (const item of started) {
      expect(alerts.filter((alert) => alert.subject.id === item.id)).toHaveLength(1);
    }
  });
});
