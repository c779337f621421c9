import { describe, expect, it } from 'vitest';
import { daysBetween, mean, median, percentile, spread } from './statistics.js';

describe('percentiles (nearest rank)', () => {
  it('pick values that occurred', () => {
    const values = [15, 20, 35, 40, 50];
    expect(percentile(values, 30)).toBe(20);
    expect(percentile(values, 40)).toBe(20);
    expect(percentile(values, 50)).toBe(35);
    expect(percentile(values, 100)).toBe(50);
    expect(percentile(values, 1)).toBe(15);
  });

  it('sort without touching the input', () => {
    const values = [9, 1, 5];
    expect(median(values)).toBe(5);
    expect(values).toEqual([9, 1, 5]);
  });

  it('90th of 1..100 is 90; empty samples have none', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(spread(values)).toEqual({ count: 100, median: 50, p90: 90 });
    expect(spread([])).toEqual({ count: 0, median: null, p90: null });
    expect(mean([])).toBeNull();
    expect(mean([1, 2, 6])).toBe(3);
  });
});

describe('daysBetween', () => {
  it('lists every day inclusive, across month and year ends', () => {
    expect(daysBetween('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    expect(daysBetween('2026-03-01', '2026-03-01')).toEqual(['2026-03-01']);
    expect(daysBetween('2026-03-02', '2026-03-01')).toEqual([]);
  });
});
