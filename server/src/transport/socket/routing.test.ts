import type { AgentPresence, Conversation } from '@aftercare/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCappedAgents } from '../../test-support/agents.js';
import {
  type AgentClient,
  connectAgent,
  connectVisitor,
  nextEvents,
  request,
  requestData,
  type VisitorClient,
} from '../../test-support/clients.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';

interface Started {
  conversation: Conversation;
  created: boolean;
  queuePosition: number | null;
}

describe('routing over sockets', () => {
  let server: TestServer;
  let admin: AgentClient;
  let ann: AgentClient;
  let bob: AgentClient;
  let annId: string;
  let bobId: string;
  const shoppers: VisitorClient[] = [];

  async function shopperStarts(name: string) {
    const { socket } = await connectVisitor(server.url);
    shoppers.push(socket);
    const started = await requestData<Started>(socket, 'conversation:start', { requestId: crypto.randomUUID(), name });
    return { socket, ...started };
  }

  beforeAll(async () => {
    server = await startTestServer();
    admin = await connectAgent(server.url);
    [{ id: annId, socket: ann }, { id: bobId, socket: bob }] = await addCappedAgents(server, admin, 1, ['Ann', 'Bob']);
    for (const socket of [ann, bob]) await requestData(socket, 'presence:set', { status: 'online' });
  });
  afterAll(async () => {
    for (const socket of [admin, ann, bob, ...shoppers]) socket?.close();
    await server?.close();
  });

  it('gives two agents of capacity 1 one chat each, queues the third, and assigns it when one resolves', async () => {
    const first = await shopperStarts('Shopper One');
    const second = await shopperStarts('Shopper Two');
    const third = await shopperStarts('Shopper Three');
    const assignees = [first.conversation.assigneeId, second.conversation.assigneeId];
    expect(new Set(assignees)).toEqual(new Set([annId, bobId]));
    expect(third).toMatchObject({ queuePosition: 1, conversation: { assigneeId: null } });

    const list = await requestData<{ agents: AgentPresence[]; queueLength: number }>(admin, 'presence:list', {});
    expect(list.queueLength).toBe(1);
    expect(
      list.agents
        .filter((agent) => agent.load === 1)
        .map((agent) => agent.agentId)
        .sort(),
    ).toEqual([annId, bobId].sort());

    // The agent who resolves gets the waiting chat; its shopper hears they are no longer waiting.
    const resolver = first.conversation.assigneeId === annId ? ann : bob;
    const positionUpdate = nextEvents<{ conversationId: string; position: number | null }>(
      third.socket,
      'queue:position',
    );
    const updated = nextEvents<{ conversation: Conversation }>(third.socket, 'conversation:updated');
    await requestData(resolver, 'conversation:resolve', { conversationId: first.conversation.id });
    expect((await positionUpdate)[0]).toEqual({ conversationId: third.conversation.id, position: null });
    expect((await updated)[0]!.conversation.assigneeId).toBe(first.conversation.assigneeId);
  });

  it('lets an agent transfer their chat only to a colleague with free capacity, and a supervisor anyway', async () => {
    const { conversation } = await shopperStarts('Shopper Four');
    expect(conversation.assigneeId).toBeNull(); // everyone is at capacity
    const owner = (
      await requestData<{ conversations: Conversation[] }>(admin, 'conversation:list', { status: 'open' })
    ).conversations.find((item) => item.assigneeId === annId)!;
    expect(await request(ann, 'conversation:transfer', { conversationId: owner.id, toAgentId: bobId })).toEqual({
      error: expect.objectContaining({ code: 'CONFLICT' }),
    });
    expect(await request(bob, 'conversation:transfer', { conversationId: owner.id, toAgentId: bobId })).toEqual({
      error: expect.objectContaining({ code: 'FORBIDDEN' }),
    });
    const moved = await requestData<{ conversation: Conversation }>(admin, 'conversation:transfer', {
      conversationId: owner.id,
      toAgentId: bobId,
    });
    expect(moved.conversation.assigneeId).toBe(bobId);
  });

  it('marks an agent away when their last console disconnects, and refuses capacity changes by non-admins', async () => {
    const seen = nextEvents<{ presence: AgentPresence }>(admin, 'presence:changed');
    ann.close();
    const [{ presence }] = (await seen) as [{ presence: AgentPresence }];
    expect(presence).toMatchObject({ agentId: annId, status: 'away', connections: 0 });
    expect(await request(bob, 'agent:set-capacity', { agentId: bobId, capacity: 5 })).toEqual({
      error: expect.objectContaining({ code: 'FORBIDDEN' }),
    });
  });
});
