import { describe, expect, it } from 'vitest';
import { csvHref, isValidRange, localToday, presetRange } from './report-range.js';

describe('report range', () => {
  it('counts today as the last day of a preset', () => {
    expect(presetRange(7, '2026-03-02')).toEqual({ from: '2026-02-24', to: '2026-03-02' });
    expect(presetRange(1, '2026-03-02')).toEqual({ from: '2026-03-02', to: '2026-03-02' });
  });

  it('reads today from the local calendar', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });

  it('accepts ranges of 1 to 366 days in order', () => {
    expect(isValidRange('2026-01-01', '2026-01-01')).toBe(true);
    expect(isValidRange('2025-01-01', '2026-01-01')).toBe(true);
    expect(isValidRange('2025-01-01', '2026-01-02')).toBe(false);
    expect(isValidRange('2026-01-02', '2026-01-01')).toBe(false);
    expect(isValidRange('', '2026-01-01')).toBe(false);
  });

  it('builds the CSV link of the shown request', () => {
    expect(csvHref({ from: '2026-01-01', to: '2026-01-31' }, 'agents')).toBe(
      '/api/reports.csv?from=2026-01-01&to=2026-01-31&table=agents',
    );
    expect(csvHref({ from: '2026-01-01', to: '2026-01-31', siteId: 's-1' }, 'days')).toBe(
      '/api/reports.csv?from=2026-01-01&to=2026-01-31&siteId=s-1&table=days',
    );
  });
});
