import { AGENT_NAMESPACE, type AgentPresence, PROTOCOL_VERSION, type Response } from '@aftercare/shared';
import { expect, test } from '@playwright/test';
import { io, type Socket } from 'socket.io-client';
import type { Cluster } from '../support/cluster.js';
import { conversationProblems } from '../support/fault-checks.js';
import { AgentClient, createAgents, ShopperClient } from '../support/fault-clients.js';
import { useCluster } from '../support/fault-suite.js';

/**
 * Scale-out mode end to end: a shopper connected to one server process and an agent connected to
 * another, sharing one SQLite file and one Redis (presence and routing, socket.io's Redis Streams
 * adapter for every broadcast). Everything one side does must reach the other, once.
 */
let cluster: Cluster;
const { track } = useCluster((started) => {
  cluster = started;
});

test('a shopper on process 1 and an agent on process 2 hold a whole conversation', async () => {
  const urls = () => cluster.urls();
  const [cookie] = await createAgents(cluster.urls()[1]!, 1, 5);
  const agent = track(new AgentClient('agent on process 2', urls, 1, cookie!));
  await agent.start();
  const shopper = track(new ShopperClient('shopper on process 1', urls, 0));
  await shopper.start();

  // Routing sees the agent's presence in Redis: the chat goes to them, not into the line.
  const { conversation, queuePosition } = await shopper.startConversation();
  const conversationId = conversation.id;
  expect(conversation.assigneeId).toBe(agent.agent!.id);
  expect(queuePosition).toBeNull();
  await expect.poll(() => agent.announced.get(conversationId)?.assigneeId).toBe(agent.agent!.id);
  agent.following.add(conversationId);

  await shopper.requestData('typing:set', { conversationId, typing: true });
  await expect
    .poll(() => agent.typing.some((event) => event.conversationId === conversationId && event.authorKind === 'visitor'))
    .toBe(true);

  // Both sides write at once, interleaved.
  for (let index = 0; index < 10; index++) {
    shopper.say(`question ${index}`);
    agent.reply(conversationId, `answer ${index}`);
  }
  await Promise.all([shopper.whenIdle(), agent.whenIdle()]);
  for (const client of [shopper, agent]) {
    await expect.poll(() => client.views.get(conversationId)?.size, { message: client.name }).toBe(20);
  }

  await agent.requestData('typing:set', { conversationId, typing: true });
  await expect.poll(() => shopper.typing.some((event) => event.typing && event.authorKind === 'agent')).toBe(true);

  const lastSeq = Math.max(...shopper.views.get(conversationId)!.keys());
  await shopper.requestData('receipt:update', { conversationId, kind: 'read', seq: lastSeq });
  await expect
    .poll(() => agent.receipts.some((event) => event.side === 'visitor' && event.readSeq === lastSeq))
    .toBe(true);

  await agent.requestData('conversation:resolve', { conversationId });
  await expect.poll(() => shopper.updates.at(-1)?.status).toBe('resolved');

  cluster.assertNoCrash();
  expect(
    conversationProblems(
      cluster,
      conversationId,
      [shopper, agent],
      [
        { client: shopper, side: 'visitor', live: true },
        { client: agent, side: 'agent', live: true },
      ],
    ),
  ).toEqual([]);
});

test('consoles that announce their status as soon as they connect are online on either process', async () => {
  const cookies = await createAgents(cluster.urls()[0]!, 10, 5);
  const sockets: Socket[] = [];
  try {
    // As the console does (create-workspace.ts): `presence:set` on `connect`, not after `session:ready`.
    const statuses = await Promise.all(
      cookies.map(async (cookie, index) => {
        const socket = io(`${cluster.urls()[index % 2]}${AGENT_NAMESPACE}`, {
          transports: ['websocket'],
          forceNew: true,
          reconnection: false,
          auth: { protocolVersion: PROTOCOL_VERSION },
          extraHeaders: { cookie },
        });
        sockets.push(socket);
        await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
        const response = (await socket.timeout(5_000).emitWithAck('presence:set', { status: 'online' })) as Response<{
          presence: AgentPresence;
        }>;
        return 'data' in response ? response.data.presence : response.error.code;
      }),
    );
    for (const presence of statuses) expect(presence).toMatchObject({ status: 'online', connections: 1 });
  } finally {
    for (const socket of sockets) socket.close();
  }
});
