import type { Conversation, Message } from '@aftercare/shared';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectAgent, connectVisitor, request, requestData, startConversation } from '../../test-support/clients.js';
import { DEMO, startTestServer, type TestServer } from '../../test-support/test-server.js';

/** A valid payload for every event, and which of its fields are required. */
interface EventCase {
  event: string;
  valid: Record<string, unknown>;
  required: string[];
}

const TWO_MB = 'x'.repeat(2 * 1024 * 1024);
const CHOICE_FIELDS = new Set(['kind', 'status']);

/** Every way we know to get a field wrong. */
function mutationsOf(value: unknown, isChoice: boolean): { label: string; value: unknown; code: string }[] {
  const wrong: { label: string; value: unknown; code: string }[] = [
    { label: '{"$ne": null}', value: { $ne: null }, code: 'INVALID_PAYLOAD' },
    { label: '{"$gt": ""}', value: { $gt: '' }, code: 'INVALID_PAYLOAD' },
    { label: 'null', value: null, code: 'INVALID_PAYLOAD' },
    { label: 'array', value: [value], code: 'INVALID_PAYLOAD' },
    { label: 'nested object', value: { a: { b: { c: { d: { e: 'deep' } } } } }, code: 'INVALID_PAYLOAD' },
  ];
  if (typeof value === 'string') {
    wrong.push({ label: 'number', value: 42, code: 'INVALID_PAYLOAD' });
    // A choice ('read' | 'delivered') has no length: a huge value is simply not one of the choices.
    wrong.push({ label: '2 MB string', value: TWO_MB, code: isChoice ? 'INVALID_PAYLOAD' : 'PAYLOAD_TOO_LARGE' });
  } else {
    wrong.push({ label: 'string', value: 'seven', code: 'INVALID_PAYLOAD' });
    wrong.push({ label: '2 MB string', value: TWO_MB, code: 'INVALID_PAYLOAD' });
  }
  if (typeof value === 'number') wrong.push({ label: 'NaN-like float', value: 1.5, code: 'INVALID_PAYLOAD' });
  return wrong;
}

describe('malformed payloads', () => {
  let server: TestServer;
  let visitor: Socket;
  let agent: Socket;
  let conversation: Conversation;
  const snapshot = async () => ({
    messages: await server.store.messages.listAfter(conversation.id, 0, 1000, 'agent'),
    conversation: await server.store.conversations.getById(conversation.id),
    conversations: await server.store.conversations.listByTenant({ tenantId: DEMO.tenantId, limit: 200 }),
    customer: await server.store.customers.getById(conversation.customerId),
  });

  beforeAll(async () => {
    server = await startTestServer();
    ({ socket: visitor } = await connectVisitor(server.url));
    agent = await connectAgent(server.url);
    conversation = await startConversation(visitor, { name: 'Li Lei' });
    await requestData<{ message: Message }>(visitor, 'message:send', {
      conversationId: conversation.id,
      clientId: 'seed',
      text: 'hello',
    });
  });
  afterAll(async () => {
    visitor?.close();
    agent?.close();
    await server?.close();
  });

  const conversationCases = (): EventCase[] => [
    {
      event: 'message:send',
      valid: { conversationId: conversation.id, clientId: 'm-new', text: 'hi' },
      required: ['conversationId', 'clientId', 'text'],
    },
    {
      event: 'messages:sync',
      valid: { conversationId: conversation.id, afterSeq: 0, limit: 10 },
      required: ['conversationId', 'afterSeq'],
    },
    {
      event: 'typing:set',
      valid: { conversationId: conversation.id, typing: true },
      required: ['conversationId', 'typing'],
    },
    {
      event: 'receipt:update',
      valid: { conversationId: conversation.id, kind: 'read', seq: 1 },
      required: ['conversationId', 'kind', 'seq'],
    },
  ];
  const visitorCases = (): EventCase[] => [
    ...conversationCases(),
    {
      event: 'conversation:start',
      valid: {
        requestId: 'r-new',
        name: 'Han Meimei',
        email: 'han@example.com',
        phone: '+86 138 0000 0000',
        product: { name: 'Kettle', sku: 'K1', price: 199, currency: 'CNY', url: 'https://shop.example.com/k1' },
      },
      required: ['requestId'],
    },
  ];
  const agentCases = (): EventCase[] => [
    ...conversationCases(),
    { event: 'conversation:open', valid: { conversationId: conversation.id }, required: ['conversationId'] },
    { event: 'conversation:resolve', valid: { conversationId: conversation.id }, required: ['conversationId'] },
    { event: 'conversation:reopen', valid: { conversationId: conversation.id }, required: ['conversationId'] },
    { event: 'conversation:list', valid: { status: 'open', before: Date.now(), limit: 10 }, required: [] },
  ];

  for (const side of ['visitor', 'agent'] as const) {
    it(`${side}: every event refuses every malformed payload with a stable code and writes nothing`, async () => {
      const socket = side === 'visitor' ? visitor : agent;
      const before = await snapshot();
      const cases = side === 'visitor' ? visitorCases() : agentCases();
      let checked = 0;
      for (const { event, valid, required } of cases) {
        const attempts: { label: string; payload: unknown; code: string }[] = [
          { label: 'no payload', payload: undefined, code: 'INVALID_PAYLOAD' },
          { label: 'a string', payload: 'hello', code: 'INVALID_PAYLOAD' },
          { label: 'a number', payload: 7, code: 'INVALID_PAYLOAD' },
          { label: 'an array', payload: [valid], code: 'INVALID_PAYLOAD' },
          { label: 'unknown field', payload: { ...valid, isAdmin: true }, code: 'INVALID_PAYLOAD' },
          { label: 'operator key', payload: { ...valid, $where: 'sleep(1000)' }, code: 'INVALID_PAYLOAD' },
          // JSON.parse makes "__proto__" an own key; it must be refused, not merged into a prototype.
          {
            label: '__proto__ key',
            payload: JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(valid).slice(1)}`),
            code: 'INVALID_PAYLOAD',
          },
        ];
        for (const field of required) {
          const { [field]: _removed, ...rest } = valid;
          attempts.push({ label: `missing ${field}`, payload: rest, code: 'INVALID_PAYLOAD' });
        }
        for (const [field, value] of Object.entries(valid)) {
          for (const mutation of mutationsOf(value, CHOICE_FIELDS.has(field))) {
            attempts.push({
              label: `${field} as ${mutation.label}`,
              payload: { ...valid, [field]: mutation.value },
              code: mutation.code,
            });
          }
        }
        for (const attempt of attempts) {
          const response = await request(socket, event, attempt.payload);
          expect(response, `${event} with ${attempt.label}`).toEqual({
            error: expect.objectContaining({ code: attempt.code, message: expect.any(String) }),
          });
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(100);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(await snapshot()).toEqual(before);
    }, 60_000);
  }

  it('answers unknown events with an error instead of silence', async () => {
    expect(await request(visitor, 'admin:drop-database', {})).toEqual({
      error: expect.objectContaining({ code: 'INVALID_PAYLOAD' }),
    });
  });

  it('survives events sent without an ack and keeps serving everyone', async () => {
    visitor.emit('message:send', { conversationId: { $ne: null }, clientId: 1, text: TWO_MB });
    visitor.emit('message:send');
    agent.emit('conversation:resolve', 'nope');
    const { socket: other } = await connectVisitor(server.url);
    const otherConversation = await startConversation(other);
    const { message } = await requestData<{ message: Message }>(other, 'message:send', {
      conversationId: otherConversation.id,
      clientId: 'still-works',
      text: 'Still working?',
    });
    expect(message.seq).toBe(1);
    expect(visitor.connected && agent.connected).toBe(true);
    other.close();
  });
});
