import type { DurationSpread, ReportBreaches } from '@aftercare/shared';

/**
 * Storage port for reports: one call that reads every conversation, ticket and rating created in
 * the range and answers the figures a report needs, aggregated. The work belongs in the database:
 * a year of a busy shop is ~100,000 conversations, and moving them into JavaScript row by row costs
 * far more than counting and ranking them where they are. `summarizeFacts` is the reference
 * arithmetic (MongoDB's adapter uses it after projecting the facts in a pipeline); the contract
 * suite holds every adapter to the same figures.
 */
export interface ReportRepository {
  summarize(query: SummaryQuery): Promise<ReportSummary>;
}

/** The tenant's records created in `[dayStarts[0], dayStarts.at(-1))`, of one site or (null) all. */
export interface SummaryQuery {
  tenantId: string;
  siteId: string | null;
  /** The instant each day starts, and after the last day the instant the range ends. */
  dayStarts: readonly number[];
  /** Open items are late once their due time is before this instant. */
  now: number;
}

/** One day: what was created (rated) that day. */
export interface DaySummary {
  conversations: number;
  tickets: number;
  ratings: number;
  ratingSum: number;
  firstReply: DurationSpread;
  resolution: DurationSpread;
}

export interface AgentSummary {
  agentId: string;
  conversations: number;
  firstReplyMedian: number | null;
  breaches: number;
  ratings: number;
  ratingSum: number;
}

export interface TechnicianSummary {
  technicianId: string;
  tickets: number;
  repairMedian: number | null;
  ratings: number;
  ratingSum: number;
}

/** A product told apart by SKU, else by name; `name` is the alphabetically first name seen for it. */
export interface ProductSummary {
  sku: string | null;
  name: string | null;
  conversations: number;
  tickets: number;
  ratings: number;
  ratingSum: number;
}

/**
 * The figures of a range, unsorted and without names. Durations: first reply and resolution from
 * a conversation's creation; ticket resolution from a ticket's creation to its return or closing
 * (cancelled tickets left out). Percentiles are nearest-rank (see `statistics.ts`).
 */
export interface ReportSummary {
  /** Aligned with the days of `SummaryQuery.dayStarts`. */
  days: DaySummary[];
  firstReply: DurationSpread;
  resolution: DurationSpread;
  ticketResolution: DurationSpread;
  breaches: ReportBreaches;
  agents: AgentSummary[];
  technicians: TechnicianSummary[];
  products: ProductSummary[];
}

/** What the MongoDB adapter reads of each record before summarizing (`summarizeFacts`). */
export interface ConversationFact {
  createdAt: number;
  assigneeId: string | null;
  firstReplyAt: number | null;
  resolvedAt: number | null;
  /** Null when no promise applies (the shop never opens) or the record predates due times. */
  firstReplyDueAt: number | null;
  resolutionDueAt: number | null;
  productSku: string | null;
  productName: string | null;
}

export interface TicketFact {
  createdAt: number;
  status: string;
  technicianId: string | null;
  answerDueAt: number | null;
  answeredAt: number | null;
  resolutionDueAt: number | null;
  resolvedAt: number | null;
  productSku: string | null;
  productName: string | null;
}

export interface RatingFact {
  createdAt: number;
  score: number;
  agentId: string | null;
  technicianId: string | null;
  productSku: string | null;
  productName: string | null;
}
