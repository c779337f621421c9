import { type LocalDate, nextLocalDate, toDateKey, zonedTimeToUtc } from '../sites/zoned-time.js';

/** The calendar days of a report and the instants they start at in its time zone. */
export interface ReportDays {
  /** `YYYY-MM-DD`, oldest first. */
  dates: string[];
  /** `starts[i]` is the midnight that begins `dates[i]`; the last entry ends the range. */
  starts: number[];
}

/**
 * Day boundaries from `from` to `to` (inclusive, `YYYY-MM-DD`) in `timeZone`. A day is whatever lies
 * between two local midnights, so days with a daylight-saving change are 23 or 25 hours long.
 */
export function reportDays(from: string, to: string, timeZone: string): ReportDays {
  const dates: string[] = [];
  const starts: number[] = [];
  let date = parseDay(from);
  const last = to;
  for (;;) {
    const key = toDateKey(date);
    if (key > last) break;
    dates.push(key);
    starts.push(zonedTimeToUtc(date, 0, timeZone));
    date = nextLocalDate(date);
  }
  starts.push(zonedTimeToUtc(date, 0, timeZone));
  return { dates, starts };
}

/**
 * Index of the day `at` falls on, or -1 outside the range. A binary search over the boundaries:
 * formatting each of 100,000 instants through `Intl` would cost more than the whole query.
 */
export function dayIndex(starts: readonly number[], at: number): number {
  if (at < starts[0]! || at >= starts[starts.length - 1]!) return -1;
  let low = 0;
  let high = starts.length - 2;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= at) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Days from `from` to `to` inclusive, counted on the calendar (no time zone involved). */
export function dayCount(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

function parseDay(day: string): LocalDate {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return { year, month, day: date };
}
