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
