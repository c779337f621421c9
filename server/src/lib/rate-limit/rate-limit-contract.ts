import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RateLimitOptions, RateLimitStore } from './rate-limit.js';

export interface OpenedRateLimits {
  limits: RateLimitStore;
  /** A second process on the same backend (the same store, for memory). */
  peer: RateLimitStore;
  close(): Promise<void>;
}

/** Opens an adapter whose clock is `now`. */
export type OpenRateLimits = (now: () => number) => Promise<OpenedRateLimits>;

/**
 * The behaviour every `RateLimitStore` adapter must have, as a vitest suite. Tests share one
 * adapter but each uses budgets of its own name, so state may persist between tests.
 * @example
 * runRateLimitContract('memory', async (now) => {
 *   const limits = createMemoryRateLimits(now);
 *   return { limits, peer: limits, close: async () => {} };
 * });
 */
export function runRateLimitContract(adapterName: string, open: OpenRateLimits): void {
  describe(`Rate limit contract: ${adapterName}`, () => {
    let time = 1_767_225_600_000; // 2026-01-01, a realistic millisecond timestamp
    let opened: OpenedRateLimits | undefined;
    beforeAll(async () => {
      opened = await open(() => time);
    });
    afterAll(async () => {
      await opened?.close();
    });
    const fresh = (options: RateLimitOptions, store: 'limits' | 'peer' = 'limits') => {
      if (!opened) throw new Error('The rate-limit adapter did not open; see the beforeAll error.');
      return opened[store].limit(`contract-${randomUUID()}`, options);
    };
    const takes = async (take: () => number | Promise<number>, count: number) => {
      const answers: number[] = [];
      for (let i = 0; i < count; i++) answers.push(await take());
      return answers;
    };

    it('gives each key its own burst, then answers the wait until the next token', async () => {
      const limit = fresh({ burst: 2, perSecond: 4 });
      expect(await takes(() => limit.take('a'), 3)).toEqual([0, 0, 250]);
      expect(await limit.take('b')).toBe(0);
      time += 250;
      expect(await takes(() => limit.take('a'), 2)).toEqual([0, 250]);
    });

    it('refills at its rate but never past the burst', async () => {
      const limit = fresh({ burst: 3, perSecond: 2 });
      await takes(() => limit.take('a'), 3);
      time += 10_000;
      expect(await takes(() => limit.take('a'), 4)).toEqual([0, 0, 0, 500]);
    });

    it('takes several tokens at once; a refused take takes nothing', async () => {
      const limit = fresh({ burst: 5, perSecond: 1 });
      expect(await limit.take('a', 3)).toBe(0);
      expect(await limit.take('a', 3)).toBe(1_000);
      expect(await limit.take('a', 2)).toBe(0);
      expect(await limit.take('a')).toBe(1_000);
    });

    it('gives tokens back with a negative cost, never past the burst', async () => {
      const limit = fresh({ burst: 2, perSecond: 1 });
      await takes(() => limit.take('a'), 2);
      expect(await limit.take('a', -1)).toBe(0);
      expect(await takes(() => limit.take('a'), 2)).toEqual([0, 1_000]);
      await limit.take('a', -100);
      expect(await takes(() => limit.take('a'), 3)).toEqual([0, 0, 1_000]);
    });

    it('keeps budgets of different names apart', async () => {
      const first = fresh({ burst: 1, perSecond: 1 });
      const second = fresh({ burst: 1, perSecond: 1 });
      expect(await first.take('a')).toBe(0);
      expect(await first.take('a')).toBeGreaterThan(0);
      expect(await second.take('a')).toBe(0);
    });

    it('counts slow budgets exactly (five failed sign-ins per fifteen minutes)', async () => {
      const limit = fresh({ burst: 5, perSecond: 5 / 900 });
      expect(await takes(() => limit.take('victim@example.test'), 6)).toEqual([0, 0, 0, 0, 0, 180_000]);
      time += 179_000;
      expect(await limit.take('victim@example.test')).toBe(1_000);
      time += 1_000;
      expect(await limit.take('victim@example.test')).toBe(0);
    });

    it('does not refill when a clock goes back', async () => {
      const limit = fresh({ burst: 1, perSecond: 1 });
      expect(await limit.take('a')).toBe(0);
      time -= 5_000;
      expect(await limit.take('a')).toBeGreaterThan(0);
      time += 5_000;
    });

    it('shares one budget between processes, even when they race for the last tokens', async () => {
      const options = { burst: 10, perSecond: 0.001 };
      const name = `contract-${randomUUID()}`;
      if (!opened) throw new Error('The rate-limit adapter did not open');
      const [here, there] = [opened.limits.limit(name, options), opened.peer.limit(name, options)];
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? here : there).take('203.0.113.7')),
      );
      expect(answers.filter((wait) => wait === 0)).toHaveLength(10);
    });
  });
}
