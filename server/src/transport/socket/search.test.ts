import type { Conversation, ConversationListResult, Message, SearchResult } from '@aftercare/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRivalShop } from '../../test-support/agents.js';
import {
  type AgentClient,
  connectAgent,
  connectVisitor,
  request,
  requestData,
  startConversation,
  type VisitorClient,
} from '../../test-support/clients.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';

describe('console search and inbox filters over sockets', () => {
  let server: TestServer;
  let agent: AgentClient;
  let rival: AgentClient;
  let shopper: VisitorClient;
  let rivalShopper: VisitorClient;
  let chat: Conversation;
  let rivalChat: Conversation;
  const sockets: { close(): void }[] = [];

  const send = (socket: AgentClient | VisitorClient, conversationId: string, text: string) =>
    requestData<{ message: Message }>(socket, 'message:send', { conversationId, clientId: crypto.randomUUID(), text });

  beforeAll(async () => {
    server = await startTestServer();
    agent = await connectAgent(server.url);
    ({ socket: rival } = await addRivalShop(server));
    shopper = (await connectVisitor(server.url)).socket;
    rivalShopper = (await connectVisitor(server.url, { siteKey: 'rival-site' })).socket;
    sockets.push(agent, rival, shopper, rivalShopper);

    chat = await startConversation(shopper, {
      name: 'Li Lei',
      email: 'li.lei@example.cn',
      product: { name: 'Phone X 手机', sku: 'PX-1' },
    });
    await send(shopper, chat.id, '我的手机屏幕坏了 the screen is cracked');
    rivalChat = await startConversation(rivalShopper, { name: 'Li Rival', email: 'li@rival.example' });
    await send(rivalShopper, rivalChat.id, '屏幕 screen secret of the rival shop');
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await server?.close();
  });

  it('finds messages in Chinese and English with a snippet and the seq to jump to, in the caller’s tenant only', async () => {
    for (const query of ['屏幕', '手机屏幕', 'SCREEN cracked']) {
      const result = await requestData<SearchResult>(agent, 'search:query', { query });
      expect(
        result.messages.map((hit) => hit.conversation.id),
        query,
      ).toEqual([chat.id]);
      const [hit] = result.messages;
      expect(hit).toMatchObject({ seq: 1, authorKind: 'visitor', internal: false });
      const { text, highlights } = hit!.snippet;
      expect(highlights.length, query).toBeGreaterThan(0);
      for (const [start, end] of highlights)
        expect(query.toLowerCase()).toContain(text.slice(start, end).toLowerCase());
      expect(result.customers.map((customer) => customer.id)).toEqual([chat.customerId]);
    }
    const theirs = await requestData<SearchResult>(rival, 'search:query', { query: 'screen' });
    expect(theirs.messages.map((hit) => hit.conversation.id)).toEqual([rivalChat.id]);
    const none = await requestData<SearchResult>(agent, 'search:query', { query: 'secret' });
    expect(none).toEqual({ messages: [], customerHits: [], customers: [], nextCursor: null });
  });

  it('finds customers by email and name, never another tenant’s', async () => {
    const byEmail = await requestData<SearchResult>(agent, 'search:query', { query: 'li.lei@example' });
    expect(byEmail.customerHits.map((customer) => customer.id)).toEqual([chat.customerId]);
    const byName = await requestData<SearchResult>(agent, 'search:query', { query: 'li' });
    expect(byName.customerHits.map((customer) => customer.name)).toEqual(['Li Lei']);
  });

  it('internal notes are found by agents; shoppers cannot search at all', async () => {
    await requestData(agent, 'note:add', {
      conversationId: chat.id,
      clientId: crypto.randomUUID(),
      text: 'Supplier batch 42',
    });
    const result = await requestData<SearchResult>(agent, 'search:query', { query: 'batch 42' });
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0]).toMatchObject({ internal: true, authorKind: 'agent' });
    expect(await request(shopper, 'search:query', { query: 'batch' })).toMatchObject({
      error: { code: 'INVALID_PAYLOAD' },
    });
  });

  it('search syntax and injection-looking text is searched literally; bad payloads are refused', async () => {
    for (const query of [
      '"',
      '*',
      'NEAR(screen cracked)',
      '-screen',
      'screen OR kettle',
      "'; DROP TABLE messages; --",
      '%',
      '.*',
      '\\',
    ]) {
      const response = await request<SearchResult>(agent, 'search:query', { query });
      expect(response, query).toHaveProperty('data');
    }
    const sync = await requestData<{ messages: Message[] }>(agent, 'messages:sync', {
      conversationId: chat.id,
      afterSeq: 0,
    });
    expect(sync.messages.length).toBeGreaterThan(0);
    for (const payload of [
      { query: '' },
      { query: '   ' },
      { query: 'x'.repeat(201) },
      { query: { $ne: null } },
      { query: 'screen', extra: 1 },
      { query: 'screen', limit: 0 },
      { query: 'screen', cursor: { createdAt: -1, messageId: 'm' } },
    ]) {
      expect(await request(agent, 'search:query', payload), JSON.stringify(payload)).toMatchObject({
        error: { code: expect.stringMatching(/INVALID_PAYLOAD|PAYLOAD_TOO_LARGE/) },
      });
    }
  });

  it('pages message hits with the cursor, newest first, each once', async () => {
    for (let i = 0; i < 5; i++) await send(shopper, chat.id, `pager word ${i}`);
    const first = await requestData<SearchResult>(agent, 'search:query', { query: 'pager', limit: 3 });
    expect(first.nextCursor).not.toBeNull();
    const second = await requestData<SearchResult>(agent, 'search:query', {
      query: 'pager',
      limit: 3,
      cursor: first.nextCursor,
    });
    expect(second.nextCursor).toBeNull();
    expect(second.customerHits).toEqual([]);
    const texts = [...first.messages, ...second.messages].map((hit) => hit.snippet.text);
    expect(texts).toEqual([4, 3, 2, 1, 0].map((i) => `pager word ${i}`));
  });

  it('conversation:list filters by waiting on, product, agent and site, with a stable cursor', async () => {
    const list = (payload: Record<string, unknown>) =>
      requestData<ConversationListResult>(agent, 'conversation:list', { status: 'open', ...payload });
    const ids = async (payload: Record<string, unknown>) => (await list(payload)).conversations.map((c) => c.id);
    const other = await connectVisitor(server.url);
    sockets.push(other.socket);
    const quiet = await startConversation(other.socket, { product: { name: 'Kettle K2', sku: 'K2' } });

    await send(shopper, chat.id, 'Anyone there?');
    expect(await ids({ waitingOn: 'agent' })).toContain(chat.id);
    expect(await ids({ waitingOn: 'customer' })).not.toContain(chat.id);
    const answer = await send(agent, chat.id, 'Yes, send a photo please');
    const listed = (await list({ waitingOn: 'customer' })).conversations.find((c) => c.id === chat.id);
    expect(listed).toMatchObject({ awaitingReplyFrom: 'customer', firstReplyAt: answer.message.createdAt });
    await send(shopper, chat.id, 'Here it is');
    expect(await ids({ waitingOn: 'customer' })).not.toContain(chat.id);

    expect(await ids({ product: 'px-1' })).toEqual([chat.id]);
    expect(await ids({ product: '手机' })).toEqual([chat.id]);
    expect(await ids({ product: 'kettle' })).toEqual([quiet.id]);
    expect(await ids({ siteId: chat.siteId, product: 'k2' })).toEqual([quiet.id]);
    expect(await ids({ siteId: rivalChat.siteId })).toEqual([]);
    expect(await ids({ assigneeId: crypto.randomUUID() })).toEqual([]);
    const unassigned = await ids({ assigneeId: null });
    const all = await ids({});
    expect(all).toEqual(expect.arrayContaining(unassigned));

    const first = await list({ limit: 1 });
    expect(first.nextCursor).toEqual({ updatedAt: first.conversations[0]!.updatedAt, id: first.conversations[0]!.id });
    const rest = await list({ limit: 50, cursor: first.nextCursor });
    expect([...first.conversations, ...rest.conversations].map((c) => c.id)).toEqual(all);
    expect(rest.nextCursor).toBeNull();
    expect(await request(agent, 'conversation:list', { waitingOn: 'nobody' })).toMatchObject({
      error: { code: 'INVALID_PAYLOAD' },
    });
    expect(await request(agent, 'conversation:list', { product: { $regex: '.*' } })).toMatchObject({
      error: { code: 'INVALID_PAYLOAD' },
    });
  });
});
