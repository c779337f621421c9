import { describe, expect, it } from 'vitest';
import { createMemoryRateLimit, createMemoryRateLimits } from './memory-rate-limit.js';
import { runRateLimitContract } from './rate-limit-contract.js';

runRateLimitContract('memory', async (now) => {
  const limits = createMemoryRateLimits(now);
  return { limits, peer: limits, close: async () => {} };
});

describe('createMemoryRateLimit', () => {
  it('answers synchronously, so the in-process hot path never waits for a promise', () => {
    const limit = createMemoryRateLimit({ burst: 1, perSecond: 1 }, () => 0);
    expect(limit.take('a')).toBe(0);
    expect(limit.take('a')).toBe(1_000);
  });

  it('forgets a key once it has been idle long enough to refill', () => {
    let time = 0;
    const limit = createMemoryRateLimit({ burst: 10, perSecond: 5 }, () => time);
    limit.take('a');
    limit.take('b');
    time += 1_000;
    limit.take('c');
    expect(limit.size()).toBe(3);
    time += 1_000; // a and b refilled two seconds after their last use: forgetting them loses nothing
    limit.take('d');
    expect(limit.size()).toBe(2);
  });

  it('keeps at most maxKeys, dropping the least recently seen', () => {
    const limit = createMemoryRateLimit({ burst: 1, perSecond: 1, maxKeys: 3 }, () => 0);
    for (const key of ['a', 'b', 'c']) limit.take(key);
    expect(limit.take('a')).toBeGreaterThan(0); // a is now the most recently seen
    limit.take('d');
    expect(limit.size()).toBe(3);
    expect(limit.take('a')).toBeGreaterThan(0); // still remembered, still empty
    expect(limit.take('b')).toBe(0); // b was dropped, so it starts over with a full bucket
  });
});

describe('createMemoryRateLimit against a plain model', () => {
  /** The obvious implementation (a Map re-inserted on each take), slow but easy to trust. */
  function model(burst: number, perSecond: number, maxKeys: number, now: () => number) {
    const buckets = new Map<string, { tokens: number; updatedAt: number }>();
    const refillMs = (burst / perSecond) * 1000;
    return {
      take(key: string) {
        const time = now();
        const bucket = buckets.get(key) ?? { tokens: burst, updatedAt: time };
        bucket.tokens = Math.min(burst, bucket.tokens + (Math.max(0, time - bucket.updatedAt) / 1000) * perSecond);
        bucket.updatedAt = Math.max(time, bucket.updatedAt);
        buckets.delete(key);
        buckets.set(key, bucket);
        for (const [oldKey, old] of buckets) {
          if (time - old.updatedAt < refillMs && buckets.size <= maxKeys) break;
          buckets.delete(oldKey);
        }
        if (bucket.tokens >= 1) {
          bucket.tokens -= 1;
          return 0;
        }
        return Math.ceil(((1 - bucket.tokens) / perSecond) * 1000);
      },
      size: () => buckets.size,
    };
  }

  it('answers every take and keeps the same keys as the model, over a long random run', () => {
    let time = 0;
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const options = { burst: 3, perSecond: 2, maxKeys: 20 };
    const limit = createMemoryRateLimit(options, () => time);
    const reference = model(options.burst, options.perSecond, options.maxKeys, () => time);
    for (let i = 0; i < 20_000; i++) {
      if (random() < 0.3) time += Math.floor(random() * 400);
      // A few hot keys and a long tail, like shoppers behind one address and many alone.
      const key = random() < 0.5 ? `hot-${Math.floor(random() * 3)}` : `k-${Math.floor(random() * 40)}`;
      expect(limit.take(key), `take ${i} (${key})`).toBe(reference.take(key));
      expect(limit.size()).toBe(reference.size());
    }
  });
});
