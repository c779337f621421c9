import path from 'node:path';
import {
  AGENT_NAMESPACE,
  type Conversation,
  type Message,
  PROTOCOL_VERSION,
  SESSION_COOKIE,
  VISITOR_NAMESPACE,
} from '@aftercare/shared';
import Database from 'better-sqlite3';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthService } from '../../domain/agents/auth-service.js';
import { silentLogger } from '../../lib/logger.js';
import { createMemoryRateLimits } from '../../lib/rate-limit/memory-rate-limit.js';
import { hashToken, newToken } from '../../lib/tokens.js';
import { addAgent } from '../../test-support/agents.js';
import {
  type AgentClient,
  connectAgent,
  connectVisitor,
  login,
  nextEvents,
  requestData,
  startConversation,
  type VisitorClient,
} from '../../test-support/clients.js';
import { hasRedisServer, startRedisServer, type TestRedisServer } from '../../test-support/redis-server.js';
import { DEMO, startTestServer, type TestServer } from '../../test-support/test-server.js';
import { agentRoom } from './broadcaster.js';
import type { AgentSocket } from './namespaces.js';
import { type OpenedSocketAdapter, openSocketAdapter } from './redis-streams-adapter.js';
import { endWithSession } from './session-expiry.js';

/**
 * Connection state recovery must not outlive a session (issue 6). A console whose session was
 * revoked while it was away — signed out elsewhere, deactivated, password changed, expired — is
 * refused at the recovering handshake with UNAUTHORIZED and receives none of the events it missed;
 * a widget whose visitor token no longer exists likewise. Live sockets close with their session.
 * Every client is a real socket.io-client; what reaches it is read from its manager's packets.
 */

let offsetMs = 0;
const clock = { now: () => Date.now() + offsetMs };
const sockets: { close(): unknown }[] = [];
/** The server of the running suite, its admin, and a shopper whose chat broadcasts reach the consoles. */
let server: TestServer;
let admin: AgentClient;
let shopper: VisitorClient;
let conversation: Conversation;
/** Whether the running suite's server recovers connections (only with the Redis Streams adapter). */
let recovering: boolean;

/**
 * Runs `cases` against a fresh server whose socket.io adapter is the in-process one, or Redis
 * Streams (scale-out mode: missed packets are read back from the stream), when available.
 */
function withEachAdapter(cases: () => void): void {
  const modes = [
    { name: 'in-process adapter', skip: false },
    { name: 'Redis Streams adapter', skip: !hasRedisServer() },
  ];
  for (const mode of modes) {
    describe.skipIf(mode.skip)(mode.name, () => {
      let redis: TestRedisServer | undefined;
      let adapter: OpenedSocketAdapter | undefined;
      beforeAll(async () => {
        if (mode.name.startsWith('Redis')) {
          redis = await startRedisServer();
          adapter = await openSocketAdapter({ redisUrl: redis.url, logger: silentLogger });
        }
        server = await startTestServer({ clock, ...(adapter ? { socketAdapter: adapter } : {}) });
        recovering = adapter !== undefined;
        admin = await connectAgent(server.url);
        ({ socket: shopper } = await connectVisitor(server.url));
        conversation = await startConversation(shopper, { name: 'Recovering Rita' });
      });
      afterAll(async () => {
        for (const socket of [admin, shopper, ...sockets.splice(0)]) socket?.close();
        await server?.close();
        await adapter?.close();
        await redis?.close();
      });
      cases();
    });
  }
}

/** A client whose every decoded packet of `namespace` is recorded, and which reconnects only when told. */
function recordingClient(namespace: string, options: { cookie?: string; auth?: Record<string, unknown> }) {
  const socket = io(`${server.url}${namespace}`, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    auth: { protocolVersion: PROTOCOL_VERSION, ...options.auth },
    ...(options.cookie ? { extraHeaders: { cookie: options.cookie } } : {}),
  });
  sockets.push(socket);
  const events: unknown[][] = [];
  socket.io.on('packet', (packet) => {
    // 2: EVENT. CONNECT and CONNECT_ERROR are read through the socket's own events.
    if (packet.nsp === namespace && packet.type === 2) events.push(packet.data as unknown[]);
  });
  return { socket, events };
}

function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
}

/** The refusal of the next connection attempt (its code and body), or a failure if it was accepted. */
function refusal(socket: Socket): Promise<{ message: string; data?: { code: string } }> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => reject(new Error('the handshake was accepted')));
    socket.once('connect_error', (error) => resolve(error as unknown as { message: string; data?: { code: string } }));
  });
}

/** The network drops under `socket` (the server keeps its session for recovery). */
async function dropNetwork(socket: Socket): Promise<void> {
  const gone = new Promise<string>((resolve) => socket.once('disconnect', resolve));
  // Closing the transport under socket.io ('forced close' on this side) is what the server sees of a lost network.
  socket.io.engine.close();
  expect(await gone).toBe('forced close');
}

async function shopperSays(text: string): Promise<Message> {
  const sent = await requestData<{ message: Message }>(shopper, 'message:send', {
    conversationId: conversation.id,
    clientId: crypto.randomUUID(),
    text,
  });
  return sent.message;
}

/**
 * A console of a new agent that saw one broadcast (so it has an offset to recover from), lost its
 * network, and missed a message while away.
 */
async function consoleThatMissedAMessage(name: string) {
  const victim = await addAgent(server, { name, sockets });
  victim.socket.close();
  const cookie = await login(server.url, victim.email, victim.password);
  const client = recordingClient(AGENT_NAMESPACE, { cookie });
  await connected(client.socket);
  const seen = nextEvents(client.socket, 'message:created');
  await shopperSays(`before ${name} dropped`);
  await seen;
  await dropNetwork(client.socket);
  const missedFrom = client.events.length;
  const missed = await shopperSays(`missed by ${name}`);
  return { ...client, victim, cookie, missed, missedSince: () => client.events.slice(missedFrom) };
}

withEachAdapter(() => {
  describe('a console recovering after its session was revoked', () => {
    it('resumes with the missed events when the session is still valid (the control case)', async () => {
      const { socket, missed, missedSince } = await consoleThatMissedAMessage('Steady');
      const replayed = nextEvents<{ message: Message }>(socket, 'message:created');
      socket.connect();
      await connected(socket);
      expect(socket.recovered ?? false).toBe(recovering);
      // Without recovery (embedded mode) the console catches up from storage instead.
      if (!recovering) return void replayed.catch(() => {});
      expect((await replayed)[0]!.message).toMatchObject({ id: missed.id, text: missed.text });
      expect(missedSince().filter(([event]) => event === 'message:created')).toHaveLength(1);
    });

    const revocations: [string, (victim: { id: string; cookie: string }) => Promise<void>][] = [
      [
        'signed out of this session from another tab',
        async ({ cookie }) => {
          const response = await fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers: { cookie } });
          expect(response.status).toBe(204);
        },
      ],
      [
        'signed out everywhere from another browser',
        async ({ id }) => {
          const record = (await server.store.agents.getById(id))!;
          const other = await login(server.url, record.email, `password-of-${record.name}`);
          const response = await fetch(`${server.url}/api/auth/logout-everywhere`, {
            method: 'POST',
            headers: { cookie: other },
          });
          expect(response.status).toBe(204);
        },
      ],
      [
        'deactivated by an admin',
        async ({ id }) => {
          await requestData(admin, 'agent:update', { agentId: id, active: false });
        },
      ],
      [
        'given a new password by an admin',
        async ({ id }) => {
          await requestData(admin, 'agent:update', { agentId: id, password: 'a-brand-new-password-1' });
        },
      ],
      [
        'expired',
        async () => {
          offsetMs = 2 * 3600_000; // past startTestServer's one-hour session lifetime
        },
      ],
    ];

    for (const [index, [how, revoke]] of revocations.entries()) {
      it(`refuses the recovering handshake with UNAUTHORIZED and replays nothing when ${how}`, async () => {
        const { socket, victim, cookie, missedSince } = await consoleThatMissedAMessage(`Gone${index}`);
        try {
          await revoke({ id: victim.id, cookie });
          const refused = refusal(socket);
          socket.connect();
          const error = await refused;
          expect(error.message).toBe('UNAUTHORIZED');
          expect(error.data?.code).toBe('UNAUTHORIZED');
          // Give any stray frame time to arrive: nothing of the missed traffic may reach the client.
          await new Promise((resolve) => setTimeout(resolve, 200));
          expect(missedSince()).toEqual([]);
          expect(socket.connected).toBe(false);
          expect(server.app.io.of(AGENT_NAMESPACE).sockets.has(socket.id ?? '')).toBe(false);
        } finally {
          offsetMs = 0;
        }
      });
    }

    it('signs in again and catches up from storage what it missed', async () => {
      const { victim, missed } = await consoleThatMissedAMessage('Returning');
      await fetch(`${server.url}/api/auth/logout-everywhere`, {
        method: 'POST',
        headers: { cookie: await login(server.url, victim.email, victim.password) },
      });
      const fresh = await connectAgent(server.url, await login(server.url, victim.email, victim.password));
      sockets.push(fresh);
      const synced = await requestData<{ messages: Message[] }>(fresh, 'messages:sync', {
        conversationId: conversation.id,
        afterSeq: missed.seq - 1,
      });
      expect(synced.messages.map((message) => message.id)).toContain(missed.id);
    });
  });

  describe('a live console whose session ends', () => {
    it('is closed at once when the session is revoked', async () => {
      const victim = await addAgent(server, { name: 'Live', sockets });
      const closed = new Promise<string>((resolve) => victim.socket.once('disconnect', resolve));
      await requestData(admin, 'agent:update', { agentId: victim.id, active: false });
      expect(await closed).toBe('io server disconnect');
    });

    it('is closed at its next re-check when the session vanished from the store without a sign-out broadcast', async () => {
      const victim = await addAgent(server, { name: 'Unseen', sockets });
      const [serverSocket] = await server.app.io.of(AGENT_NAMESPACE).in(agentRoom(victim.id)).fetchSockets();
      const local = server.app.io.of(AGENT_NAMESPACE).sockets.get(serverSocket!.id) as unknown as AgentSocket;
      // As if the sign-out happened on a process whose broadcast never arrived: only the store knows.
      const auth = createAuthService({
        agents: server.store.agents,
        sessions: server.store.sessions,
        clock,
        sessionTtlMs: 3600_000,
        limits: createMemoryRateLimits(clock.now),
      });
      endWithSession(local, { auth, clock, logger: silentLogger }, 300);
      await server.store.sessions.delete(local.data.sessionKey);
      const reason = await new Promise<string>((resolve) => victim.socket.once('disconnect', resolve));
      expect(reason).toBe('io server disconnect');
    });

    it('is closed when its session expires, without any sign-out', async () => {
      const victim = await addAgent(server, { name: 'Brief', sockets });
      victim.socket.close();
      // A session with 1.5 seconds to live, stored as sign-in stores it.
      const token = newToken();
      const now = clock.now();
      await server.store.sessions.create({
        tokenHash: hashToken(token),
        agentId: victim.id,
        createdAt: now,
        expiresAt: now + 1_500,
      });
      const socket = await connectAgent(server.url, `${SESSION_COOKIE}=${token}`);
      sockets.push(socket);
      const started = Date.now();
      const reason = await new Promise<string>((resolve) => socket.once('disconnect', resolve));
      expect(reason).toBe('io server disconnect');
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
      expect(Date.now() - started).toBeLessThan(5_000);
      const me = await fetch(`${server.url}/api/auth/me`, { headers: { cookie: `${SESSION_COOKIE}=${token}` } });
      expect(me.status).toBe(401);
    });
  });

  describe('a widget recovering after its visitor token was removed', () => {
    /** A widget that saw one agent reply, lost its network and missed another. */
    async function widgetThatMissedAReply(remove: boolean) {
      const { socket: first, session } = await connectVisitor(server.url);
      const own = await startConversation(first, { name: remove ? 'Erased Eve' : 'Kept Kim' });
      first.close();
      const client = recordingClient(VISITOR_NAMESPACE, {
        auth: { siteKey: DEMO.siteKey, visitorToken: session.visitorToken },
      });
      await connected(client.socket);
      const reply = (text: string) =>
        requestData<{ message: Message }>(admin, 'message:send', {
          conversationId: own.id,
          clientId: crypto.randomUUID(),
          text,
        });
      const seen = nextEvents(client.socket, 'message:created');
      await reply('first reply');
      await seen;
      await dropNetwork(client.socket);
      const missedFrom = client.events.length;
      const missed = (await reply('reply while away')).message;
      if (remove) {
        // The customer is erased from the database (no product feature does this yet; an operator might).
        const db = new Database(path.join(server.dataDir, 'aftercare.db'));
        db.prepare('DELETE FROM visitor_tokens WHERE token_hash = ?').run(hashToken(session.visitorToken!));
        db.close();
      }
      return { ...client, missed, missedSince: () => client.events.slice(missedFrom) };
    }

    it('resumes with the missed reply while the token exists (the control case)', async () => {
      const { socket, missed, missedSince } = await widgetThatMissedAReply(false);
      const replayed = nextEvents<{ message: Message }>(socket, 'message:created');
      socket.connect();
      await connected(socket);
      expect(socket.recovered ?? false).toBe(recovering);
      if (!recovering) return void replayed.catch(() => {});
      expect((await replayed)[0]!.message.id).toBe(missed.id);
      expect(missedSince().some(([event]) => event === 'message:created')).toBe(true);
    });

    it('refuses the recovering handshake with UNAUTHORIZED and replays nothing once the token is gone', async () => {
      const { socket, missedSince } = await widgetThatMissedAReply(true);
      const refused = refusal(socket);
      socket.connect();
      const error = await refused;
      expect(error.message).toBe('UNAUTHORIZED');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(missedSince()).toEqual([]);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    });
  });
});
