import type { Conversation, Message, Team } from '@aftercare/shared';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCappedAgents } from '../../test-support/agents.js';
import {
  type AgentClient,
  connectAgent,
  connectVisitor,
  request,
  requestData,
  type VisitorClient,
} from '../../test-support/clients.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';

type Started = { conversation: Conversation; queuePosition: number | null };

/** The next `event` whose payload passes `match` (earlier broadcasts may still be arriving). */
function nextMatching<T>(client: AgentClient | VisitorClient, event: string, match: (payload: T) => boolean) {
  const socket = client as unknown as Socket;
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`timed out waiting for a matching ${event}`));
    }, 5_000);
    const listener = (payload: T) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}

describe('conversation:transfer to a team, with a note', () => {
  let server: TestServer;
  let admin: AgentClient;
  let ann: AgentClient;
  let bob: AgentClient;
  let annId: string;
  let bobId: string;
  let repairs: Team;
  const shoppers: VisitorClient[] = [];

  async function shopperStarts() {
    const { socket } = await connectVisitor(server.url);
    shoppers.push(socket);
    const started = await requestData<Started>(socket, 'conversation:start', { requestId: crypto.randomUUID() });
    return { socket, ...started };
  }

  beforeAll(async () => {
    server = await startTestServer();
    admin = await connectAgent(server.url);
    [{ id: annId, socket: ann }, { id: bobId, socket: bob }] = await addCappedAgents(server, admin, 1, ['Ann', 'Bob']);
    ({ team: repairs } = await requestData<{ team: Team }>(admin, 'team:create', {
      name: 'Repairs',
      memberIds: [bobId],
    }));
  });
  afterAll(async () => {
    for (const socket of [admin, ann, bob, ...shoppers]) socket?.close();
    await server?.close();
  });

  it('goes to a free member at once; the note reaches agents only', async () => {
    await requestData(ann, 'presence:set', { status: 'online' });
    const shopper = await shopperStarts();
    expect(shopper.conversation.assigneeId).toBe(annId);
    await requestData(bob, 'presence:set', { status: 'online' });

    const bobHears = nextMatching<{ conversation: Conversation }>(
      bob,
      'conversation:updated',
      (e) => e.conversation.id === shopper.conversation.id && e.conversation.assigneeId === bobId,
    );
    const noteArrives = nextMatching<{ message: Message }>(bob, 'message:created', (e) => e.message.internal);
    const shopperMessages: Message[] = [];
    shopper.socket.on('message:created', ({ message }) => shopperMessages.push(message));
    const { conversation } = await requestData<{ conversation: Conversation }>(ann, 'conversation:transfer', {
      conversationId: shopper.conversation.id,
      toTeamId: repairs.id,
      note: 'Kettle element fault: needs a repair ticket.',
    });
    expect(conversation).toMatchObject({ assigneeId: bobId, teamId: repairs.id, lastSeq: 1 });
    await bobHears;
    expect((await noteArrives).message).toMatchObject({
      text: 'Kettle element fault: needs a repair ticket.',
      author: { kind: 'agent', id: annId },
      internal: true,
    });

    const opened = await requestData<{ messages: Message[] }>(bob, 'conversation:open', {
      conversationId: conversation.id,
    });
    expect(opened.messages.map((m) => m.text)).toEqual(['Kettle element fault: needs a repair ticket.']);
    const synced = await requestData<{ messages: Message[] }>(shopper.socket, 'messages:sync', {
      conversationId: conversation.id,
      afterSeq: 0,
    });
    expect(synced.messages).toEqual([]);
    expect(shopperMessages).toEqual([]);
    await requestData(bob, 'conversation:resolve', { conversationId: conversation.id });
  });

  it('waits for the team when no member is free; a general chat does not wait behind it', async () => {
    const busy = await shopperStarts();
    expect(busy.conversation.assigneeId).toBe(annId);
    const bobs = await shopperStarts();
    expect(bobs.conversation.assigneeId).toBe(bobId);

    const { conversation } = await requestData<{ conversation: Conversation }>(admin, 'conversation:transfer', {
      conversationId: busy.conversation.id,
      toTeamId: repairs.id,
    });
    expect(conversation).toMatchObject({ assigneeId: null, teamId: repairs.id });
    expect((await requestData<{ queueLength: number }>(admin, 'presence:list', {})).queueLength).toBe(1);

    // Ann is free again but not in Repairs: the next shopper gets her at once.
    const next = await shopperStarts();
    expect(next).toMatchObject({ queuePosition: null, conversation: { assigneeId: annId } });

    const bobGetsIt = nextMatching<{ conversation: Conversation }>(
      admin,
      'conversation:updated',
      (e) => e.conversation.id === busy.conversation.id && e.conversation.assigneeId === bobId,
    );
    await requestData(bob, 'conversation:resolve', { conversationId: bobs.conversation.id });
    expect((await bobGetsIt).conversation).toMatchObject({ teamId: repairs.id });
    for (const done of [busy, next]) {
      const { conversation: current } = await requestData<{ conversation: Conversation }>(admin, 'conversation:open', {
        conversationId: done.conversation.id,
      });
      if (current.status === 'open') await requestData(admin, 'conversation:resolve', { conversationId: current.id });
    }
  });

  it('refuses both or neither target, an unknown team, a long note, and other people’s chats', async () => {
    const shopper = await shopperStarts();
    const conversationId = shopper.conversation.id;
    const refused: [unknown, string, AgentClient][] = [
      [{ conversationId, toAgentId: bobId, toTeamId: repairs.id }, 'INVALID_PAYLOAD', admin],
      [{ conversationId }, 'INVALID_PAYLOAD', admin],
      [{ conversationId, toTeamId: repairs.id, note: 'x'.repeat(5_001) }, 'PAYLOAD_TOO_LARGE', admin],
      [{ conversationId, toTeamId: repairs.id, note: '   ' }, 'INVALID_PAYLOAD', admin],
      [{ conversationId, toTeamId: crypto.randomUUID() }, 'NOT_FOUND', admin],
      [{ conversationId, toTeamId: repairs.id }, 'FORBIDDEN', shopper.conversation.assigneeId === annId ? bob : ann],
    ];
    for (const [payload, code, socket] of refused) {
      expect(await request(socket, 'conversation:transfer', payload)).toMatchObject({ error: { code } });
    }
    const stored = await server.store.conversations.getById(conversationId);
    expect(stored).toMatchObject({ teamId: null, lastSeq: 0 });
  });
});
