import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectAgent, login, requestData } from '../../test-support/clients.js';
import { DEMO, startTestServer, type TestServer } from '../../test-support/test-server.js';

const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

describe('HTTP API', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('reports health with version, protocol and storage mode', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      version: expect.any(String),
      protocolVersion: 1,
      storage: 'sqlite',
    });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('shows metrics only with the bearer token', async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    const response = await fetch(`${server.url}/metrics`, {
      headers: { authorization: 'Bearer test-metrics-token-0123456789' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      memory: { heapUsed: expect.any(Number) },
      connections: { visitors: 0, agents: 0 },
      eventLoop: { delayMs: { p50: expect.any(Number), p99: expect.any(Number) }, utilization: expect.any(Number) },
    });
  });

  it('signs in with an httpOnly cookie, tells who is signed in, and signs out', async () => {
    const response = await fetch(
      `${server.url}/api/auth/login`,
      json({ email: DEMO.agentEmail.toUpperCase(), password: DEMO.agentPassword }),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { agent: Record<string, unknown> };
    expect(body.agent).toMatchObject({ email: DEMO.agentEmail, role: 'admin' });
    expect(body.agent).not.toHaveProperty('passwordHash');
    const setCookie = response.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const cookie = setCookie.split(';')[0]!;

    const me = await fetch(`${server.url}/api/auth/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ agent: { email: DEMO.agentEmail }, expiresAt: expect.any(Number) });

    expect((await fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers: { cookie } })).status).toBe(204);
    const after = await fetch(`${server.url}/api/auth/me`, { headers: { cookie } });
    expect(after.status).toBe(401);
    expect(await after.json()).toEqual({ error: expect.objectContaining({ code: 'UNAUTHORIZED' }) });
  });

  it('refuses bad bodies with clear codes', async () => {
    const cases: [RequestInit, number, string][] = [
      [json({ email: 'agent@demo.aftercare.test' }), 400, 'INVALID_PAYLOAD'],
      [json({ email: { $ne: null }, password: { $ne: null } }), 400, 'INVALID_PAYLOAD'],
      [{ method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' }, 400, 'INVALID_PAYLOAD'],
      [
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'email=a&password=b',
        },
        400,
        'INVALID_PAYLOAD',
      ],
      [json({ email: 'a@b.co', password: 'x'.repeat(100_000) }), 413, 'PAYLOAD_TOO_LARGE'],
    ];
    for (const [init, status, code] of cases) {
      const response = await fetch(`${server.url}/api/auth/login`, init);
      expect(response.status, String(init.body).slice(0, 40)).toBe(status);
      expect(await response.json()).toEqual({ error: expect.objectContaining({ code }) });
    }
  });

  it('throttles repeated failed sign-ins for an account', async () => {
    const attempt = () => fetch(`${server.url}/api/auth/login`, json({ email: 'victim@demo.test', password: 'guess' }));
    for (let i = 0; i < 5; i++) expect((await attempt()).status).toBe(401);
    const refused = await attempt();
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({
      error: expect.objectContaining({ code: 'RATE_LIMITED', retryAfterMs: expect.any(Number) }),
    });
    // Other accounts are not locked out by it.
    expect(
      (await fetch(`${server.url}/api/auth/login`, json({ email: DEMO.agentEmail, password: DEMO.agentPassword })))
        .status,
    ).toBe(200);
  });

  it('signs an agent out everywhere and disconnects their consoles', async () => {
    const cookie = await login(server.url);
    const otherTab = await login(server.url);
    const socket = await connectAgent(server.url, otherTab);
    const disconnected = new Promise((resolve) => socket.once('disconnect', resolve));
    expect(
      (await fetch(`${server.url}/api/auth/logout-everywhere`, { method: 'POST', headers: { cookie } })).status,
    ).toBe(204);
    await disconnected;
    expect((await fetch(`${server.url}/api/auth/me`, { headers: { cookie: otherTab } })).status).toBe(401);
  });

  it('signing out disconnects that session’s consoles, not the agent’s other sessions', async () => {
    const [first, second] = [await login(server.url), await login(server.url)];
    const [signedOut, other] = [await connectAgent(server.url, first), await connectAgent(server.url, second)];
    const disconnected = new Promise((resolve) => signedOut.once('disconnect', resolve));
    expect((await fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers: { cookie: first } })).status).toBe(
      204,
    );
    await disconnected;
    await requestData(other, 'conversation:list', {});
    expect(other.connected).toBe(true);
    other.close();
  });

  it('answers unknown paths and wrong methods with JSON errors', async () => {
    const missing = await fetch(`${server.url}/api/nothing-here`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: expect.objectContaining({ code: 'NOT_FOUND' }) });
    expect((await fetch(`${server.url}/api/auth/login`)).status).toBe(405);
  });
});
