import type { Message, MessagesSyncResult } from '@aftercare/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectAgent,
  connectVisitor,
  nextEvents,
  request,
  requestData,
  startConversation,
} from '../../test-support/clients.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';

const NOTE = 'Customer was rude last time; offer a replacement only (internal 内部备注)';

describe('internal notes', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('reach every console but never the widget, checked on the wire', async () => {
    const { socket: visitor, session } = await connectVisitor(server.url);
    // Every engine.io packet the widget receives, before socket.io even parses it.
    const wire: string[] = [];
    visitor.io.engine.on('packet', (packet: { data?: unknown }) => wire.push(JSON.stringify(packet.data ?? '')));
    const conversation = await startConversation(visitor);
    const [author, colleague] = [await connectAgent(server.url), await connectAgent(server.url)];

    const colleagueSees = nextEvents<{ message: Message }>(colleague, 'message:created');
    const { message: note } = await requestData<{ message: Message }>(author, 'note:add', {
      conversationId: conversation.id,
      clientId: 'note-1',
      text: NOTE,
    });
    expect(note).toMatchObject({ internal: true, author: { kind: 'agent' }, seq: 1 });
    expect((await colleagueSees)[0]!.message).toEqual(note);

    // A public reply after the note reaches the shopper; the note itself never does.
    const visitorSees = nextEvents<{ message: Message }>(visitor, 'message:created');
    await requestData(author, 'message:send', { conversationId: conversation.id, clientId: 'reply-1', text: 'Hello!' });
    expect((await visitorSees)[0]!.message).toMatchObject({ seq: 2, internal: false });
    const synced = await requestData<MessagesSyncResult>(visitor, 'messages:sync', {
      conversationId: conversation.id,
      afterSeq: 0,
    });
    expect(synced.messages.map((message) => message.seq)).toEqual([2]);

    // Nor after a reconnect, nor by guessing the note's client id.
    const { socket: again } = await connectVisitor(server.url, { visitorToken: session.visitorToken });
    again.io.engine.on('packet', (packet: { data?: unknown }) => wire.push(JSON.stringify(packet.data ?? '')));
    const resynced = await requestData<MessagesSyncResult>(again, 'messages:sync', {
      conversationId: conversation.id,
      afterSeq: 0,
    });
    expect(resynced.messages.map((message) => message.text)).toEqual(['Hello!']);
    expect(
      await request(again, 'message:send', { conversationId: conversation.id, clientId: 'note-1', text: 'x' }),
    ).toEqual({
      error: expect.objectContaining({ code: 'CONFLICT' }),
    });
    expect(wire.some((frame) => frame.includes('internal 内部备注') || frame.includes('rude'))).toBe(false);
    expect(wire.length).toBeGreaterThan(3);

    // Agents see it in the history.
    const opened = await requestData<{ messages: Message[] }>(colleague, 'conversation:open', {
      conversationId: conversation.id,
    });
    expect(opened.messages.map((message) => message.text)).toEqual([NOTE, 'Hello!']);
    for (const socket of [visitor, again, author, colleague]) socket.close();
  });

  it('cannot be written by shoppers: the widget namespace has no such event and message:send refuses the flag', async () => {
    const { socket: visitor } = await connectVisitor(server.url);
    const conversation = await startConversation(visitor);
    expect(await request(visitor, 'note:add', { conversationId: conversation.id, clientId: 'n', text: 'x' })).toEqual({
      error: expect.objectContaining({ code: 'INVALID_PAYLOAD' }),
    });
    expect(
      await request(visitor, 'message:send', {
        conversationId: conversation.id,
        clientId: 'n',
        text: 'x',
        internal: true,
      }),
    ).toEqual({ error: expect.objectContaining({ code: 'INVALID_PAYLOAD' }) });
    expect(await server.store.messages.count(conversation.id)).toBe(0);
    visitor.close();
  });
});
