import type { Ack } from './errors.js';

/**
 * Supervisor reports: volumes, service times, broken promises and ratings over a range of days.
 * Days are calendar days in the site's time zone (`SiteSettings.timeZone`; with no site chosen, the
 * zone of the tenant's first site). Conversations and tickets count on the day they were created,
 * ratings on the day they were given. Durations are milliseconds.
 * @example
 * socket.emit('report:get', { from: '2026-09-01', to: '2026-09-30' }, (res) => {
 *   if ('data' in res) drawCharts(res.data.report.days);
 * });
 */
export interface ReportGetPayload {
  /** First day, `YYYY-MM-DD`, inclusive. */
  from: string;
  /** Last day, `YYYY-MM-DD`, inclusive; at most `REPORT_MAX_DAYS` days after `from`. */
  to: string;
  /** One site of the tenant; absent for all of them. */
  siteId?: string;
}

/** The longest range one report covers. */
export const REPORT_MAX_DAYS = 366;

/** Median and 90th percentile (nearest rank) of a set of durations; null when `count` is 0. */
export interface DurationSpread {
  count: number;
  median: number | null;
  p90: number | null;
}

/** Promises not kept: done after the due time, or not done and the due time has passed. */
export interface ReportBreaches {
  conversationFirstReply: number;
  conversationResolution: number;
  /** The ticket left `registered` late. */
  ticketAnswer: number;
  ticketResolution: number;
}

/** One calendar day of the range. */
export interface ReportDay {
  /** `YYYY-MM-DD` in the report's time zone. */
  date: string;
  conversations: number;
  tickets: number;
  /** Ratings given that day and their average (null with none). */
  ratings: number;
  averageRating: number | null;
  /** Of the conversations created that day. */
  firstReply: DurationSpread;
  resolution: DurationSpread;
}

export interface ReportTotals {
  conversations: number;
  tickets: number;
  ratings: number;
  averageRating: number | null;
  /** Conversations: created to the first agent reply; created to resolved. */
  firstReply: DurationSpread;
  resolution: DurationSpread;
  /** Tickets: created to returned or closed (cancelled tickets are left out). */
  ticketResolution: DurationSpread;
  breaches: ReportBreaches;
}

/** One agent's row: the conversations assigned to them and the ratings naming them. */
export interface AgentReportRow {
  agentId: string;
  /** Null when the agent no longer exists. */
  name: string | null;
  conversations: number;
  firstReplyMedian: number | null;
  /** First-reply and resolution breaches of their conversations. */
  breaches: number;
  ratings: number;
  averageRating: number | null;
}

/** One technician's row: the tickets they repair and the ratings naming them. */
export interface TechnicianReportRow {
  technicianId: string;
  name: string | null;
  tickets: number;
  /** Created to returned or closed. */
  repairMedian: number | null;
  ratings: number;
  averageRating: number | null;
}

/** One product, told apart by SKU, else by name. */
export interface ProductReportRow {
  sku: string | null;
  name: string | null;
  conversations: number;
  tickets: number;
  ratings: number;
  averageRating: number | null;
}

export interface Report {
  from: string;
  to: string;
  siteId: string | null;
  /** The IANA zone the days are counted in. */
  timeZone: string;
  /** When it was computed: open items are judged late against this instant. */
  generatedAt: number;
  days: ReportDay[];
  totals: ReportTotals;
  /** Each sorted by volume, largest first. */
  agents: AgentReportRow[];
  technicians: TechnicianReportRow[];
  products: ProductReportRow[];
}

/** The tables `GET /api/reports.csv` exports (same query as `report:get`, plus `table`). */
export type ReportTable = 'days' | 'agents' | 'technicians' | 'products';
export const REPORT_TABLES: readonly ReportTable[] = ['days', 'agents', 'technicians', 'products'];
export const REPORT_CSV_PATH = '/api/reports.csv';

/** Report requests the console sends (supervisors and admins; agents get `FORBIDDEN`). */
export interface ReportClientEvents {
  'report:get': (payload: ReportGetPayload, ack: Ack<{ report: Report }>) => void;
}
