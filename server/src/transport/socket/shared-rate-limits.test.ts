import { PROTOCOL_VERSION, VISITOR_NAMESPACE } from '@aftercare/shared';
import { io } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../lib/logger.js';
import { type OpenedRateLimits, openRateLimits } from '../../lib/rate-limit/open-rate-limits.js';
import { request, type VisitorClient } from '../../test-support/clients.js';
import { connectTestClient, startRedisServer, type TestRedisServer } from '../../test-support/redis-server.js';
import { canRunRedisSuite } from '../../test-support/redis-suite.js';
import { DEMO, startTestServer, type TestServer } from '../../test-support/test-server.js';

/** Connects a shopper; resolves with the socket and the refusal's body, if refused. */
function tryConnect(url: string) {
  const socket: VisitorClient = io(`${url}${VISITOR_NAMESPACE}`, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    auth: { protocolVersion: PROTOCOL_VERSION, siteKey: DEMO.siteKey },
  });
  return new Promise<{ socket: VisitorClient; refusal?: { code: string; retryAfterMs?: number } }>((resolve) => {
    socket.once('session:ready', () => resolve({ socket }));
    socket.once('connect_error', (error) => resolve({ socket, refusal: (error as { data?: never }).data }));
  });
}

const signIn = (url: string, email: string, password: string) =>
  fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });

if (canRunRedisSuite('rate limits shared by two server processes')) {
  // Two apps with a Redis client each are two server processes serving one shop (issue 6).
  describe('rate limits shared by two server processes', () => {
    let redis: TestRedisServer;
    let admin: Awaited<ReturnType<typeof connectTestClient>>;
    const opened: OpenedRateLimits[] = [];
    const servers: TestServer[] = [];
    const sockets: VisitorClient[] = [];
    beforeAll(async () => {
      redis = await startRedisServer();
      admin = await connectTestClient(redis.url);
      for (let i = 0; i < 2; i++) {
        const limits = await openRateLimits({ redisUrl: redis.url, logger: silentLogger, now: () => Date.now() });
        opened.push(limits);
        servers.push(
          await startTestServer({
            limits: limits.limits,
            visitorIpConnectionRate: { burst: 3, perSecond: 0.01 },
            visitorIpEventRate: { burst: 6, perSecond: 0.01 },
          }),
        );
      }
    });
    afterEach(async () => {
      for (const socket of sockets.splice(0)) socket.close();
      // Every client is 127.0.0.1: start each test with full budgets.
      if (admin.isReady) await admin.flushAll();
    });
    afterAll(async () => {
      for (const server of servers) await server.close();
      for (const limits of opened) await limits.close();
      admin?.destroy();
      await redis?.close();
    });

    it('counts new connections from one address against one budget, whichever process takes them', async () => {
      const [a, b] = servers as [TestServer, TestServer];
      const attempts = [];
      for (const url of [a.url, b.url, a.url, b.url, a.url]) attempts.push(await tryConnect(url));
      sockets.push(...attempts.map((attempt) => attempt.socket));
      expect(attempts.map((attempt) => attempt.refusal?.code)).toEqual([
        undefined,
        undefined,
        undefined,
        'RATE_LIMITED',
        'RATE_LIMITED',
      ]);
      expect(attempts[3]?.refusal?.retryAfterMs).toBeGreaterThan(0);
    });

    it('makes sockets of one address on different processes share one event budget', async () => {
      const [a, b] = servers as [TestServer, TestServer];
      const [onA, onB] = [(await tryConnect(a.url)).socket, (await tryConnect(b.url)).socket];
      sockets.push(onA, onB);
      const answers = [];
      for (let i = 0; i < 4; i++) {
        answers.push(await request(onA, 'conversation:list', {}));
        answers.push(await request(onB, 'conversation:list', {}));
      }
      // Six tokens in all between both processes, never more. Each process leases five at a time,
      // so a token still leased to one may be missing to the other: a little stricter, not looser.
      const codes = answers.map((answer) => ('data' in answer ? 'ok' : answer.error.code));
      const allowed = codes.filter((code) => code === 'ok').length;
      expect(allowed).toBeLessThanOrEqual(6);
      expect(allowed).toBeGreaterThanOrEqual(5);
      expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(8 - allowed);
    });

    it('throttles failed sign-ins for an account across processes', async () => {
      const [a, b] = servers as [TestServer, TestServer];
      const statuses = [];
      for (const url of [a.url, b.url, a.url, b.url, a.url, b.url])
        statuses.push((await signIn(url, 'victim@demo.test', 'guess')).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
      const refused = await signIn(a.url, 'victim@demo.test', 'guess');
      expect(await refused.json()).toEqual({
        error: expect.objectContaining({ code: 'RATE_LIMITED', retryAfterMs: expect.any(Number) }),
      });
      // Other accounts are not locked out by it.
      expect((await signIn(b.url, DEMO.agentEmail, DEMO.agentPassword)).status).toBe(200);
    });

    it('keeps limiting per process while Redis is down, never hanging, and shares again once it is back', async () => {
      const [a, b] = servers as [TestServer, TestServer];
      await redis.stop();
      // Each process falls back to its own budget of three: still limited, just not shared.
      const started = Date.now();
      const attempts = [];
      for (const url of [a.url, a.url, a.url, a.url, b.url]) attempts.push(await tryConnect(url));
      sockets.push(...attempts.map((attempt) => attempt.socket));
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(attempts.map((attempt) => attempt.refusal?.code)).toEqual([
        undefined,
        undefined,
        undefined,
        'RATE_LIMITED',
        undefined,
      ]);
      expect((await signIn(a.url, DEMO.agentEmail, DEMO.agentPassword)).status).toBe(200);

      await redis.restart();
      await waitFor(() => admin.isReady);
      // The failover tries Redis again a second after its last failure.
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const again = [];
      for (const url of [b.url, a.url, b.url, a.url]) again.push(await tryConnect(url));
      sockets.push(...again.map((attempt) => attempt.socket));
      expect(again.map((attempt) => attempt.refusal?.code)).toEqual([undefined, undefined, undefined, 'RATE_LIMITED']);
    });
  });
}

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
