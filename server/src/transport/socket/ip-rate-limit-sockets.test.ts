import { PROTOCOL_VERSION, type Response, VISITOR_NAMESPACE } from '@aftercare/shared';
import { io } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAdjustableClock } from '../../domain/clock.js';
import {
  connectAgent,
  connectVisitor,
  request,
  startConversation,
  type VisitorClient,
} from '../../test-support/clients.js';
import { DEMO, startTestServer, type TestServer } from '../../test-support/test-server.js';

/** Connects a shopper with extra handshake headers; resolves with the socket or the refusal's body. */
function tryConnect(url: string, headers: Record<string, string> = {}) {
  const socket: VisitorClient = io(`${url}${VISITOR_NAMESPACE}`, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: headers,
    auth: { protocolVersion: PROTOCOL_VERSION, siteKey: DEMO.siteKey },
  });
  return new Promise<{ socket: VisitorClient; refusal?: { code: string; retryAfterMs?: number } }>((resolve) => {
    socket.once('session:ready', () => resolve({ socket }));
    socket.once('connect_error', (error) => resolve({ socket, refusal: (error as { data?: never }).data }));
  });
}

describe('per-address limits on /visitor (issue 6)', () => {
  const clock = createAdjustableClock();
  let server: TestServer;
  const sockets: { close(): unknown }[] = [];
  beforeAll(async () => {
    server = await startTestServer({
      clock,
      visitorIpConnectionRate: { burst: 3, perSecond: 1 },
      visitorIpEventRate: { burst: 6, perSecond: 1 },
    });
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
    // Let every budget refill, so each test starts from a full one.
    clock.advance(60_000);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('refuses connections past the burst with RATE_LIMITED and a wait, and accepts again after the refill', async () => {
    const attempts = [];
    for (let i = 0; i < 5; i++) attempts.push(await tryConnect(server.url));
    sockets.push(...attempts.map((attempt) => attempt.socket));
    expect(attempts.slice(0, 3).map((attempt) => attempt.refusal)).toEqual([undefined, undefined, undefined]);
    for (const attempt of attempts.slice(3)) {
      // One token a second: the wait is at most a second (less the real time the attempts took).
      expect(attempt.refusal).toEqual(
        expect.objectContaining({ code: 'RATE_LIMITED', retryAfterMs: expect.any(Number) }),
      );
      expect(attempt.refusal?.retryAfterMs).toBeGreaterThan(0);
      expect(attempt.refusal?.retryAfterMs).toBeLessThanOrEqual(1_000);
    }
    clock.advance(1_000);
    const again = await tryConnect(server.url);
    sockets.push(again.socket);
    expect(again.refusal).toBeUndefined();
  });

  it('ignores a spoofed X-Forwarded-For without TRUST_PROXY', async () => {
    for (let i = 0; i < 3; i++) sockets.push((await tryConnect(server.url)).socket);
    const spoofed = await tryConnect(server.url, { 'x-forwarded-for': '203.0.113.99' });
    sockets.push(spoofed.socket);
    expect(spoofed.refusal?.code).toBe('RATE_LIMITED');
  });

  it('makes all sockets of one address share one event budget, on top of each socket’s own', async () => {
    const { socket: first } = await connectVisitor(server.url);
    const { socket: second } = await connectVisitor(server.url);
    sockets.push(first, second);
    const conversation = await startConversation(first); // one event of the address's six
    const send = (socket: VisitorClient, i: number) =>
      request(socket, 'message:send', { conversationId: conversation.id, clientId: `ip-${i}`, text: 'hi' });
    const firstAnswers: Response<unknown>[] = [];
    for (let i = 0; i < 3; i++) firstAnswers.push(await send(first, i));
    const secondAnswers = await Promise.all([0, 1, 2, 3].map(() => request(second, 'conversation:list', {})));
    expect(firstAnswers.every((response) => 'data' in response)).toBe(true);
    // Second's own budget is untouched (per-socket burst is huge here), but the address has two tokens left.
    expect(secondAnswers.filter((response) => 'data' in response)).toHaveLength(2);
    for (const response of secondAnswers.filter((answer) => 'error' in answer)) {
      expect(response).toEqual({
        error: expect.objectContaining({ code: 'RATE_LIMITED', retryAfterMs: expect.any(Number) }),
      });
    }
    expect(await server.store.messages.count(conversation.id)).toBe(3);
    clock.advance(1_000);
    expect(await request(second, 'conversation:list', {})).toEqual({ data: { conversations: [] } });
  });

  it('does not limit an agent on the same address by the shoppers’ budget', async () => {
    const { socket: shopper } = await connectVisitor(server.url);
    sockets.push(shopper);
    const answers = await Promise.all(Array.from({ length: 8 }, () => request(shopper, 'conversation:list', {})));
    expect(answers.some((response) => 'error' in response)).toBe(true);
    const agent = await connectAgent(server.url);
    sockets.push(agent);
    const agentAnswers = await Promise.all(Array.from({ length: 10 }, () => request(agent, 'conversation:list', {})));
    expect(agentAnswers.every((response) => 'data' in response)).toBe(true);
  });
});

describe('per-address limits behind a trusted proxy', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ trustProxy: true, visitorIpConnectionRate: { burst: 1, perSecond: 1 } });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('counts connections by the first X-Forwarded-For address', async () => {
    const attempts = [];
    for (const address of ['203.0.113.1', '203.0.113.2', '203.0.113.1'])
      attempts.push(await tryConnect(server.url, { 'x-forwarded-for': `${address}, 10.0.0.1` }));
    expect(attempts.map((attempt) => attempt.refusal?.code)).toEqual([undefined, undefined, 'RATE_LIMITED']);
    for (const attempt of attempts) attempt.socket.close();
  });
});
