import { describe, expect, it } from 'vitest';
import { createEventRateLimit } from './event-rate-limit.js';

describe('createEventRateLimit', () => {
  it('allows a burst, then refills at the given rate, per key', () => {
    let time = 0;
    const take = createEventRateLimit({ burst: 3, perSecond: 2 }, () => time);
    const socket = {};
    expect([take(socket), take(socket), take(socket)]).toEqual([0, 0, 0]);
    expect(take(socket)).toBe(500);
    expect(take({})).toBe(0); // another connection has its own budget
    time += 500;
    expect(take(socket)).toBe(0);
    expect(take(socket)).toBe(500);
    time += 10_000;
    expect([take(socket), take(socket), take(socket), take(socket)]).toEqual([0, 0, 0, 500]);
  });
});
