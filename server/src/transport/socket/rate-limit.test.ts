import type { Response } from '@aftercare/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectVisitor, request, startConversation } from '../../test-support/clients.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';

describe('per-connection event rate limit', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ visitorEventRate: { burst: 5, perSecond: 1 } });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers a flood with RATE_LIMITED and a wait, writes nothing past the budget, and spares other shoppers', async () => {
    const { socket: flooder } = await connectVisitor(server.url);
    const conversation = await startConversation(flooder); // takes one event of the budget
    const responses: Response<unknown>[] = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        request(flooder, 'message:send', { conversationId: conversation.id, clientId: `flood-${i}`, text: 'spam' }),
      ),
    );
    const accepted = responses.filter((response) => 'data' in response);
    const limited = responses.filter((response) => 'error' in response);
    expect(accepted).toHaveLength(4);
    for (const response of limited) {
      expect(response).toEqual({
        error: expect.objectContaining({ code: 'RATE_LIMITED', retryAfterMs: expect.any(Number) }),
      });
    }
    expect(await server.store.messages.count(conversation.id)).toBe(4);

    const { socket: neighbour } = await connectVisitor(server.url);
    expect(await request(neighbour, 'conversation:list', {})).toEqual({ data: { conversations: [] } });
    flooder.close();
    neighbour.close();
  });
});
