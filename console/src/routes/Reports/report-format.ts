import type { I18n } from '../../lib/i18n.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A duration the way a supervisor reads it: minutes under two hours, hours under two days, else days. */
export function formatDuration(i18n: I18n, ms: number | null): string {
  if (ms === null) return i18n.t('reports.noValue');
  const number = (value: number) => new Intl.NumberFormat(i18n.locale, { maximumFractionDigits: 1 }).format(value);
  if (ms < 2 * HOUR) return i18n.t('reports.duration.minutes', { value: number(ms / MINUTE) });
  if (ms < 2 * DAY) return i18n.t('reports.duration.hours', { value: number(ms / HOUR) });
  return i18n.t('reports.duration.days', { value: number(ms / DAY) });
}

/** An average rating with two decimals, or a dash without ratings. */
export function formatRating(i18n: I18n, value: number | null): string {
  if (value === null) return i18n.t('reports.noValue');
  return new Intl.NumberFormat(i18n.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

export function formatCount(i18n: I18n, value: number): string {
  return new Intl.NumberFormat(i18n.locale).format(value);
}
