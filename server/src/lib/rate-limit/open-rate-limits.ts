import { createClient } from 'redis';
import { closeRedisClient } from '../close-redis-client.js';
import type { Logger } from '../logger.js';
import { withoutCommandTimers } from '../redis-command-options.js';
import { createFailoverRateLimits } from './failover-rate-limit.js';
import { createMemoryRateLimits } from './memory-rate-limit.js';
import type { RateLimitStore } from './rate-limit.js';
import { createRedisRateLimits } from './redis-rate-limit.js';

export interface OpenedRateLimits {
  limits: RateLimitStore;
  /** Closes the Redis connection, if any. */
  close(): Promise<void>;
}

/**
 * Client options for the rate-limit client: never queue a take while Redis is down (the event it
 * guards would wait with it; the local budget answers instead), and reconnect with a capped
 * backoff forever. A client of its own, so a slow presence script never delays an event's take.
 */
export const rateLimitClientOptions = {
  disableOfflineQueue: true,
  // Each take races its own timer (`redis-rate-limit.ts`).
  commandOptions: withoutCommandTimers,
  socket: {
    connectTimeout: 5_000,
    reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 2_000),
  },
};

/**
 * Rate limits for the configured mode: in process memory (one process), or shared through Redis
 * when a URL is given, falling back to process memory whenever Redis becomes unreachable later
 * (like presence, starting needs Redis to answer once).
 * @example
 * const limits = await openRateLimits({ redisUrl: config.redisUrl, logger, now: () => clock.now() });
 * const app = createApp({ ...deps, limits: limits.limits }, config);
 */
export async function openRateLimits(options: {
  redisUrl: string | null;
  logger: Logger;
  now: () => number;
}): Promise<OpenedRateLimits> {
  const local = createMemoryRateLimits(options.now);
  if (!options.redisUrl) return { limits: local, close: async () => {} };
  const client = createClient({ url: options.redisUrl, ...rateLimitClientOptions });
  // node-redis throws on an 'error' event nobody listens to; the failover logs the outage once instead.
  client.on('error', () => {});
  await client.connect();
  return {
    limits: createFailoverRateLimits(createRedisRateLimits(client, options.now), local, options.logger),
    async close() {
      await closeRedisClient(client);
    },
  };
}
