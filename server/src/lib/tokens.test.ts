import { describe, expect, it } from 'vitest';
import { newTimeOrderedId } from './tokens.js';

describe('newTimeOrderedId', () => {
  it('is a version 7 UUID whose first 48 bits are the given milliseconds', () => {
    const at = Date.UTC(2026, 10, 23, 4, 40);
    const id = newTimeOrderedId(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('sorts as text by time, and ids of the same millisecond still differ', () => {
    const times = [1, 255, 256, 65_536, Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 1) + 1, 2 ** 48 - 1];
    const ids = times.map((at) => newTimeOrderedId(at));
    expect([...ids].sort()).toEqual(ids);
    const same = Array.from({ length: 1_000 }, () => newTimeOrderedId(1_700_000_000_000));
    expect(new Set(same).size).toBe(1_000);
  });
});
