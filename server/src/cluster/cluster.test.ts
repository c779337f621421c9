import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Conversation, type Message, PROTOCOL_VERSION, VISITOR_NAMESPACE } from '@aftercare/shared';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../demo/demo-data.js';
import {
  type AgentClient,
  connectAgent,
  nextEvents,
  requestData,
  startConversation,
  type VisitorClient,
} from '../test-support/clients.js';
import { hasRedisServer, startRedisServer, type TestRedisServer } from '../test-support/redis-server.js';
import { spawnServer } from '../test-support/spawn-server.js';

/**
 * `WORKERS=2` as a site owner runs it: one primary on one port, two app processes behind it with
 * sticky sessions, one SQLite file, one Redis. Least-connection balancing puts the first two
 * clients on different workers, so every message here crosses processes.
 */
describe.skipIf(!hasRedisServer())('WORKERS=2: one port, two processes', () => {
  let redis: TestRedisServer;
  let server: Awaited<ReturnType<typeof spawnServer>>;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'aftercare-cluster-'));
  const sockets: Array<{ close(): unknown }> = [];

  beforeAll(async () => {
    redis = await startRedisServer();
    server = await spawnServer(dataDir, { WORKERS: '2', REDIS_URL: redis.url });
  }, 60_000);
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    expect(await server?.stop()).toBe(0);
    await redis?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A shopper on long-polling: each request must reach the worker holding its session. */
  async function pollingVisitor(): Promise<VisitorClient> {
    const socket: VisitorClient = io(`${server.url}${VISITOR_NAMESPACE}`, {
      transports: ['polling'],
      reconnection: false,
      forceNew: true,
      auth: { protocolVersion: PROTOCOL_VERSION, siteKey: DEMO.siteKey },
    });
    sockets.push(socket);
    await new Promise((resolve, reject) => {
      socket.once('session:ready', resolve);
      socket.once('connect_error', reject);
    });
    return socket;
  }

  it('carries a conversation between a polling shopper and an agent on the other worker', async () => {
    const agent: AgentClient = await connectAgent(server.url);
    sockets.push(agent);
    const visitor = await pollingVisitor();
    const created = nextEvents<{ conversation: Conversation }>(agent, 'conversation:created', 1, 10_000);
    const conversation = await startConversation(visitor, { name: 'Xu Lei' });
    expect((await created)[0]!.conversation.id).toBe(conversation.id);

    for (let index = 1; index <= 20; index++) {
      const seen = nextEvents<{ message: Message }>(agent, 'message:created', 1, 10_000);
      const { message } = await requestData<{ message: Message }>(visitor, 'message:send', {
        conversationId: conversation.id,
        clientId: `poll-${index}`,
        text: `message ${index}`,
      });
      expect(message.seq).toBe(index);
      expect((await seen)[0]!.message.id).toBe(message.id);
    }
    const reply = nextEvents<{ message: Message }>(visitor, 'message:created', 1, 10_000);
    await requestData(agent, 'message:send', { conversationId: conversation.id, clientId: 'agent-1', text: 'Got it' });
    expect((await reply)[0]!.message.text).toBe('Got it');
  });

  it('serves HTTP through the primary and answers health checks', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });
});
