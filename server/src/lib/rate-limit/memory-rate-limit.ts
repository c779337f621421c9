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

/** A key's bucket, linked in order of last use (oldest first). */
interface Bucket {
  key: string;
  tokens: number;
  updatedAt: number;
  older: Bucket | null;
  newer: Bucket | null;
}

/** Enough for a busy shop's concurrent shoppers; a bucket is a few dozen bytes. */
const DEFAULT_MAX_KEYS = 50_000;

/**
 * A keyed token bucket in process memory: `burst` at once, refilled at `perSecond`.
 * Memory stays bounded, since keys (addresses, emails) never go away by themselves: a key idle long
 * enough to refill completely is forgotten (a fresh bucket is the same as a full one, so nothing is
 * lost), and past `maxKeys` the least recently seen key is forgotten early. The buckets form a list
 * in order of last use, so both checks look only at its oldest end. A linked list rather than a Map
 * re-inserted on every take: moving a bucket allocates nothing, where each Map delete-and-set left a
 * hole that made V8 rebuild the whole table every few thousand takes (a ~1 MB table for 20,000
 * keys, straight into the old generation: at 1,000 messages a second, a steady source of major GCs).
 * @example
 * const connections = createMemoryRateLimit({ burst: 30, perSecond: 1 }, clock.now);
 * if (connections.take('203.0.113.7') > 0) refuse();
 */
export function createMemoryRateLimit(
  { burst, perSecond, maxKeys = DEFAULT_MAX_KEYS }: MemoryRateLimitOptions,
  now: () => number = Date.now,
): MemoryRateLimit {
  const buckets = new Map<string, Bucket>();
  let oldest: Bucket | null = null;
  let newest: Bucket | null = null;
  const refillMs = (burst / perSecond) * 1000;

  function unlink(bucket: Bucket) {
    if (bucket.older) bucket.older.newer = bucket.newer;
    else oldest = bucket.newer;
    if (bucket.newer) bucket.newer.older = bucket.older;
    else newest = bucket.older;
    bucket.older = null;
    bucket.newer = null;
  }

  function append(bucket: Bucket) {
    bucket.older = newest;
    if (newest) newest.newer = bucket;
    else oldest = bucket;
    newest = bucket;
  }

  function forgetIdle(time: number) {
    while (oldest && (time - oldest.updatedAt >= refillMs || buckets.size > maxKeys)) {
      buckets.delete(oldest.key);
      unlink(oldest);
    }
  }

  return {
    take(key, cost = 1) {
      const time = now();
      let bucket = buckets.get(key);
      if (bucket) {
        if (bucket !== newest) {
          unlink(bucket);
          append(bucket);
        }
      } else {
        bucket = { key, tokens: burst, updatedAt: time, older: null, newer: null };
        buckets.set(key, bucket);
        append(bucket);
      }
      bucket.tokens = Math.min(burst, bucket.tokens + (Math.max(0, time - bucket.updatedAt) / 1000) * perSecond);
      bucket.updatedAt = Math.max(time, bucket.updatedAt);
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
