import type { BusinessHours, OpeningInterval, Weekday } from '@aftercare/shared';
import { describe, expect, it } from 'vitest';
import { addBusinessTime, isWithinHours, nextOpening } from './business-hours.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** Wall-clock time in Shanghai (UTC+8 all year) as an instant. */
const shanghai = (date: string, time: string) => Date.parse(`${date}T${time}:00+08:00`);
/** An instant written in UTC. */
const utc = (iso: string) => Date.parse(`${iso}Z`);

const weekdays = (open: string, close: string): OpeningInterval[] =>
  ([1, 2, 3, 4, 5] as Weekday[]).map((day) => ({ day, open, close }));

/** Mon–Fri 09:00–12:00 and 13:00–18:00 (lunch break), closed on Thursday 2026-06-04. */
const office: BusinessHours = {
  timeZone: 'Asia/Shanghai',
  intervals: [...weekdays('09:00', '12:00'), ...weekdays('13:00', '18:00')],
  closedDates: ['2026-06-04'],
};
// 2026-06-01 is a Monday; 2026-06-06 a Saturday.

describe('isWithinHours', () => {
  it('opens at the opening minute and closes at the closing minute (exclusive)', () => {
    expect(isWithinHours(office, shanghai('2026-06-01', '08:59'))).toBe(false);
    expect(isWithinHours(office, shanghai('2026-06-01', '09:00'))).toBe(true);
    expect(isWithinHours(office, shanghai('2026-06-01', '11:59'))).toBe(true);
    expect(isWithinHours(office, shanghai('2026-06-01', '12:00'))).toBe(false);
    expect(isWithinHours(office, shanghai('2026-06-01', '12:59'))).toBe(false);
    expect(isWithinHours(office, shanghai('2026-06-01', '13:00'))).toBe(true);
    expect(isWithinHours(office, shanghai('2026-06-01', '18:00') - 1)).toBe(true);
    expect(isWithinHours(office, shanghai('2026-06-01', '18:00'))).toBe(false);
  });

  it('is closed at weekends, on closed dates and without intervals; null hours are always open', () => {
    expect(isWithinHours(office, shanghai('2026-06-06', '10:00'))).toBe(false);
    expect(isWithinHours(office, shanghai('2026-06-07', '10:00'))).toBe(false);
    expect(isWithinHours(office, shanghai('2026-06-04', '10:00'))).toBe(false);
    expect(isWithinHours(office, shanghai('2026-06-05', '10:00'))).toBe(true);
    expect(isWithinHours({ ...office, intervals: [] }, shanghai('2026-06-01', '10:00'))).toBe(false);
    expect(isWithinHours(null, 0)).toBe(true);
  });

  it('reads the day in the site’s time zone, not UTC', () => {
    // Monday 08:30 in Shanghai is still Monday 00:30 UTC; Saturday 07:00 in Shanghai is Friday 23:00 UTC.
    expect(isWithinHours(office, utc('2026-06-01T01:30:00'))).toBe(true);
    expect(isWithinHours(office, utc('2026-06-05T23:00:00'))).toBe(false);
  });

  it('treats touching intervals and a day open until 24:00 as one stretch', () => {
    const split: BusinessHours = {
      timeZone: 'Asia/Shanghai',
      intervals: [
        { day: 1, open: '09:00', close: '12:00' },
        { day: 1, open: '12:00', close: '24:00' },
        { day: 2, open: '00:00', close: '02:00' },
      ],
      closedDates: [],
    };
    expect(isWithinHours(split, shanghai('2026-06-01', '12:00'))).toBe(true);
    expect(isWithinHours(split, shanghai('2026-06-01', '23:59'))).toBe(true);
    expect(isWithinHours(split, shanghai('2026-06-02', '00:00'))).toBe(true);
    expect(isWithinHours(split, shanghai('2026-06-02', '02:00'))).toBe(false);
    // Sixteen hours from Monday 09:00 run through midnight without a gap.
    expect(addBusinessTime(split, shanghai('2026-06-01', '09:00'), 16 * HOUR)).toBe(shanghai('2026-06-02', '01:00'));
  });
});

describe('nextOpening', () => {
  it('is the instant itself while open', () => {
    const at = shanghai('2026-06-01', '10:15');
    expect(nextOpening(office, at)).toBe(at);
    expect(nextOpening(null, at)).toBe(at);
  });

  it('is the end of the lunch break, the next morning, or Monday after a weekend', () => {
    expect(nextOpening(office, shanghai('2026-06-01', '12:30'))).toBe(shanghai('2026-06-01', '13:00'));
    expect(nextOpening(office, shanghai('2026-06-01', '18:00'))).toBe(shanghai('2026-06-02', '09:00'));
    expect(nextOpening(office, shanghai('2026-06-01', '06:00'))).toBe(shanghai('2026-06-01', '09:00'));
    expect(nextOpening(office, shanghai('2026-06-05', '19:00'))).toBe(shanghai('2026-06-08', '09:00'));
    expect(nextOpening(office, shanghai('2026-06-06', '11:00'))).toBe(shanghai('2026-06-08', '09:00'));
  });

  it('skips closed dates', () => {
    expect(nextOpening(office, shanghai('2026-06-03', '18:30'))).toBe(shanghai('2026-06-05', '09:00'));
    const holidays = { ...office, closedDates: ['2026-06-04', '2026-06-05', '2026-06-08'] };
    expect(nextOpening(holidays, shanghai('2026-06-03', '18:30'))).toBe(shanghai('2026-06-09', '09:00'));
  });

  it('is null when the shop never opens', () => {
    expect(nextOpening({ ...office, intervals: [] }, shanghai('2026-06-01', '10:00'))).toBeNull();
    // Only Sundays, and every Sunday of the coming year closed.
    const sundays = Array.from({ length: 60 }, (_, i) =>
      new Date(Date.UTC(2026, 5, 7 + 7 * i)).toISOString().slice(0, 10),
    );
    const never: BusinessHours = {
      timeZone: 'UTC',
      intervals: [{ day: 0, open: '10:00', close: '11:00' }],
      closedDates: sundays,
    };
    expect(nextOpening(never, utc('2026-06-01T00:00:00'))).toBeNull();
    expect(addBusinessTime(never, utc('2026-06-01T00:00:00'), HOUR)).toBeNull();
  });
});

describe('addBusinessTime', () => {
  it('adds plainly within one stretch and without hours', () => {
    expect(addBusinessTime(office, shanghai('2026-06-01', '09:30'), 2 * HOUR)).toBe(shanghai('2026-06-01', '11:30'));
    expect(addBusinessTime(null, 1_000, 5 * MINUTE)).toBe(1_000 + 5 * MINUTE);
  });

  it('ends exactly at a closing time rather than at the next opening', () => {
    expect(addBusinessTime(office, shanghai('2026-06-01', '11:00'), HOUR)).toBe(shanghai('2026-06-01', '12:00'));
  });

  it('skips the lunch break, the night and the weekend', () => {
    expect(addBusinessTime(office, shanghai('2026-06-01', '11:00'), 2 * HOUR)).toBe(shanghai('2026-06-01', '14:00'));
    expect(addBusinessTime(office, shanghai('2026-06-01', '17:00'), 2 * HOUR)).toBe(shanghai('2026-06-02', '10:00'));
    // Friday 16:00 + 4 h: two on Friday, two on Monday morning.
    expect(addBusinessTime(office, shanghai('2026-06-05', '16:00'), 4 * HOUR)).toBe(shanghai('2026-06-08', '11:00'));
  });

  it('counts from the next opening when it starts outside the hours', () => {
    expect(addBusinessTime(office, shanghai('2026-06-06', '15:00'), HOUR)).toBe(shanghai('2026-06-08', '10:00'));
    expect(addBusinessTime(office, shanghai('2026-06-01', '12:10'), 30 * MINUTE)).toBe(shanghai('2026-06-01', '13:30'));
    expect(addBusinessTime(office, shanghai('2026-06-01', '20:00'), 0)).toBe(shanghai('2026-06-02', '09:00'));
  });

  it('spans several days and skips closed dates', () => {
    // Eight open hours a day: 24 h from Monday 09:00 end at Wednesday's close.
    expect(addBusinessTime(office, shanghai('2026-06-01', '09:00'), 24 * HOUR)).toBe(shanghai('2026-06-03', '18:00'));
    // Thursday is closed: Wednesday 17:00 + 2 h → Friday 10:00.
    expect(addBusinessTime(office, shanghai('2026-06-03', '17:00'), 2 * HOUR)).toBe(shanghai('2026-06-05', '10:00'));
    // Two working weeks (80 h, less the closed Thursday's 8) from Monday 09:00.
    expect(addBusinessTime(office, shanghai('2026-06-01', '09:00'), 72 * HOUR)).toBe(shanghai('2026-06-12', '18:00'));
  });
});

describe('daylight saving time (America/New_York)', () => {
  // 2026-03-08: clocks go from 02:00 EST to 03:00 EDT. 2026-11-01: from 02:00 EDT back to 01:00 EST.
  const newYork = (intervals: OpeningInterval[], closedDates: string[] = []): BusinessHours => ({
    timeZone: 'America/New_York',
    intervals,
    closedDates,
  });

  it('keeps opening at 09:00 local before and after the change', () => {
    const hours = newYork(weekdays('09:00', '17:00'));
    expect(isWithinHours(hours, utc('2026-03-06T14:00:00'))).toBe(true); // Fri 09:00 EST
    expect(isWithinHours(hours, utc('2026-03-09T13:00:00'))).toBe(true); // Mon 09:00 EDT
    expect(isWithinHours(hours, utc('2026-03-09T12:59:00'))).toBe(false);
    expect(nextOpening(hours, utc('2026-03-06T22:00:00'))).toBe(utc('2026-03-09T13:00:00'));
    // Friday 16:00 EST + 2 h → Monday 10:00 EDT.
    expect(addBusinessTime(hours, utc('2026-03-06T21:00:00'), 2 * HOUR)).toBe(utc('2026-03-09T14:00:00'));
  });

  it('gives the spring-forward night an hour less and the fall-back night an hour more', () => {
    const spring = newYork([
      { day: 0, open: '01:00', close: '04:00' },
      { day: 1, open: '09:00', close: '10:00' },
    ]);
    // Sunday 01:00 EST (06:00Z) to 04:00 EDT (08:00Z): two real hours.
    expect(isWithinHours(spring, utc('2026-03-08T05:59:00'))).toBe(false);
    expect(isWithinHours(spring, utc('2026-03-08T07:59:00'))).toBe(true);
    expect(isWithinHours(spring, utc('2026-03-08T08:00:00'))).toBe(false);
    expect(addBusinessTime(spring, utc('2026-03-08T06:00:00'), 3 * HOUR)).toBe(utc('2026-03-09T14:00:00'));

    const fall = newYork([{ day: 0, open: '00:00', close: '03:00' }]);
    // Sunday 00:00 EDT (04:00Z) to 03:00 EST (08:00Z): four real hours, 01:30 happening twice.
    expect(isWithinHours(fall, utc('2026-11-01T05:30:00'))).toBe(true);
    expect(isWithinHours(fall, utc('2026-11-01T06:30:00'))).toBe(true);
    expect(addBusinessTime(fall, utc('2026-11-01T04:00:00'), 4 * HOUR)).toBe(utc('2026-11-01T08:00:00'));
  });

  it('opens an interval that starts in the skipped hour when the clocks have jumped', () => {
    const hours = newYork([{ day: 0, open: '02:30', close: '05:00' }]);
    // 02:30 never happens on 2026-03-08; the shop opens at 03:30 EDT (07:30Z).
    expect(nextOpening(hours, utc('2026-03-08T05:00:00'))).toBe(utc('2026-03-08T07:30:00'));
    expect(isWithinHours(hours, utc('2026-03-08T07:29:00'))).toBe(false);
  });

  it('opens at 01:30 the first time when 01:30 happens twice', () => {
    const hours = newYork([{ day: 0, open: '01:30', close: '02:30' }]);
    // First 01:30 is EDT (05:30Z); 02:30 EST is 07:30Z: two real hours that night.
    expect(nextOpening(hours, utc('2026-11-01T04:00:00'))).toBe(utc('2026-11-01T05:30:00'));
    expect(addBusinessTime(hours, utc('2026-11-01T05:30:00'), 2 * HOUR)).toBe(utc('2026-11-01T07:30:00'));
  });
});
