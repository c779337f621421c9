import type { Report, ReportTable } from '@aftercare/shared';

/** A report table as plain rows: what the CSV export writes. */
export interface ReportTableRows {
  header: string[];
  rows: (string | number | null)[][];
}

const MINUTE = 60_000;

/** Durations as minutes with one decimal: what a spreadsheet user sums and charts. */
const minutes = (ms: number | null) => (ms === null ? null : Math.round((ms / MINUTE) * 10) / 10);
const average = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

/**
 * One of the report's tables. Column names are stable identifiers (not translated), so a
 * spreadsheet or script built on an export keeps working whatever language the console uses.
 */
export function reportTableRows(report: Report, table: ReportTable): ReportTableRows {
  switch (table) {
    case 'days':
      return {
        header: [
          'date',
          'conversations',
          'tickets',
          'ratings',
          'average_rating',
          'first_reply_median_minutes',
          'first_reply_p90_minutes',
          'resolution_median_minutes',
          'resolution_p90_minutes',
        ],
        rows: report.days.map((day) => [
          day.date,
          day.conversations,
          day.tickets,
          day.ratings,
          average(day.averageRating),
          minutes(day.firstReply.median),
          minutes(day.firstReply.p90),
          minutes(day.resolution.median),
          minutes(day.resolution.p90),
        ]),
      };
    case 'agents':
      return {
        header: [
          'agent_id',
          'agent_name',
          'conversations',
          'first_reply_median_minutes',
          'breaches',
          'ratings',
          'average_rating',
        ],
        rows: report.agents.map((row) => [
          row.agentId,
          row.name,
          row.conversations,
          minutes(row.firstReplyMedian),
          row.breaches,
          row.ratings,
          average(row.averageRating),
        ]),
      };
    case 'technicians':
      return {
        header: ['technician_id', 'technician_name', 'tickets', 'repair_median_minutes', 'ratings', 'average_rating'],
        rows: report.technicians.map((row) => [
          row.technicianId,
          row.name,
          row.tickets,
          minutes(row.repairMedian),
          row.ratings,
          average(row.averageRating),
        ]),
      };
    case 'products':
      return {
        header: ['sku', 'product_name', 'conversations', 'tickets', 'ratings', 'average_rating'],
        rows: report.products.map((row) => [
          row.sku,
          row.name,
          row.conversations,
          row.tickets,
          row.ratings,
          average(row.averageRating),
        ]),
      };
  }
}
