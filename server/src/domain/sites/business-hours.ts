import type { BusinessHours } from '@aftercare/shared';
import { type LocalDate, localDate, nextLocalDate, toDateKey, weekdayOf, zonedTimeToUtc } from './zoned-time.js';

/**
 * Business hours arithmetic: whether a shop is open at an instant, when it opens next, and when a
 * duration of open time (a service promise such as "first reply within 4 business hours") runs
 * out. Pure: no clock, no I/O; time zones through `Intl.DateTimeFormat` (see `zoned-time.ts`).
 *
 * Every opening interval is turned into a span of real instants for its calendar day, so a day on
 * which the clocks change has a span one hour shorter or longer, as the shop's staff live it.
 * `null` hours mean "always open".
 */

/** A stretch of open time as epoch milliseconds, `open` inclusive, `close` exclusive. */
interface Span {
  open: number;
  close: number;
}

/**
 * How many days ahead to look for an opening before concluding there is none. A site lists at most
 * 366 closed dates, so if any weekday has hours, one of them is open within 366 + 7 days.
 */
const SEARCH_DAYS = 380;

/** True when `at` falls inside an opening interval of its day in the site's time zone (and the day is not closed). */
export function isWithinHours(hours: BusinessHours | null, at: number): boolean {
  if (hours === null) return true;
  const closed = new Set(hours.closedDates);
  return spansOfDay(hours, closed, localDate(at, hours.timeZone)).some((span) => span.open <= at && at < span.close);
}

/**
 * The first instant at or after `at` when the shop is open: `at` itself while open, else the start
 * of the next opening interval; null when the hours never open (no intervals, or every open day
 * closed within a year).
 */
export function nextOpening(hours: BusinessHours | null, at: number): number | null {
  if (hours === null) return at;
  for (const span of spansFrom(hours, at)) return Math.max(span.open, at);
  return null;
}

/**
 * The instant at which `durationMs` of open time, counted from `start`, has passed: time outside
 * the hours (nights, weekends, lunch breaks, closed dates) does not count. A start outside the hours
 * counts from the next opening. Null when the hours never open.
 * @example
 * // Mon–Fri 09:00–18:00 in Asia/Shanghai; 4 hours from Friday 16:00 → Monday 11:00.
 * addBusinessTime(hours, fridayAt1600, 4 * 3_600_000);
 */
export function addBusinessTime(hours: BusinessHours | null, start: number, durationMs: number): number | null {
  if (hours === null) return start + durationMs;
  let remaining = Math.max(0, durationMs);
  for (const span of spansFrom(hours, start)) {
    const from = Math.max(span.open, start);
    const available = span.close - from;
    if (remaining <= available) return from + remaining;
    remaining -= available;
  }
  return null;
}

/**
 * The open spans that end after `at`, in order. Stops after `SEARCH_DAYS` days in a row without an
 * opening, so hours that never open end the iteration instead of looping forever.
 */
function* spansFrom(hours: BusinessHours, at: number): Generator<Span> {
  const closed = new Set(hours.closedDates);
  let date = localDate(at, hours.timeZone);
  let daysWithoutOpening = 0;
  while (daysWithoutOpening < SEARCH_DAYS) {
    const spans = spansOfDay(hours, closed, date).filter((span) => span.close > at);
    daysWithoutOpening = spans.length === 0 ? daysWithoutOpening + 1 : 0;
    yield* spans;
    date = nextLocalDate(date);
  }
}

/** The open spans of one calendar day: its intervals, merged where they touch, as real instants. */
function spansOfDay(hours: BusinessHours, closedDates: ReadonlySet<string>, date: LocalDate): Span[] {
  if (closedDates.has(toDateKey(date))) return [];
  const day = weekdayOf(date);
  const minutes = hours.intervals
    .filter((interval) => interval.day === day)
    .map((interval) => ({ open: toMinutes(interval.open), close: toMinutes(interval.close) }))
    .sort((a, b) => a.open - b.open);
  const merged: { open: number; close: number }[] = [];
  for (const interval of minutes) {
    const last = merged.at(-1);
    if (last && interval.open <= last.close) last.close = Math.max(last.close, interval.close);
    else merged.push({ ...interval });
  }
  return merged
    .map((interval) => ({
      open: zonedTimeToUtc(date, interval.open, hours.timeZone),
      close: zonedTimeToUtc(date, interval.close, hours.timeZone),
    }))
    .filter((span) => span.close > span.open);
}

/** `HH:MM` → minutes after midnight (`24:00` → 1440). */
function toMinutes(time: string): number {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return hours * 60 + minutes;
}
