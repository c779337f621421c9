import type { Report } from '@aftercare/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../domain/agents/passwords.js';
import { type AgentClient, connectAgent, login, request, requestData } from '../../test-support/clients.js';
import { ESPRESSO, KETTLE, seedReportFixture } from '../../test-support/report-fixture.js';
import { DEMO, startTestServer, type TestServer } from '../../test-support/test-server.js';

const DAY = 86_400_000;
const dayOf = (at: number) => new Date(at).toISOString().slice(0, 10);

describe('report:get', () => {
  let server: TestServer;
  let admin: AgentClient;
  let plainAgent: AgentClient;
  let siteId: string;
  const adaId = crypto.randomUUID();
  const tomId = crypto.randomUUID();
  const now = Date.now();
  const today = dayOf(now);

  beforeAll(async () => {
    server = await startTestServer();
    const site = (await server.store.sites.getByKey(DEMO.siteKey))!;
    siteId = site.id;
    for (const [id, name] of [
      [adaId, 'Ada'],
      [tomId, 'Tom'],
    ] as const) {
      await server.store.agents.create({
        id,
        tenantId: DEMO.tenantId,
        email: `${name.toLowerCase()}-${id}@demo.example`,
        name,
        role: 'agent',
        active: true,
        avatarUrl: null,
        passwordHash: await hashPassword(`password-of-${name}`),
        createdAt: now,
      });
    }
    await seedReportFixture(server.store, {
      tenantId: DEMO.tenantId,
      siteId,
      agentId: adaId,
      technicianId: tomId,
      now,
    });
    admin = await connectAgent(server.url);
    plainAgent = await connectAgent(
      server.url,
      await login(server.url, `ada-${adaId}@demo.example`, 'password-of-Ada'),
    );
  });
  afterAll(async () => {
    admin?.close();
    plainAgent?.close();
    await server?.close();
  });

  const report = async (from: string, to: string, extra: Record<string, string> = {}) =>
    (await requestData<{ report: Report }>(admin, 'report:get', { from, to, ...extra })).report;

  it('answers totals, breaches and per-agent, technician and product rows for the last 7 days', async () => {
    const week = await report(dayOf(now - 6 * DAY), today);
    expect(week.days).toHaveLength(7);
    expect(week.timeZone).toBe('UTC');
    expect(week.totals).toMatchObject({
      conversations: 2,
      tickets: 1,
      ratings: 2,
      averageRating: 3,
      firstReply: { count: 2, median: 4 * 60_000, p90: 90 * 60_000 },
      ticketResolution: { count: 1, median: 2 * DAY },
      breaches: { conversationFirstReply: 1, conversationResolution: 0, ticketAnswer: 0, ticketResolution: 0 },
    });
    expect(week.agents).toEqual([
      expect.objectContaining({
        agentId: adaId,
        name: 'Ada',
        conversations: 2,
        breaches: 1,
        ratings: 1,
        averageRating: 2,
      }),
    ]);
    expect(week.technicians).toEqual([
      { technicianId: tomId, name: 'Tom', tickets: 1, repairMedian: 2 * DAY, ratings: 1, averageRating: 4 },
    ]);
    expect(week.products).toEqual([
      { sku: ESPRESSO.sku, name: ESPRESSO.name, conversations: 2, tickets: 0, ratings: 1, averageRating: 2 },
      { sku: KETTLE.sku, name: KETTLE.name, conversations: 0, tickets: 1, ratings: 1, averageRating: 4 },
    ]);
  });

  it('changes with the range, and with the site', async () => {
    const month = await report(dayOf(now - 29 * DAY), today);
    expect(month.totals).toMatchObject({ conversations: 3, ratings: 3 });
    expect(month.agents[0]).toMatchObject({ agentId: adaId, conversations: 3, ratings: 2, averageRating: 3.5 });
    const sameSite = await report(dayOf(now - 29 * DAY), today, { siteId });
    expect(sameSite.totals).toEqual(month.totals);
  });

  it('refuses agents, foreign sites, reversed and over-long ranges, and bad dates', async () => {
    const denied = await request(plainAgent, 'report:get', { from: today, to: today });
    expect(denied).toMatchObject({ error: { code: 'FORBIDDEN' } });
    const cases: [unknown, string][] = [
      [{ from: today, to: today, siteId: 'not-our-site' }, 'NOT_FOUND'],
      [{ from: '2026-09-02', to: '2026-09-01' }, 'INVALID_PAYLOAD'],
      [{ from: '2025-01-01', to: '2026-01-02' }, 'INVALID_PAYLOAD'],
      [{ from: '2026-02-30', to: '2026-03-01' }, 'INVALID_PAYLOAD'],
      [{ from: '2026-09-01' }, 'INVALID_PAYLOAD'],
      [{ from: '2026-09-01', to: '2026-09-02', tenantId: 'other' }, 'INVALID_PAYLOAD'],
      [{ from: { $gt: '' }, to: '2026-09-02' }, 'INVALID_PAYLOAD'],
    ];
    for (const [payload, code] of cases) {
      expect(await request(admin, 'report:get', payload), JSON.stringify(payload)).toMatchObject({ error: { code } });
    }
    // A full year (366 days) is allowed.
    expect((await report('2025-01-01', '2026-01-01')).days).toHaveLength(366);
  });
});
