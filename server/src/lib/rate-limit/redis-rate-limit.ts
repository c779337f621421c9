import { createHash } from 'node:crypto';
import { ErrorReply } from 'redis';
import { withTimeout } from '../with-timeout.js';
import { createLeasedRateLimit } from './leased-rate-limit.js';
import type { RateLimit, RateLimitOptions, RateLimitStore } from './rate-limit.js';

/** The part of a node-redis v6 client this adapter uses; `createClient({ url })` satisfies it. */
export interface RateLimitRedisClient {
  readonly isReady: boolean;
  sendCommand<T>(args: ReadonlyArray<string>): Promise<T>;
}

/** Every bucket key starts with this, so operators can find (and size) them with one SCAN. */
export const RATE_LIMIT_KEY_PREFIX = 'aftercare:limit:';

/**
 * One take as one atomic script, so processes racing for an address's last token cannot both get
 * it. A bucket is a hash {tokens, at}; a missing key is a full bucket. The key expires when the
 * bucket would be full again, and a full bucket is deleted, so Redis only holds the keys of
 * clients that spent something recently. Times come from the caller's clock (like presence), so
 * tests can drive them; a process whose clock lags cannot refill anyone, since `at` never goes back.
 * KEYS[1] = bucket; ARGV = burst, tokens per ms, now (ms), cost. Returns the wait in ms (0 = taken).
 */
const TAKE_SCRIPT = `
local burst, rate, now, cost = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or burst
local at = tonumber(state[2]) or now
if now > at then
  tokens = math.min(burst, tokens + (now - at) * rate)
  at = now
end
local wait = 0
if tokens >= cost then
  tokens = math.min(burst, tokens - cost)
else
  wait = math.ceil((cost - tokens) / rate)
end
if tokens >= burst then
  redis.call('DEL', KEYS[1])
else
  -- %.17g: Lua's default number-to-string keeps 14 digits, which would round ms timestamps.
  redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'at', string.format('%.17g', at))
  redis.call('PEXPIRE', KEYS[1], math.max(1, math.ceil((burst - tokens) / rate)))
end
return wait
`;
const TAKE_SHA1 = createHash('sha1').update(TAKE_SCRIPT).digest('hex');

/** How long one take may wait for Redis before the caller falls back to its local budget. */
export const DEFAULT_TAKE_TIMEOUT_MS = 250;

/**
 * Budgets in Redis, shared by every server process (scale-out mode). A take is one EVALSHA (EVAL
 * once after a Redis restart forgot the script). While the client is not connected a take rejects
 * at once: with `disableOfflineQueue` nothing waits for a reconnect, and `timeoutMs` bounds a
 * Redis that is connected but stuck. `createFailoverRateLimits` turns those rejections into the
 * in-process budget.
 * @example
 * const limits = createRedisRateLimits(client, () => clock.now());
 * await limits.limit('visitor-ip-connections', { burst: 30, perSecond: 1 }).take('203.0.113.7');
 */
export function createRedisRateLimits(
  client: RateLimitRedisClient,
  now: () => number = Date.now,
  { timeoutMs = DEFAULT_TAKE_TIMEOUT_MS }: { timeoutMs?: number } = {},
): RateLimitStore {
  async function run(args: string[]): Promise<number> {
    if (!client.isReady) throw new Error('Redis is not connected');
    try {
      return Number(await withTimeout(client.sendCommand(['EVALSHA', TAKE_SHA1, ...args]), timeoutMs, 'Redis'));
    } catch (error) {
      if (!(error instanceof ErrorReply && error.message.startsWith('NOSCRIPT'))) throw error;
      return Number(await withTimeout(client.sendCommand(['EVAL', TAKE_SCRIPT, ...args]), timeoutMs, 'Redis'));
    }
  }

  return {
    limit(name, { burst, perSecond, lease }: RateLimitOptions): RateLimit {
      const prefix = `${RATE_LIMIT_KEY_PREFIX}${name}:`;
      const perMs = String(perSecond / 1000);
      const bucket: RateLimit = {
        take: (key, cost = 1) => run(['1', prefix + key, String(burst), perMs, String(now()), String(cost)]),
      };
      return lease && lease > 1 ? createLeasedRateLimit(bucket, { lease: Math.min(lease, burst) }) : bucket;
    },
  };
}
