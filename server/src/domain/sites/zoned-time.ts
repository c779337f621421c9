/**
 * Wall-clock time in an IANA time zone, with nothing but `Intl.DateTimeFormat` (the runtime's own
 * time zone database), so daylight saving changes follow the rules the runtime ships.
 */

/** A calendar day in some time zone; `month` is 1–12. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/** One formatter per zone: building them is the expensive part of `Intl`. Bounded by the zones in use. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock time at `at` in `timeZone`, to the minute, written as if it were UTC. */
function wallClockAsUtc(at: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(at)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!);
}

/** The zone's offset from UTC at `at`, in milliseconds (east positive), to the minute. */
function offsetAt(at: number, timeZone: string): number {
  const minute = Math.floor(at / MINUTE) * MINUTE;
  return wallClockAsUtc(minute, timeZone) - minute;
}

/** The calendar day `at` falls on in `timeZone`. */
export function localDate(at: number, timeZone: string): LocalDate {
  const wall = new Date(wallClockAsUtc(at, timeZone));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

export function nextLocalDate(date: LocalDate): LocalDate {
  const next = new Date(Date.UTC(date.year, date.month - 1, date.day) + DAY);
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

/** Day of the week, 0 = Sunday, as `BusinessHours` intervals name it. */
export function weekdayOf(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/** `YYYY-MM-DD`, as closed dates are written. */
export function toDateKey(date: LocalDate): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

/**
 * The instant when the wall clock in `timeZone` shows `minutes` after midnight of `date` (1440 is the
 * next midnight). A time that happens twice (clocks going back) is its first occurrence; a time that
 * never happens (clocks going forward) is moved forward by the gap, as `Temporal`'s "compatible"
 * rule does: a shop opening at 02:30 on the night the clocks jump from 02:00 to 03:00 opens at 03:30.
 */
export function zonedTimeToUtc(date: LocalDate, minutes: number, timeZone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day, 0, minutes);
  // The offsets in force a day either side cover any single transition around this time.
  const before = offsetAt(wall - DAY, timeZone);
  const after = offsetAt(wall + DAY, timeZone);
  const matches = [wall - before, wall - after].filter((at) => offsetAt(at, timeZone) === wall - at);
  if (matches.length > 0) return Math.min(...matches);
  // In the gap: the wall time read with the earlier offset lands just after the jump.
  return wall - before;
}
