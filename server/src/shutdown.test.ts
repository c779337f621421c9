import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Message, MessagesSyncResult, Response } from '@aftercare/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { connectVisitor, requestData, startConversation } from './test-support/clients.js';
import { hasRedisServer, startRedisServer } from './test-support/redis-server.js';
import { spawnServer } from './test-support/spawn-server.js';

describe('graceful shutdown', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'aftercare-shutdown-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  // The burst below is a deliberate flood from one connection: lift the per-connection limit.
  const env = { VISITOR_EVENT_RATE: '100000/100000' };

  it('on SIGTERM finishes in-flight writes: every acked message is stored, every refused one is not', async () => {
    const server = await spawnServer(dataDir, env);
    const { socket, session } = await connectVisitor(server.url);
    const conversation = await startConversation(socket);
    const outcomes = new Map<string, Response<{ message: Message }> | 'no ack'>();
    const sends = Array.from({ length: 300 }, (_, i) => {
      const clientId = `burst-${i}`;
      return socket
        .timeout(10_000)
        .emitWithAck('message:send', { conversationId: conversation.id, clientId, text: `message ${i}` })
        .then(
          (response: Response<{ message: Message }>) => outcomes.set(clientId, response),
          () => outcomes.set(clientId, 'no ack'),
        );
    });
    // Terminate as soon as the first write is acked, while the rest of the burst is in flight.
    await Promise.race(sends);
    const exitCode = await server.stop();
    await Promise.all(sends);
    socket.close();
    expect(exitCode).toBe(0);

    const acked = [...outcomes].filter(([, outcome]) => outcome !== 'no ack' && 'data' in outcome).map(([id]) => id);
    const refused = [...outcomes].filter(([, outcome]) => outcome !== 'no ack' && 'error' in outcome);
    for (const [, outcome] of refused)
      expect(outcome).toEqual({ error: expect.objectContaining({ code: 'SHUTTING_DOWN' }) });
    expect(acked.length).toBeGreaterThan(0);

    const restarted = await spawnServer(dataDir, env);
    try {
      const { socket: back } = await connectVisitor(restarted.url, { visitorToken: session.visitorToken });
      const stored = await requestData<MessagesSyncResult>(back, 'messages:sync', {
        conversationId: conversation.id,
        afterSeq: 0,
        limit: 500,
      });
      const storedIds = stored.messages.map((message) => message.clientId);
      // Nothing acked was lost, nothing refused was half-written, and no sequence was assigned twice.
      expect(new Set(storedIds)).toEqual(new Set(acked));
      expect(new Set(stored.messages.map((message) => message.seq)).size).toBe(stored.messages.length);
      back.close();
    } finally {
      await restarted.stop();
    }
  }, 60_000);

  it.skipIf(!hasRedisServer())('stops on SIGTERM even while Redis is unreachable', async () => {
    const redis = await startRedisServer();
    const redisDir = mkdtempSync(path.join(tmpdir(), 'aftercare-shutdown-redis-'));
    try {
      const server = await spawnServer(redisDir, { REDIS_URL: redis.url });
      await redis.stop();
      // Its Redis clients are now reconnecting to nothing; closing must not wait for them.
      expect(await server.stop()).toBe(0);
    } finally {
      await redis.close();
      rmSync(redisDir, { recursive: true, force: true });
    }
  });
});
