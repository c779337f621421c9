import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Conversation, Message } from '@aftercare/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPresenceOptions } from '../../domain/routing/presence-port.js';
import { silentLogger } from '../../lib/logger.js';
import { RedisPresence } from '../../presence/redis/redis-presence.js';
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
import {
  connectTestClient,
  hasRedisServer,
  startRedisServer,
  type TestRedisServer,
} from '../../test-support/redis-server.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import { type OpenedSocketAdapter, openSocketAdapter } from './redis-streams-adapter.js';

/**
 * Two apps in one test process stand for two server processes: one SQLite file, one Redis, each
 * with its own socket.io Redis Streams adapter and Redis presence (the fault tests in `e2e/` do
 * the same with real processes, kill -9 and all).
 */
describe.skipIf(!hasRedisServer())('socket.io Redis Streams adapter (two processes on one Redis)', () => {
  let redis: TestRedisServer;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'aftercare-scale-'));
  const servers: TestServer[] = [];
  const adapters: OpenedSocketAdapter[] = [];
  const closers: Array<() => Promise<unknown>> = [];
  let one: TestServer;
  let two: TestServer;
  let agent: AgentClient;
  let agentId: string;
  let visitor: VisitorClient;
  let visitorToken: string;
  let linSignIn: () => Promise<string>;
  let conversation: Conversation;
  let sent = 0;

  async function startProcess(): Promise<TestServer> {
    const adapter = await openSocketAdapter({ redisUrl: redis.url, logger: silentLogger });
    const presenceClient = await connectTestClient(redis.url);
    closers.push(() => presenceClient.quit().catch(() => presenceClient.destroy()));
    adapters.push(adapter);
    const server = await startTestServer({
      dataDir,
      presence: new RedisPresence(presenceClient, defaultPresenceOptions),
      socketAdapter: adapter,
    });
    servers.push(server);
    return server;
  }

  /** A visitor message on process one, seen by the agent on process two. */
  async function visitorSays(text: string): Promise<{ sent: Message; seen: Promise<Array<{ message: Message }>> }> {
    const seen = nextEvents<{ message: Message }>(agent, 'message:created', 1, 8_000);
    const { message } = await requestData<{ message: Message }>(visitor, 'message:send', {
      conversationId: conversation.id,
      clientId: `v-${++sent}`,
      text,
    });
    return { sent: message, seen };
  }

  beforeAll(async () => {
    redis = await startRedisServer();
    one = await startProcess();
    two = await startProcess();
    const lin = await addAgent(two, { name: 'Lin' });
    ({ socket: agent, id: agentId } = lin);
    linSignIn = () => login(two.url, lin.email, lin.password);
    await requestData(agent, 'presence:set', { status: 'online' });
    const connected = await connectVisitor(one.url);
    visitor = connected.socket;
    visitorToken = connected.session.visitorToken!;
    conversation = await startConversation(visitor, { name: 'Zhou Min' });
  });
  afterAll(async () => {
    agent?.close();
    visitor?.close();
    for (const server of servers) await server.close({ keepData: true });
    for (const adapter of adapters) await adapter.close();
    for (const close of closers) await close();
    await redis?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('routes a chat started on one process to the agent on the other and carries messages both ways', async () => {
    expect(conversation.assigneeId).not.toBeNull();
    const { sent: message, seen } = await visitorSays('Screen flickers after the update');
    expect((await seen)[0]!.message).toEqual(message);

    const reply = nextEvents<{ message: Message }>(visitor, 'message:created', 1, 8_000);
    const { message: answer } = await requestData<{ message: Message }>(agent, 'message:send', {
      conversationId: conversation.id,
      clientId: 'a-1',
      text: 'Which model is it?',
    });
    expect((await reply)[0]!.message).toEqual(answer);
  });

  it("publishes and reads broadcasts without a timer per Redis command (node-redis's default timeout)", async () => {
    // Each default command timeout is an AbortSignal.timeout: a timer, and a DOMException 5 s
    // later whether or not Redis answered — CPU and old-generation garbage on every broadcast.
    const timeout = AbortSignal.timeout.bind(AbortSignal);
    let adapterTimers = 0;
    AbortSignal.timeout = (ms: number) => {
      if (new Error().stack?.includes('redis-streams-adapter')) adapterTimers++;
      return timeout(ms);
    };
    try {
      for (let i = 0; i < 5; i++) {
        const { sent: message, seen } = await visitorSays(`Still flickering (${i})`);
        expect((await seen)[0]!.message).toEqual(message);
      }
    } finally {
      AbortSignal.timeout = timeout;
    }
    expect(adapterTimers).toBe(0);
  });

  it("applies an admin's change of an agent's name on one process to the agent's console on the other", async () => {
    const admin = await connectAgent(one.url);
    try {
      await requestData(admin, 'agent:update', { agentId, name: 'Lin Hui' });
      await waitFor(async () => {
        const { message } = await requestData<{ message: Message }>(agent, 'message:send', {
          conversationId: conversation.id,
          clientId: crypto.randomUUID(),
          text: 'Checking the name',
        });
        return message.author.name === 'Lin Hui';
      });
    } finally {
      admin.close();
    }
  });

  it('keeps serving its own clients while Redis is down, and joins up again when it returns', async () => {
    // A second agent on process one: its chat stays local while Redis is away.
    const local = await connectAgent(one.url);
    try {
      await redis.stop();
      const localSees = nextEvents<{ message: Message }>(local, 'message:created', 1, 8_000);
      const { message } = await requestData<{ message: Message }>(visitor, 'message:send', {
        conversationId: conversation.id,
        clientId: `v-${++sent}`,
        text: 'Still there?',
      });
      expect((await localSees)[0]!.message).toEqual(message);
      expect(adapters[0]!.isReady()).toBe(false);

      await redis.restart();
      await waitFor(() => adapters.every((adapter) => adapter.isReady()));
      // Every process closes its clients' transports so they resync from storage (the other
      // process's clients missed what was published meanwhile); these test clients do not
      // reconnect by themselves, so connect them again as the widget and console would.
      await waitFor(() => !visitor.connected && !agent.connected && !local.connected);
      visitor = (await connectVisitor(one.url, { visitorToken })).socket;
      agent = await connectAgent(two.url, await linSignIn());
      // The stream readers come back by themselves; retry until a broadcast crosses again.
      await waitFor(async () => {
        const { sent: again, seen } = await visitorSays('And now?');
        return (await seen.catch(() => []))[0]?.message.id === again.id;
      }, 20_000);
    } finally {
      local.close();
    }
  });
});

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
