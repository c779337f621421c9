import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTestClient, startRedisServer, type TestRedisServer } from '../../test-support/redis-server.js';
import { canRunRedisSuite } from '../../test-support/redis-suite.js';
import { createLogger } from '../logger.js';
import { createFailoverRateLimits } from './failover-rate-limit.js';
import { createMemoryRateLimits } from './memory-rate-limit.js';
import type { RateLimit, RateLimitStore } from './rate-limit.js';
import { createRedisRateLimits, RATE_LIMIT_KEY_PREFIX } from './redis-rate-limit.js';

type Client = Awaited<ReturnType<typeof connectTestClient>>;

if (canRunRedisSuite('Rate limits failing over to process memory')) {
  describe('Rate limits failing over to process memory', () => {
    let server: TestRedisServer;
    let client: Client;
    let peerClient: Client;
    let limits: RateLimitStore;
    let peer: RateLimitStore;
    const logLines: { level: string; message: string }[] = [];
    const time = 1_767_225_600_000;
    const options = { burst: 2, perSecond: 0.001 };
    beforeAll(async () => {
      server = await startRedisServer();
      client = await connectTestClient(server.url);
      peerClient = await connectTestClient(server.url);
      const logger = createLogger('info', (line) => logLines.push(JSON.parse(line)));
      limits = createFailoverRateLimits(
        createRedisRateLimits(client, () => time, { timeoutMs: 200 }),
        createMemoryRateLimits(() => time),
        logger,
        { retryMs: 50 },
      );
      peer = createRedisRateLimits(peerClient, () => time);
    });
    afterAll(async () => {
      client.destroy();
      peerClient.destroy();
      await server.close();
    });

    /** Takes `count` times, checking that no take waits on Redis for long. */
    async function timedTakes(limit: RateLimit, key: string, count: number) {
      const answers: number[] = [];
      for (let i = 0; i < count; i++) {
        const started = Date.now();
        answers.push(await limit.take(key));
        expect(Date.now() - started).toBeLessThan(400);
      }
      return answers;
    }

    it('shares the budget through Redis while it is up', async () => {
      const limit = limits.limit('shared', options);
      expect(await limit.take('203.0.113.7')).toBe(0);
      expect(await peer.limit('shared', options).take('203.0.113.7')).toBe(0);
      expect(await limit.take('203.0.113.7')).toBeGreaterThan(0);
      expect(logLines).toEqual([]);
    });

    it('answers from the local budget at once while Redis is down, logging the outage once', async () => {
      await server.stop();
      const limit = limits.limit('during-outage', options);
      // Still limited (fail open to the local budget, never unlimited), and never waiting on Redis.
      expect(await timedTakes(limit, '203.0.113.8', 4)).toEqual([0, 0, expect.any(Number), expect.any(Number)]);
      expect((await limit.take('203.0.113.8')) > 0).toBe(true);
      expect(logLines.map((line) => [line.level, line.message])).toEqual([
        ['warn', 'rate limits fell back to this process: Redis is unreachable'],
      ]);
    });

    it('goes back to Redis once it answers again, and says so once', async () => {
      await server.restart();
      await waitFor(() => client.isReady);
      await new Promise((resolve) => setTimeout(resolve, 50)); // retryMs: local until then
      const limit = limits.limit('after-outage', options);
      expect(await limit.take('203.0.113.9')).toBe(0);
      expect(await client.keys(`${RATE_LIMIT_KEY_PREFIX}after-outage:*`)).toHaveLength(1);
      await limit.take('203.0.113.9');
      expect(logLines.map((line) => [line.level, line.message])).toEqual([
        ['warn', 'rate limits fell back to this process: Redis is unreachable'],
        ['info', 'rate limits are shared through Redis again'],
      ]);
    });

    it('does not hang on a Redis that is connected but stuck: the take times out to the local budget', async () => {
      const limit = limits.limit('stuck', options);
      await peerClient.sendCommand(['CLIENT', 'PAUSE', '1000', 'ALL']);
      expect(await timedTakes(limit, '203.0.113.10', 3)).toEqual([0, 0, expect.any(Number)]);
      expect(await limit.take('203.0.113.10')).toBeGreaterThan(0);
      expect(logLines.at(-1)?.level).toBe('warn');
      await new Promise((resolve) => setTimeout(resolve, 1_000));
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
