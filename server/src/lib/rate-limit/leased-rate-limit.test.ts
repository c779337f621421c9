import { describe, expect, it } from 'vitest';
import { createLeasedRateLimit } from './leased-rate-limit.js';
import { createMemoryRateLimits } from './memory-rate-limit.js';
import type { RateLimit } from './rate-limit.js';

/** A shared budget that counts its round trips (a memory bucket standing in for Redis). */
function countingBudget(burst: number, now: () => number) {
  const bucket = createMemoryRateLimits(now).limit('events', { burst, perSecond: 1 });
  const calls: number[] = [];
  const shared: RateLimit = {
    take: async (key, cost = 1) => {
      calls.push(cost);
      return bucket.take(key, cost);
    },
  };
  return { shared, calls };
}

describe('leased rate limit', () => {
  it('answers most takes from the lease: one shared round trip per lease', async () => {
    const { shared, calls } = countingBudget(100, () => 0);
    const events = createLeasedRateLimit(shared, { lease: 5 });
    for (let index = 0; index < 20; index++) expect(await events.take('203.0.113.7')).toBe(0);
    expect(calls).toEqual([5, 5, 5, 5]);
  });

  it('spends the last tokens of a budget one at a time, then refuses with the wait', async () => {
    const { shared } = countingBudget(7, () => 0);
    const events = createLeasedRateLimit(shared, { lease: 5 });
    const answers = [];
    for (let index = 0; index < 8; index++) answers.push(await events.take('203.0.113.7'));
    expect(answers.slice(0, 7)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(answers[7]).toBeGreaterThan(0);
  });

  it('renews once for events arriving together', async () => {
    const { shared, calls } = countingBudget(100, () => 0);
    const events = createLeasedRateLimit(shared, { lease: 5 });
    const answers = await Promise.all(Array.from({ length: 5 }, () => events.take('203.0.113.7')));
    expect(answers).toEqual([0, 0, 0, 0, 0]);
    expect(calls).toEqual([5]);
  });

  it('drops unused leased tokens after their time (stricter, never looser) and keeps keys apart', async () => {
    let time = 0;
    const { shared, calls } = countingBudget(100, () => 0);
    const events = createLeasedRateLimit(shared, { lease: 5, ttlMs: 1_000, monotonicNow: () => time });
    await events.take('a');
    await events.take('b');
    time = 1_001;
    await events.take('a');
    expect(calls).toEqual([5, 5, 5]);
  });
});
