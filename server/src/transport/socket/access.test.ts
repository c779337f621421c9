import {
  AGENT_NAMESPACE,
  type Conversation,
  DEFAULT_SITE_SETTINGS,
  PROTOCOL_VERSION,
  VISITOR_NAMESPACE,
} from '@aftercare/shared';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../domain/agents/passwords.js';
import {
  connectAgent,
  connectVisitor,
  login,
  request,
  requestData,
  startConversation,
  type VisitorClient,
} from '../../test-support/clients.js';
import { DEMO, startTestServer, type TestServer } from '../../test-support/test-server.js';

/** Resolves with the handshake refusal's code, or 'connected' if the server let the socket in. */
function handshakeOutcome(url: string, namespace: string, options: Record<string, unknown>): Promise<string> {
  const socket = io(`${url}${namespace}`, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...options,
  });
  return new Promise((resolve) => {
    socket.once('connect', () => {
      socket.close();
      resolve('connected');
    });
    socket.once('connect_error', (error) => {
      socket.close();
      resolve(error.message);
    });
  });
}

describe('who may reach what', () => {
  let server: TestServer;
  let owner: VisitorClient;
  let stranger: VisitorClient;
  let conversation: Conversation;

  beforeAll(async () => {
    server = await startTestServer();
    ({ socket: owner } = await connectVisitor(server.url));
    ({ socket: stranger } = await connectVisitor(server.url));
    conversation = await startConversation(owner);
    await requestData(owner, 'message:send', {
      conversationId: conversation.id,
      clientId: 'private',
      text: 'my address is…',
    });
  });
  afterAll(async () => {
    owner?.close();
    stranger?.close();
    await server?.close();
  });

  it("refuses every event on another visitor's conversation as if it did not exist", async () => {
    const conversationId = conversation.id;
    const before = await server.store.conversations.getById(conversationId);
    const attempts: [string, unknown][] = [
      ['message:send', { conversationId, clientId: 'intruder', text: 'hi' }],
      ['messages:sync', { conversationId, afterSeq: 0 }],
      ['typing:set', { conversationId, typing: true }],
      ['receipt:update', { conversationId, kind: 'read', seq: 1 }],
      ['receipt:update', { conversationId, kind: 'delivered', seq: 0 }],
    ];
    for (const [event, payload] of attempts) {
      expect(await request(stranger, event, payload), event).toEqual({
        error: expect.objectContaining({ code: 'NOT_FOUND' }),
      });
    }
    const listed = await requestData<{ conversations: Conversation[] }>(stranger, 'conversation:list', {});
    expect(listed.conversations).toEqual([]);
    expect(await server.store.messages.count(conversationId)).toBe(1);
    expect(await server.store.conversations.getById(conversationId)).toEqual(before);
  });

  it('refuses agents of another tenant', async () => {
    const now = Date.now();
    await server.store.sites.create({
      id: crypto.randomUUID(),
      tenantId: 'other-shop',
      key: 'other-site',
      name: 'Other',
      allowedOrigins: [],
      settings: DEFAULT_SITE_SETTINGS,
      createdAt: now,
    });
    await server.store.agents.create({
      id: crypto.randomUUID(),
      tenantId: 'other-shop',
      email: 'rival@other.test',
      name: 'Rival',
      role: 'admin',
      active: true,
      avatarUrl: null,
      passwordHash: await hashPassword('rival-password'),
      createdAt: now,
    });
    const rival = await connectAgent(server.url, await login(server.url, 'rival@other.test', 'rival-password'));
    const conversationId = conversation.id;
    for (const [event, payload] of [
      ['conversation:open', { conversationId }],
      ['conversation:resolve', { conversationId }],
      ['message:send', { conversationId, clientId: 'rival', text: 'hi' }],
      ['messages:sync', { conversationId, afterSeq: 0 }],
    ] as const) {
      expect(await request(rival, event, payload), event).toEqual({
        error: expect.objectContaining({ code: 'NOT_FOUND' }),
      });
    }
    const listed = await requestData<{ conversations: Conversation[] }>(rival, 'conversation:list', {});
    expect(listed.conversations).toEqual([]);
    // And a visitor token of one site is not valid on another.
    const { session } = await connectVisitor(server.url);
    expect(
      await handshakeOutcome(server.url, VISITOR_NAMESPACE, {
        auth: { protocolVersion: PROTOCOL_VERSION, siteKey: 'other-site', visitorToken: session.visitorToken },
      }),
    ).toBe('UNAUTHORIZED');
    rival.close();
  });

  it('refuses agent sockets without a valid session at the handshake', async () => {
    const auth = { protocolVersion: PROTOCOL_VERSION };
    expect(await handshakeOutcome(server.url, AGENT_NAMESPACE, { auth })).toBe('UNAUTHORIZED');
    expect(
      await handshakeOutcome(server.url, AGENT_NAMESPACE, {
        auth,
        extraHeaders: { cookie: 'aftercare_session=forged-token' },
      }),
    ).toBe('UNAUTHORIZED');
    const cookie = await login(server.url);
    expect(await handshakeOutcome(server.url, AGENT_NAMESPACE, { auth, extraHeaders: { cookie } })).toBe('connected');
    await fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers: { cookie } });
    expect(await handshakeOutcome(server.url, AGENT_NAMESPACE, { auth, extraHeaders: { cookie } })).toBe(
      'UNAUTHORIZED',
    );
    // A visitor token is no agent session.
    const { session } = await connectVisitor(server.url);
    expect(
      await handshakeOutcome(server.url, AGENT_NAMESPACE, {
        auth,
        extraHeaders: { cookie: `aftercare_session=${session.visitorToken}` },
      }),
    ).toBe('UNAUTHORIZED');
  });

  it('refuses consoles on foreign origins and outdated clients', async () => {
    const cookie = await login(server.url);
    expect(
      await handshakeOutcome(server.url, AGENT_NAMESPACE, {
        auth: { protocolVersion: PROTOCOL_VERSION },
        extraHeaders: { cookie, origin: 'https://evil.example' },
      }),
    ).toBe('ORIGIN_NOT_ALLOWED');
    expect(
      await handshakeOutcome(server.url, AGENT_NAMESPACE, { auth: { protocolVersion: 0 }, extraHeaders: { cookie } }),
    ).toBe('PROTOCOL_MISMATCH');
  });

  it('checks the visitor handshake: site, token, origin allowlist, protocol', async () => {
    const auth = { protocolVersion: PROTOCOL_VERSION, siteKey: DEMO.siteKey };
    expect(await handshakeOutcome(server.url, VISITOR_NAMESPACE, { auth: { ...auth, siteKey: 'no-such-site' } })).toBe(
      'UNKNOWN_SITE',
    );
    expect(
      await handshakeOutcome(server.url, VISITOR_NAMESPACE, { auth: { ...auth, visitorToken: 'A'.repeat(43) } }),
    ).toBe('UNAUTHORIZED');
    expect(await handshakeOutcome(server.url, VISITOR_NAMESPACE, { auth: { ...auth, protocolVersion: 999 } })).toBe(
      'PROTOCOL_MISMATCH',
    );
    expect(await handshakeOutcome(server.url, VISITOR_NAMESPACE, { auth: { ...auth, siteKey: { $ne: null } } })).toBe(
      'INVALID_PAYLOAD',
    );
    expect(
      await handshakeOutcome(server.url, VISITOR_NAMESPACE, {
        auth,
        extraHeaders: { origin: 'https://phishing.example' },
      }),
    ).toBe('ORIGIN_NOT_ALLOWED');
    expect(
      await handshakeOutcome(server.url, VISITOR_NAMESPACE, {
        auth,
        extraHeaders: { origin: 'http://localhost:3000' },
      }),
    ).toBe('connected');
  });
});
