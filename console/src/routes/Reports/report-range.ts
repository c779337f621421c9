import { REPORT_CSV_PATH, REPORT_MAX_DAYS, type ReportGetPayload, type ReportTable } from '@aftercare/shared';

/** The period menu: the last 7, 30 or 90 days (today included), or any range. */
export type RangePreset = '7' | '30' | '90' | 'custom';
export const RANGE_PRESETS: readonly RangePreset[] = ['7', '30', '90', 'custom'];

const DAY = 86_400_000;

/** Today on the agent's own calendar, `YYYY-MM-DD`. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** `days` days ending with `today`: 7 days from the 2nd is the 8th back to the 2nd. */
export function presetRange(days: number, today: string): { from: string; to: string } {
  const end = Date.parse(`${today}T00:00:00Z`);
  return { from: new Date(end - (days - 1) * DAY).toISOString().slice(0, 10), to: today };
}

/** Whether the server will take this range (the same rule it checks), so the form can say why not. */
export function isValidRange(from: string, to: string): boolean {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(start) || Number.isNaN(end)) return false;
  const days = Math.round((end - start) / DAY) + 1;
  return days >= 1 && days <= REPORT_MAX_DAYS;
}

/** The link of one table's CSV export for the same request the screen shows. */
export function csvHref(request: ReportGetPayload, table: ReportTable): string {
  const query = new URLSearchParams({ from: request.from, to: request.to });
  if (request.siteId) query.set('siteId', request.siteId);
  query.set('table', table);
  return `${REPORT_CSV_PATH}?${query}`;
}
