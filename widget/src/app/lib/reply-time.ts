import type { Locale } from '@aftercare/shared/i18n/locale.js';

/**
 * Words for "when will the shop answer", in the shopper's language and time zone (the browser's).
 * The server sends instants (`replyExpectedBy`); only the shopper's browser knows how to say them.
 */

const DAY_MS = 86_400_000;

/**
 * When a reply is expected, as a catalog key and its `{when}`: relative on the same day
 * (`replyIn`: "in 3 hours", 「3小时后」), else the weekday and time within a week and the date and
 * time beyond (`replyBy`: "Monday 09:00", 「星期一09:00」). A time already past reads as "in 1 minute".
 */
export function replyTime(at: number, now: number, locale: Locale): { key: 'replyIn' | 'replyBy'; when: string } {
  const target = Math.max(at, now);
  if (new Date(target).toDateString() === new Date(now).toDateString()) {
    const minutes = Math.max(1, Math.round((target - now) / 60_000));
    const relative = new Intl.RelativeTimeFormat(locale);
    return {
      key: 'replyIn',
      when: minutes < 60 ? relative.format(minutes, 'minute') : relative.format(Math.round(minutes / 60), 'hour'),
    };
  }
  const day: Intl.DateTimeFormatOptions =
    target - now < 6 * DAY_MS ? { weekday: 'long' } : { month: 'short', day: 'numeric' };
  const time = new Intl.DateTimeFormat(locale, { ...day, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return { key: 'replyBy', when: time.format(target) };
}

/** A typical reply time such as "5 minutes" or "2 hours" (「5分钟」), whole hours from an hour on. */
export function duration(minutes: number, locale: Locale): string {
  const [value, unit] = minutes < 60 ? [minutes, 'minute'] : [Math.round(minutes / 60), 'hour'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}
