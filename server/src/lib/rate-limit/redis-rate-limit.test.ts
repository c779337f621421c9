import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTestClient, startRedisServer, type TestRedisServer } from '../../test-support/redis-server.js';
import { canRunRedisSuite } from '../../test-support/redis-suite.js';
import { runRateLimitContract } from './rate-limit-contract.js';
import { createRedisRateLimits, RATE_LIMIT_KEY_PREFIX } from './redis-rate-limit.js';

type Client = Awaited<ReturnType<typeof connectTestClient>>;

if (canRunRedisSuite('Redis rate limits')) {
  // Two clients are two server processes: each take races over its own connection.
  runRateLimitContract('redis', async (now) => {
    const server = await startRedisServer();
    const clients = [await connectTestClient(server.url), await connectTestClient(server.url)] as const;
    return {
      limits: createRedisRateLimits(clients[0], now),
      peer: createRedisRateLimits(clients[1], now),
      close: async () => {
        for (const client of clients) client.destroy();
        await server.close();
      },
    };
  });

  describe('Redis rate limits', () => {
    let server: TestRedisServer;
    let client: Client;
    let time = 1_767_225_600_000;
    beforeAll(async () => {
      server = await startRedisServer();
      client = await connectTestClient(server.url);
    });
    afterAll(async () => {
      client.destroy();
      await server.close();
    });

    it('keeps a bucket under aftercare:limit:<name>:<key>, expiring when it would be full again', async () => {
      const limit = createRedisRateLimits(client, () => time).limit('visitor-ip-connections', {
        burst: 4,
        perSecond: 2,
      });
      await limit.take('203.0.113.7');
      const key = `${RATE_LIMIT_KEY_PREFIX}visitor-ip-connections:203.0.113.7`;
      expect(await client.keys(`${RATE_LIMIT_KEY_PREFIX}*`)).toEqual([key]);
      // One token spent, refilled at two a second: gone from Redis after half a second.
      const ttl = await client.pTTL(key);
      expect(ttl).toBeGreaterThan(400);
      expect(ttl).toBeLessThanOrEqual(500);
      // A bucket given back to full is the same as no bucket: deleted at once.
      await limit.take('203.0.113.7', -1);
      expect(await client.exists(key)).toBe(0);
    });

    it('still works after SCRIPT FLUSH (EVALSHA falls back to EVAL)', async () => {
      const limit = createRedisRateLimits(client, () => time).limit('flushed', { burst: 1, perSecond: 1 });
      expect(await limit.take('a')).toBe(0);
      await client.scriptFlush();
      expect(await limit.take('a')).toBe(1_000);
      time += 1_000;
    });

    it('rejects at once while Redis is down, and works again once it is back', async () => {
      const limit = createRedisRateLimits(client, () => time).limit('outage', { burst: 1, perSecond: 1 });
      await server.stop();
      const started = Date.now();
      await expect(limit.take('a')).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(500);
      await server.restart();
      await waitFor(() => client.isReady);
      expect(await limit.take('a')).toBe(0);
    });
  });
}

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
