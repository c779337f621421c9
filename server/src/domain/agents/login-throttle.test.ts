import { describe, expect, it } from 'vitest';
import { createMemoryRateLimits } from '../../lib/rate-limit/memory-rate-limit.js';
import { createLoginThrottle, LOGIN_PER_ACCOUNT, LOGIN_PER_ADDRESS } from './login-throttle.js';

describe('createLoginThrottle', () => {
  const setup = () => {
    const clock = { time: 0 };
    return { clock, throttle: createLoginThrottle(createMemoryRateLimits(() => clock.time)) };
  };

  it('refuses an account after five failures, then lets one more through every three minutes', async () => {
    const { clock, throttle } = setup();
    for (let i = 0; i < LOGIN_PER_ACCOUNT.burst; i++)
      expect(await throttle.attempt('victim@example.test', `10.0.0.${i}`)).toBe(0);
    expect(await throttle.attempt('victim@example.test', '10.0.0.99')).toBe(180_000);
    // Email case does not buy a fresh budget.
    expect(await throttle.attempt('VICTIM@example.test', '10.0.0.99')).toBeGreaterThan(0);
    clock.time += 180_000;
    expect(await throttle.attempt('victim@example.test', '10.0.0.99')).toBe(0);
  });

  it('counts guesses sent in parallel before any of them is answered', async () => {
    const { throttle } = setup();
    const waits = await Promise.all(
      Array.from({ length: 20 }, () => throttle.attempt('victim@example.test', '10.0.0.1')),
    );
    expect(waits.filter((wait) => wait === 0)).toHaveLength(LOGIN_PER_ACCOUNT.burst);
  });

  it('does not count correct passwords, and forgets the account’s failures after one', async () => {
    const { throttle } = setup();
    for (let i = 0; i < 4; i++) await throttle.attempt('agent@example.test', '10.0.0.1');
    await throttle.succeeded('agent@example.test', '10.0.0.1');
    for (let i = 0; i < LOGIN_PER_ACCOUNT.burst; i++)
      expect(await throttle.attempt('agent@example.test', '10.0.0.1')).toBe(0);
  });

  it('limits one address across accounts, without the refused attempts costing those accounts', async () => {
    const { throttle } = setup();
    for (let i = 0; i < LOGIN_PER_ADDRESS.burst; i++)
      expect(await throttle.attempt(`user${i}@example.test`, '10.0.0.1')).toBe(0);
    expect(await throttle.attempt('fresh@example.test', '10.0.0.1')).toBeGreaterThan(0);
    // The refused attempt gave fresh@'s token back: from another address it still has all five.
    for (let i = 0; i < LOGIN_PER_ACCOUNT.burst; i++)
      expect(await throttle.attempt('fresh@example.test', '10.0.0.2')).toBe(0);
  });
});
