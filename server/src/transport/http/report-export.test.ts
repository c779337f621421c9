import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../domain/agents/passwords.js';
import { login } from '../../test-support/clients.js';
import { seedReportFixture } from '../../test-support/report-fixture.js';
import { DEMO, startTestServer, type TestServer } from '../../test-support/test-server.js';

const DAY = 86_400_000;
const dayOf = (at: number) => new Date(at).toISOString().slice(0, 10);

describe('GET /api/reports.csv', () => {
  let server: TestServer;
  let adminCookie: string;
  let agentCookie: string;
  const now = Date.now();
  const adaId = crypto.randomUUID();
  const range = `from=${dayOf(now - 6 * DAY)}&to=${dayOf(now)}`;

  beforeAll(async () => {
    server = await startTestServer();
    const site = (await server.store.sites.getByKey(DEMO.siteKey))!;
    await server.store.agents.create({
      id: adaId,
      tenantId: DEMO.tenantId,
      email: `ada-${adaId}@demo.example`,
      // A name a spreadsheet would run as a formula, with a comma and quotes.
      name: '=HYPERLINK("http://evil.example","Ada, the agent")',
      role: 'agent',
      active: true,
      avatarUrl: null,
      passwordHash: await hashPassword('password-of-ada'),
      createdAt: now,
    });
    await seedReportFixture(server.store, {
      tenantId: DEMO.tenantId,
      siteId: site.id,
      agentId: adaId,
      technicianId: crypto.randomUUID(),
      now,
    });
    adminCookie = await login(server.url);
    agentCookie = await login(server.url, `ada-${adaId}@demo.example`, 'password-of-ada');
  });
  afterAll(async () => {
    await server?.close();
  });

  const get = (query: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/reports.csv?${query}`, { headers: { cookie: adminCookie, ...headers } });

  it('downloads a table as UTF-8 CSV with a byte order mark, escaped and formula-safe', async () => {
    const res = await get(`${range}&table=agents`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="report-agents-${dayOf(now - 6 * DAY)}-${dayOf(now)}.csv"; filename*=UTF-8''report-agents-${dayOf(now - 6 * DAY)}-${dayOf(now)}.csv`,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(
      '\uFEFFagent_id,agent_name,conversations,first_reply_median_minutes,breaches,ratings,average_rating\r\n' +
        `${adaId},"'=HYPERLINK(""http://evil.example"",""Ada, the agent"")",2,4,1,1,2\r\n`,
    );
  });

  it('exports days, technicians and products, Chinese names intact', async () => {
    const days = await (await get(`${range}&table=days`)).text();
    const lines = days.trimEnd().split('\r\n');
    expect(lines).toHaveLength(8);
    expect(lines[0]).toBe(
      'date,conversations,tickets,ratings,average_rating,first_reply_median_minutes,first_reply_p90_minutes,resolution_median_minutes,resolution_p90_minutes',
    );
    expect(lines[4]).toBe(`${dayOf(now - 3 * DAY)},0,1,0,,,,,`);
    expect(lines[5]).toBe(`${dayOf(now - 2 * DAY)},2,0,1,2,4,90,180,180`);
    const products = await (await get(`${range}&table=products`)).text();
    expect(products).toContain('\r\nK1,电热水壶 K1,0,1,1,4\r\n');
    const technicians = await (await get(`${range}&table=technicians`)).text();
    expect(technicians.split('\r\n')[1]).toMatch(/^[0-9a-f-]{36},,1,2880,1,4$/);
  });

  it('refuses strangers, agents, other origins, bad queries and other methods', async () => {
    expect((await fetch(`${server.url}/api/reports.csv?${range}&table=days`)).status).toBe(401);
    const asAgent = await get(`${range}&table=days`, { cookie: agentCookie });
    expect(asAgent.status).toBe(403);
    expect(await asAgent.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    const foreign = await get(`${range}&table=days`, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ error: { code: 'ORIGIN_NOT_ALLOWED' } });
    for (const query of [
      `${range}&table=secrets`,
      `${range}`,
      'from=2026-09-02&to=2026-09-01&table=days',
      `${range}&table=days&x=1`,
    ]) {
      const res = await get(query);
      expect(res.status, query).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'INVALID_PAYLOAD' } });
    }
    expect((await get(`${range}&table=days&siteId=elsewhere`)).status).toBe(404);
    const post = await fetch(`${server.url}/api/reports.csv?${range}&table=days`, {
      method: 'POST',
      headers: { cookie: adminCookie },
    });
    expect(post.status).toBe(405);
  });
});
