import type { RateLimit, RateLimitOptions, RateLimitStore } from './rate-limit.js';

export interface MemoryRateLimitOptions extends RateLimitOptions {
  /** Most keys remembered at once; past it the least recently seen is forgotten. */
  maxKeys?: number;
}

/** A `RateLimit` that answers at once, with the size of its table for tests and metrics. */
export interface MemoryRateLimit extends RateLimit {
  take(key: string, cost?: number): number;
  size(): number;
}

/** Budgets whose takes answer synchronously. */
export interface MemoryRateLimitStore extends RateLimitStore {
  limit(name: string, options: MemoryRateLimitOptions): MemoryRateLimit;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Enough for a busy shop's concurrent shoppers; a bucket is a few dozen bytes. */
const DEFAULT_MAX_KEYS = 50_000;

/**
 * A keyed token bucket in process memory: `burst` at once, refilled at `perSecond`.
 * Memory stays bounded, since keys (addresses, emails) never go away by themselves: a key idle long
 * enough to refill completely is forgotten (a fresh bucket is the same as a full one, so nothing is
 * lost), and past `maxKeys` the least recently seen key is forgotten early. The table is a Map kept
 * in order of last use, so both checks look only at its oldest entries.
 * @example
 * const connections = createMemoryRateLimit({ burst: 30, perSecond: 1 }, clock.now);
 * if (connections.take('203.0.113.7') > 0) refuse();
 */
export function createMemoryRateLimit(
  { burst, perSecond, maxKeys = DEFAULT_MAX_KEYS }: MemoryRateLimitOptions,
  now: () => number = Date.now,
): MemoryRateLimit {
  const buckets = new Map<string, Bucket>();
  const refillMs = (burst / perSecond) * 1000;

  function forgetIdle(time: number) {
    for (const [key, bucket] of buckets) {
      if (time - bucket.updatedAt < refillMs && buckets.size <= maxKeys) break;
      buckets.delete(key);
    }
  }

  return {
    take(key, cost = 1) {
      const time = now();
      const bucket = buckets.get(key) ?? { tokens: burst, updatedAt: time };
      bucket.tokens = Math.min(burst, bucket.tokens + (Math.max(0, time - bucket.updatedAt) / 1000) * perSecond);
      bucket.updatedAt = Math.max(time, bucket.updatedAt);
      // Re-inserting moves the key to the end: the Map's first entries are the longest idle.
      buckets.delete(key);
      buckets.set(key, bucket);
      forgetIdle(time);
      if (bucket.tokens >= cost) {
        bucket.tokens = Math.min(burst, bucket.tokens - cost);
        return 0;
      }
      return Math.ceil(((cost - bucket.tokens) / perSecond) * 1000);
    },
    size: () => buckets.size,
  };
}

/**
 * Budgets in this process only: what a single server needs, and what a scale-out process falls
 * back to while Redis is unreachable. The same name always gets the same table.
 */
export function createMemoryRateLimits(now: () => number = Date.now): MemoryRateLimitStore {
  const limits = new Map<string, MemoryRateLimit>();
  return {
    limit(name, options) {
      const existing = limits.get(name);
      if (existing) return existing;
      const created = createMemoryRateLimit(options, now);
      limits.set(name, created);
      return created;
    },
  };
}
