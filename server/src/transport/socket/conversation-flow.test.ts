import type { Conversation, Customer, Message, ReceiptUpdatedEvent, TypingChangedEvent } from '@aftercare/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AgentClient,
  connectAgent,
  connectVisitor,
  nextEvents,
  requestData,
  startConversation,
  type VisitorClient,
} from '../../test-support/clients.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';

const product = {
  name: 'Cordless Vacuum V8',
  sku: 'VAC-V8-GRY',
  price: 1299,
  currency: 'CNY',
  imageUrl: 'https://shop.example.com/v8.jpg',
  url: 'https://shop.example.com/p/v8',
};

describe('a conversation between a shopper and an agent', () => {
  let server: TestServer;
  let visitor: VisitorClient;
  let agent: AgentClient;
  let conversation: Conversation;

  beforeAll(async () => {
    server = await startTestServer();
    agent = await connectAgent(server.url);
    ({ socket: visitor } = await connectVisitor(server.url));
  });

  afterAll(async () => {
    visitor?.close();
    agent?.close();
    await server?.close();
  });

  it('announces a new conversation with its product and contact details to agents', async () => {
    const created = nextEvents<{ conversation: Conversation; customer: { name?: string } }>(
      agent,
      'conversation:created',
    );
    conversation = await startConversation(visitor, { name: 'Wang Fang', email: 'fang@example.com', product });
    const [event] = await created;
    expect(event!.conversation.id).toBe(conversation.id);
    expect(event!.conversation.product).toEqual(product);
    expect(event!.customer.name).toBe('Wang Fang');
  });

  it('delivers a shopper message to the agent with its sequence number', async () => {
    const received = nextEvents<{ message: Message }>(agent, 'message:created');
    const { message } = await requestData<{ message: Message }>(visitor, 'message:send', {
      conversationId: conversation.id,
      clientId: 'c-1',
      text: 'My vacuum stopped charging 我的吸尘器不能充电了',
    });
    expect(message).toMatchObject({ seq: 1, clientId: 'c-1', author: { kind: 'visitor', name: 'Wang Fang' } });
    const [event] = await received;
    expect(event!.message).toEqual(message);
  });

  it('delivers an agent reply to the shopper', async () => {
    const received = nextEvents<{ message: Message }>(visitor, 'message:created');
    const { message } = await requestData<{ message: Message }>(agent, 'message:send', {
      conversationId: conversation.id,
      clientId: 'a-1',
      text: 'Sorry to hear that. Which charger are you using?',
    });
    expect(message).toMatchObject({ seq: 2, author: { kind: 'agent', name: 'Demo Agent' } });
    const [event] = await received;
    expect(event!.message).toEqual(message);
  });

  it('shows typing both ways without storing anything', async () => {
    const agentSees = nextEvents<TypingChangedEvent>(agent, 'typing:changed');
    await requestData(visitor, 'typing:set', { conversationId: conversation.id, typing: true });
    expect((await agentSees)[0]).toMatchObject({
      conversationId: conversation.id,
      typing: true,
      author: { kind: 'visitor' },
    });

    const visitorSees = nextEvents<TypingChangedEvent>(visitor, 'typing:changed');
    await requestData(agent, 'typing:set', { conversationId: conversation.id, typing: false });
    expect((await visitorSees)[0]).toMatchObject({ typing: false, author: { kind: 'agent', name: 'Demo Agent' } });
    expect(await server.store.messages.count(conversation.id)).toBe(2);
  });

  it('moves delivered and read markers forward and tells the other side', async () => {
    // Each sender has read up to its own message: the shopper's side starts at 1, the agents' at 2.
    const agentSees = nextEvents<ReceiptUpdatedEvent>(agent, 'receipt:updated');
    await requestData(visitor, 'receipt:update', { conversationId: conversation.id, kind: 'delivered', seq: 2 });
    expect((await agentSees)[0]).toEqual({
      conversationId: conversation.id,
      side: 'visitor',
      deliveredSeq: 2,
      readSeq: 1,
    });

    await requestData(visitor, 'message:send', {
      conversationId: conversation.id,
      clientId: 'c-2',
      text: 'The blue one',
    });
    const visitorSees = nextEvents<ReceiptUpdatedEvent>(visitor, 'receipt:updated');
    const { conversation: updated } = await requestData<{ conversation: Conversation }>(agent, 'receipt:update', {
      conversationId: conversation.id,
      kind: 'read',
      seq: 3,
    });
    expect(updated.agentReceipts).toEqual({ deliveredSeq: 3, readSeq: 3 });
    expect((await visitorSees)[0]).toMatchObject({ side: 'agent', deliveredSeq: 3, readSeq: 3 });

    // Markers never move backwards, and never past the last message.
    const { conversation: later } = await requestData<{ conversation: Conversation }>(visitor, 'receipt:update', {
      conversationId: conversation.id,
      kind: 'read',
      seq: 99,
    });
    expect(later.visitorReceipts).toEqual({ deliveredSeq: 3, readSeq: 3 });
    const { conversation: unchanged } = await requestData<{ conversation: Conversation }>(agent, 'receipt:update', {
      conversationId: conversation.id,
      kind: 'read',
      seq: 1,
    });
    expect(unchanged.agentReceipts).toEqual({ deliveredSeq: 3, readSeq: 3 });
  });

  it('lets the agent resolve and reopen, and closes the chat to new shopper messages meanwhile', async () => {
    const visitorSees = nextEvents<{ conversation: Conversation }>(visitor, 'conversation:updated');
    const resolved = await requestData<{ conversation: Conversation }>(agent, 'conversation:resolve', {
      conversationId: conversation.id,
    });
    expect(resolved.conversation.status).toBe('resolved');
    expect(resolved.conversation.resolvedAt).toEqual(expect.any(Number));
    expect((await visitorSees)[0]!.conversation.status).toBe('resolved');

    const refused = await visitor.timeout(5_000).emitWithAck('message:send', {
      conversationId: conversation.id,
      clientId: 'c-late',
      text: 'one more thing',
    });
    expect(refused).toEqual({ error: expect.objectContaining({ code: 'CONVERSATION_CLOSED' }) });
    // A retry of a message stored before the chat closed still gets its ack.
    const retry = await requestData<{ message: Message }>(visitor, 'message:send', {
      conversationId: conversation.id,
      clientId: 'c-1',
      text: 'My vacuum stopped charging 我的吸尘器不能充电了',
    });
    expect(retry.message.seq).toBe(1);

    const reopened = await requestData<{ conversation: Conversation }>(agent, 'conversation:reopen', {
      conversationId: conversation.id,
    });
    expect(reopened.conversation).toMatchObject({ status: 'open', resolvedAt: null });
  });

  it('lists conversations for both sides and opens one for the agent with its history', async () => {
    const mine = await requestData<{ conversations: Conversation[] }>(visitor, 'conversation:list', {});
    expect(mine.conversations.map((item) => item.id)).toEqual([conversation.id]);
    const open = await requestData<{ conversations: Conversation[]; customers: Customer[] }>(
      agent,
      'conversation:list',
      {
        status: 'open',
      },
    );
    expect(open.conversations.map((item) => item.id)).toContain(conversation.id);
    expect(open.customers.find((customer) => customer.id === conversation.customerId)?.name).toBe('Wang Fang');
    const opened = await requestData<{ messages: Message[]; customer: { email?: string } }>(
      agent,
      'conversation:open',
      {
        conversationId: conversation.id,
      },
    );
    expect(opened.messages.map((message) => message.seq)).toEqual([1, 2, 3]);
    expect(opened.customer.email).toBe('fang@example.com');
  });

  it('returns the open conversation instead of starting a second one', async () => {
    const again = await requestData<{ conversation: Conversation; created: boolean }>(visitor, 'conversation:start', {
      requestId: 'another-request',
    });
    expect(again).toMatchObject({ created: false, conversation: { id: conversation.id } });
  });

  it('keeps a shopper on their conversation across connections with the token', async () => {
    const { session } = await connectVisitor(server.url);
    expect(session.visitorToken).toEqual(expect.any(String));
    // The shop's internal label for the customer never reaches the shopper.
    expect(session.customer).not.toHaveProperty('tier');
    const { socket: again, session: resumed } = await connectVisitor(server.url, {
      visitorToken: session.visitorToken,
    });
    expect(resumed.visitorToken).toBeUndefined();
    expect(resumed.customer.id).toBe(session.customer.id);
    again.close();
  });
});
