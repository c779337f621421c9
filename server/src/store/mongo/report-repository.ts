import type { PipelineStage } from 'mongoose';
import type {
  ConversationFact,
  RatingFact,
  ReportRepository,
  ReportSummary,
  SummaryQuery,
  TicketFact,
} from '../../domain/reports/report-repository.js';
import { summarizeFacts } from '../../domain/reports/summarize-facts.js';
import type { MongoModels } from './models.js';

/** The tenant's records created in `[from, to)`, of one site or (null) all. */
interface RangeQuery {
  tenantId: string;
  siteId: string | null;
  from: number;
  to: number;
}

/**
 * Reports from MongoDB: one aggregation per collection, a `$match` on the leading fields of
 * the `(tenantId, createdAt)` indexes, then a `$project` down to the report's fields so the server
 * ships only those. Times are normalised with `$toLong`: conversations store dates as `Date`,
 * tickets and ratings as epoch milliseconds, and fields written before a feature existed are
 * missing, which `$toLong` and `$ifNull` both turn into null. (The driver promotes the resulting
 * 64-bit integers to numbers: epoch milliseconds fit.) The facts are then summarized by the domain's
 * reference arithmetic (`summarizeFacts`): MongoDB's `$percentile` is approximate only, and reports
 * promise nearest-rank percentiles, times that really happened.
 */
export class MongoReportRepository implements ReportRepository {
  constructor(private readonly models: Pick<MongoModels, 'conversations' | 'tickets' | 'ratings'>) {}

  async summarize(query: SummaryQuery): Promise<ReportSummary> {
    const range = {
      tenantId: query.tenantId,
      siteId: query.siteId,
      from: query.dayStarts[0]!,
      to: query.dayStarts.at(-1)!,
    };
    const [conversations, tickets, ratings] = await Promise.all([
      this.conversationFacts(range),
      this.ticketFacts(range),
      this.ratingFacts(range),
    ]);
    return summarizeFacts({ conversations, tickets, ratings }, query);
  }

  private async conversationFacts(query: RangeQuery): Promise<ConversationFact[]> {
    const rows = await this.models.conversations
      .aggregate<ConversationFact>([
        { $match: rangeMatch(query, new Date(query.from), new Date(query.to)) },
        {
          $project: {
            _id: 0,
            createdAt: { $toLong: '$createdAt' },
            assigneeId: orNull('$assigneeId'),
            firstReplyAt: { $toLong: '$firstReplyAt' },
            resolvedAt: { $toLong: '$resolvedAt' },
            firstReplyDueAt: { $toLong: '$firstReplyDueAt' },
            resolutionDueAt: { $toLong: '$resolutionDueAt' },
            productSku: productField('$product.sku'),
            productName: productField('$product.name'),
          },
        },
      ])
      .exec();
    return rows;
  }

  private async ticketFacts(query: RangeQuery): Promise<TicketFact[]> {
    const rows = await this.models.tickets
      .aggregate<TicketFact>([
        { $match: rangeMatch(query, query.from, query.to) },
        {
          $project: {
            _id: 0,
            createdAt: { $toLong: '$createdAt' },
            status: '$status',
            technicianId: orNull('$technicianId'),
            answerDueAt: { $toLong: '$body.promises.answerDueAt' },
            answeredAt: { $toLong: '$body.promises.answeredAt' },
            resolutionDueAt: { $toLong: '$resolutionDueAt' },
            resolvedAt: { $toLong: '$resolvedAt' },
            productSku: productField('$body.product.sku'),
            productName: productField('$body.product.name'),
          },
        },
      ])
      .exec();
    return rows;
  }

  private async ratingFacts(query: RangeQuery): Promise<RatingFact[]> {
    const rows = await this.models.ratings
      .aggregate<RatingFact>([
        { $match: rangeMatch(query, query.from, query.to) },
        {
          $project: {
            _id: 0,
            createdAt: { $toLong: '$createdAt' },
            score: '$score',
            agentId: orNull('$agentId'),
            technicianId: orNull('$technicianId'),
            productSku: productField('$productSku'),
            productName: productField('$productName'),
          },
        },
      ])
      .exec();
    return rows;
  }
}

/** Tenant, creation range (in the collection's own time type) and optionally the site. */
function rangeMatch(query: RangeQuery, from: Date | number, to: Date | number): PipelineStage.Match['$match'] {
  return {
    tenantId: query.tenantId,
    createdAt: { $gte: from, $lt: to },
    ...(query.siteId === null ? {} : { siteId: query.siteId }),
  };
}

const orNull = (path: string) => ({ $ifNull: [path, null] });

/** Only a non-empty string names a product (the SQLite adapter applies the same rule). */
function productField(path: string) {
  return { $cond: [{ $and: [{ $eq: [{ $type: path }, 'string'] }, { $ne: [path, ''] }] }, path, null] };
}
