import type { AgentReportRow, ProductReportRow, Report, TechnicianReportRow } from '@aftercare/shared';
import type { ReportSummary } from './report-repository.js';

export interface ReportInput {
  from: string;
  to: string;
  siteId: string | null;
  timeZone: string;
  /** `YYYY-MM-DD` of each day of the summary. */
  dates: readonly string[];
  generatedAt: number;
  summary: ReportSummary;
  /** Agents' names by id (technicians are agents too). */
  names: ReadonlyMap<string, string>;
}

const average = (count: number, sum: number) => (count === 0 ? null : sum / count);

/** Turns a store's summary into the report: dates, names, averages, totals, rows ranked by volume. */
export function buildReport({ summary, dates, names, ...range }: ReportInput): Report {
  const days = summary.days.map((day, index) => ({
    date: dates[index]!,
    conversations: day.conversations,
    tickets: day.tickets,
    ratings: day.ratings,
    averageRating: average(day.ratings, day.ratingSum),
    firstReply: day.firstReply,
    resolution: day.resolution,
  }));
  const ratings = summary.days.reduce((total, day) => total + day.ratings, 0);
  const ratingSum = summary.days.reduce((total, day) => total + day.ratingSum, 0);
  const agents: AgentReportRow[] = summary.agents.map(({ ratingSum: sum, ...agent }) => ({
    ...agent,
    name: names.get(agent.agentId) ?? null,
    averageRating: average(agent.ratings, sum),
  }));
  const technicians: TechnicianReportRow[] = summary.technicians.map(({ ratingSum: sum, ...technician }) => ({
    ...technician,
    name: names.get(technician.technicianId) ?? null,
    averageRating: average(technician.ratings, sum),
  }));
  const products: ProductReportRow[] = summary.products.map(({ ratingSum: sum, ...product }) => ({
    ...product,
    averageRating: average(product.ratings, sum),
  }));
  return {
    from: range.from,
    to: range.to,
    siteId: range.siteId,
    timeZone: range.timeZone,
    generatedAt: range.generatedAt,
    days,
    totals: {
      conversations: days.reduce((total, day) => total + day.conversations, 0),
      tickets: days.reduce((total, day) => total + day.tickets, 0),
      ratings,
      averageRating: average(ratings, ratingSum),
      firstReply: summary.firstReply,
      resolution: summary.resolution,
      ticketResolution: summary.ticketResolution,
      breaches: summary.breaches,
    },
    agents: agents.sort((a, b) => b.conversations - a.conversations || b.ratings - a.ratings || byText(a.name, b.name)),
    technicians: technicians.sort((a, b) => b.tickets - a.tickets || b.ratings - a.ratings || byText(a.name, b.name)),
    products: products.sort(
      (a, b) =>
        b.conversations + b.tickets - (a.conversations + a.tickets) ||
        b.ratings - a.ratings ||
        byText(a.name ?? a.sku, b.name ?? b.sku),
    ),
  };
}

function byText(a: string | null, b: string | null): number {
  return (a ?? '').localeCompare(b ?? '');
}
