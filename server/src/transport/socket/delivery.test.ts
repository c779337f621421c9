import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  type Conversation,
  type Message,
  type MessagesSyncResult,
  PROTOCOL_VERSION,
  VISITOR_NAMESPACE,
} from '@aftercare/shared';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../lib/logger.js';
import {
  connectAgent,
  connectVisitor,
  login,
  nextEvents,
  requestData,
  startConversation,
} from '../../test-support/clients.js';
import { hasRedisServer, startRedisServer } from '../../test-support/redis-server.js';
import { spawnServer } from '../../test-support/spawn-server.js';
import { DEMO, startTestServer, type TestServer } from '../../test-support/test-server.js';
import { openSocketAdapter } from './redis-streams-adapter.js';

describe('delivery guarantees', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('stores a message sent three times once and acks each retry with the same sequence', async () => {
    const { socket: visitor } = await connectVisitor(server.url);
    const agent = await connectAgent(server.url);
    const conversation = await startConversation(visitor);
    let broadcasts = 0;
    agent.on('message:created', () => broadcasts++);
    const payload = { conversationId: conversation.id, clientId: crypto.randomUUID(), text: 'Is my kettle covered?' };

    // Concurrent retries (a flaky network re-sending before the first ack arrived) and a late one.
    const acks = await Promise.all(
      [1, 2].map(() => requestData<{ message: Message }>(visitor, 'message:send', payload)),
    );
    acks.push(await requestData<{ message: Message }>(visitor, 'message:send', payload));

    expect(new Set(acks.map((ack) => ack.message.seq))).toEqual(new Set([1]));
    expect(new Set(acks.map((ack) => ack.message.id)).size).toBe(1);
    expect(await server.store.messages.count(conversation.id)).toBe(1);
    // The message is announced once, not once per retry.
    await requestData(agent, 'conversation:list', {});
    expect(broadcasts).toBe(1);
    visitor.close();
    agent.close();
  });

  it('gives a client that was away exactly the messages it missed, in order', async () => {
    const { socket: visitor, session } = await connectVisitor(server.url);
    const conversation = await startConversation(visitor);
    const agent = await connectAgent(server.url);
    const first = await requestData<{ message: Message }>(visitor, 'message:send', {
      conversationId: conversation.id,
      clientId: 'before-disconnect',
      text: 'hello',
    });
    visitor.close();

    for (let i = 1; i <= 20; i++) {
      await requestData(agent, 'message:send', {
        conversationId: conversation.id,
        clientId: `reply-${i}`,
        text: `reply ${i}`,
      });
    }

    const { socket: back } = await connectVisitor(server.url, { visitorToken: session.visitorToken });
    const missed = await syncAll(back, conversation.id, first.message.seq, 7);
    expect(missed.map((message) => message.text)).toEqual(Array.from({ length: 20 }, (_, i) => `reply ${i + 1}`));
    expect(missed.map((message) => message.seq)).toEqual(
      Array.from({ length: 20 }, (_, i) => first.message.seq + i + 1),
    );
    back.close();
    agent.close();
  });
});

// Recovery is on in scale-out mode only: the Redis stream, not the heap, keeps what was missed.
describe.skipIf(!hasRedisServer())('connection state recovery (Redis Streams adapter)', () => {
  it('lets a client back in after a transport drop, with the recovery fields socket.io-client adds', async () => {
    const redis = await startRedisServer();
    const adapter = await openSocketAdapter({ redisUrl: redis.url, logger: silentLogger });
    const server = await startTestServer({ socketAdapter: adapter });
    try {
      const { session } = await connectVisitor(server.url);
      const socket = io(`${server.url}${VISITOR_NAMESPACE}`, {
        transports: ['websocket'],
        forceNew: true,
        reconnectionDelay: 50,
        auth: { protocolVersion: PROTOCOL_VERSION, siteKey: DEMO.siteKey, visitorToken: session.visitorToken },
      });
      await new Promise((resolve) => socket.once('session:ready', resolve));
      const conversation = await startConversation(socket);
      // Recovery resumes from the offset of the last broadcast received, so receive one first.
      const agent = await connectAgent(server.url);
      const received = nextEvents(socket, 'message:created');
      await requestData(agent, 'message:send', { conversationId: conversation.id, clientId: 'hello', text: 'Hello!' });
      await received;
      agent.close();
      // Cut the transport under the socket: the client reconnects by itself, sending `pid` and `offset`.
      const reconnected = new Promise((resolve, reject) => {
        socket.once('connect', () => resolve(undefined));
        socket.once('connect_error', reject);
      });
      socket.io.engine.close();
      await reconnected;
      expect(socket.recovered).toBe(true);
      const { message } = await requestData<{ message: Message }>(socket, 'message:send', {
        conversationId: conversation.id,
        clientId: 'after-recovery',
        text: 'still here',
      });
      expect(message.seq).toBe(2);
      socket.close();
    } finally {
      await server.close();
      await adapter.close();
      await redis.close();
    }
  });
});

describe('delivery across a server restart', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'aftercare-restart-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('catches a reconnecting client up from storage after the process restarted on the same data', async () => {
    let server = await spawnServer(dataDir);
    const { socket: visitor, session } = await connectVisitor(server.url);
    const conversation: Conversation = await startConversation(visitor);
    visitor.close();

    const agent = await connectAgent(server.url);
    const sent: Message[] = [];
    for (let i = 1; i <= 20; i++) {
      const { message } = await requestData<{ message: Message }>(agent, 'message:send', {
        conversationId: conversation.id,
        clientId: `restart-${i}`,
        text: `before restart ${i}`,
      });
      sent.push(message);
    }
    agent.close();
    expect(await server.stop()).toBe(0);

    server = await spawnServer(dataDir);
    try {
      const { socket: back, session: resumed } = await connectVisitor(server.url, {
        visitorToken: session.visitorToken,
      });
      expect(resumed.conversations.map((item) => item.id)).toEqual([conversation.id]);
      const missed = await syncAll(back, conversation.id, 0, 200);
      expect(missed).toEqual(sent);
      // Sessions are durable too: the agent's cookie still works after the restart.
      const cookie = await login(server.url);
      const again = await connectAgent(server.url, cookie);
      const next = nextEvents<{ message: Message }>(back, 'message:created');
      await requestData(again, 'message:send', {
        conversationId: conversation.id,
        clientId: 'after',
        text: 'after restart',
      });
      expect((await next)[0]!.message.seq).toBe(21);
      back.close();
      again.close();
    } finally {
      await server.stop();
    }
  }, 60_000);
});

/** Pages through `messages:sync` the way clients do after a reconnect. */
async function syncAll(
  socket: Parameters<typeof requestData>[0],
  conversationId: string,
  afterSeq: number,
  limit: number,
): Promise<Message[]> {
  const messages: Message[] = [];
  let cursor = afterSeq;
  for (;;) {
    const page = await requestData<MessagesSyncResult>(socket, 'messages:sync', {
      conversationId,
      afterSeq: cursor,
      limit,
    });
    messages.push(...page.messages);
    if (!page.hasMore) return messages;
    cursor = page.messages.at(-1)!.seq;
  }
}
