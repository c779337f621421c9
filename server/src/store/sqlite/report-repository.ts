import type { DurationSpread } from '@aftercare/shared';
import type { Database, Statement } from 'better-sqlite3';
import type {
  AgentSummary,
  DaySummary,
  ProductSummary,
  ReportRepository,
  ReportSummary,
  SummaryQuery,
  TechnicianSummary,
} from '../../domain/reports/report-repository.js';
import { productKey } from '../../domain/reports/summarize-facts.js';
import { daySource, durations, lateness, productSql, rangeSource, spreadSql } from './report-sql.js';

/** Every statement of a report, in two variants: the whole tenant, and one site. */
function reportStatements(db: Database, bySite: boolean) {
  const prepare = (sql: string) => db.prepare(sql);
  const perDay = (table: 'conversations' | 'tickets') =>
    prepare(`SELECT day, count(*) AS count FROM (${daySource(table, '1', bySite)}) GROUP BY day`);
  return {
    conversationsPerDay: perDay('conversations'),
    ticketsPerDay: perDay('tickets'),
    ratingsPerDay: prepare(
      `SELECT day, count(*) AS count, sum(score) AS scoreSum FROM (${daySource('ratings', 'score', bySite)}) GROUP BY day`,
    ),
    firstReplyPerDay: prepare(spreadSql(daySource('conversations', `day AS g, ${durations.firstReply} AS v`, bySite))),
    resolutionPerDay: prepare(spreadSql(daySource('conversations', `day AS g, ${durations.resolution} AS v`, bySite))),
    firstReply: prepare(spreadSql(rangeSource('conversations', `0 AS g, ${durations.firstReply} AS v`, bySite))),
    resolution: prepare(spreadSql(rangeSource('conversations', `0 AS g, ${durations.resolution} AS v`, bySite))),
    ticketResolution: prepare(spreadSql(rangeSource('tickets', `0 AS g, ${durations.repair} AS v`, bySite))),
    conversationBreaches: prepare(
      `SELECT coalesce(sum(${lateness.conversationFirstReply}), 0) AS firstReply,
        coalesce(sum(${lateness.conversationResolution}), 0) AS resolution
      FROM (${rangeSource('conversations', '*', bySite)})`,
    ),
    ticketBreaches: prepare(
      `SELECT coalesce(sum(${lateness.ticketAnswer}), 0) AS answer, coalesce(sum(${lateness.ticketResolution}), 0) AS resolution
      FROM (${rangeSource('tickets', '*', bySite)})`,
    ),
    agents: prepare(
      `SELECT assignee_id AS id, count(*) AS count,
        sum(${lateness.conversationFirstReply} + ${lateness.conversationResolution}) AS breaches
      FROM (${rangeSource('conversations', '*', bySite)}) WHERE assignee_id IS NOT NULL GROUP BY assignee_id`,
    ),
    agentFirstReply: prepare(
      spreadSql(
        `${rangeSource('conversations', `assignee_id AS g, ${durations.firstReply} AS v`, bySite)} AND assignee_id IS NOT NULL`,
      ),
    ),
    technicians: prepare(
      `SELECT technician_id AS id, count(*) AS count FROM (${rangeSource('tickets', '*', bySite)})
      WHERE technician_id IS NOT NULL GROUP BY technician_id`,
    ),
    technicianRepair: prepare(
      spreadSql(
        `${rangeSource('tickets', `technician_id AS g, ${durations.repair} AS v`, bySite)} AND technician_id IS NOT NULL`,
      ),
    ),
    ratingsByAgent: prepare(
      `SELECT agent_id AS id, count(*) AS count, sum(score) AS scoreSum FROM (${rangeSource('ratings', '*', bySite)})
      WHERE agent_id IS NOT NULL GROUP BY agent_id`,
    ),
    ratingsByTechnician: prepare(
      `SELECT technician_id AS id, count(*) AS count, sum(score) AS scoreSum FROM (${rangeSource('ratings', '*', bySite)})
      WHERE technician_id IS NOT NULL GROUP BY technician_id`,
    ),
    conversationProducts: prepare(productSql('conversations', bySite)),
    ticketProducts: prepare(productSql('tickets', bySite)),
    ratingProducts: prepare(productSql('ratings', bySite)),
  } satisfies Record<string, Statement>;
}

type Statements = ReturnType<typeof reportStatements>;
interface SpreadRow {
  g: string | number;
  n: number;
  median: number;
  p90: number;
}
interface CountRow {
  id: string;
  count: number;
  scoreSum?: number;
  breaches?: number;
}
interface ProductRow {
  sku: string | null;
  name: string | null;
  count: number;
  scoreSum: number;
}

const NO_SPREAD: DurationSpread = { count: 0, median: null, p90: null };
const toSpread = (row: SpreadRow | undefined): DurationSpread =>
  row ? { count: row.n, median: row.median, p90: row.p90 } : NO_SPREAD;

/**
 * Reports from SQLite, aggregated by SQLite: counts, sums, broken promises and nearest-rank
 * percentiles are computed in SQL over the covering indexes of migration 11 (plans checked in
 * `report-repository.test.ts`), so JavaScript only sees a few hundred rows, whatever the range.
 * The statements run in one read transaction, so they all see the same data.
 */
export class SqliteReportRepository implements ReportRepository {
  private readonly all: Statements;
  private readonly bySite: Statements;
  private readonly read;

  constructor(db: Database) {
    this.all = reportStatements(db, false);
    this.bySite = reportStatements(db, true);
    this.read = db.transaction((statements: Statements, params: Record<string, unknown>) =>
      summarizeWith(statements, params),
    );
  }

  async summarize(query: SummaryQuery): Promise<ReportSummary> {
    const params = {
      tenantId: query.tenantId,
      from: query.dayStarts[0],
      to: query.dayStarts.at(-1),
      dayStarts: JSON.stringify(query.dayStarts),
      now: query.now,
      ...(query.siteId === null ? {} : { siteId: query.siteId }),
    };
    return this.read(query.siteId === null ? this.all : this.bySite, params);
  }
}

function summarizeWith(statements: Statements, params: Record<string, unknown>): ReportSummary {
  const rows = <T>(statement: Statement) => statement.all(params) as T[];
  const dayCount = (params.dayStarts as string).split(',').length - 1;
  const days: DaySummary[] = Array.from({ length: dayCount }, () => ({
    conversations: 0,
    tickets: 0,
    ratings: 0,
    ratingSum: 0,
    firstReply: NO_SPREAD,
    resolution: NO_SPREAD,
  }));
  for (const row of rows<{ day: number; count: number }>(statements.conversationsPerDay))
    days[row.day]!.conversations = row.count;
  for (const row of rows<{ day: number; count: number }>(statements.ticketsPerDay)) days[row.day]!.tickets = row.count;
  for (const row of rows<{ day: number; count: number; scoreSum: number }>(statements.ratingsPerDay)) {
    days[row.day]!.ratings = row.count;
    days[row.day]!.ratingSum = row.scoreSum;
  }
  for (const row of rows<SpreadRow>(statements.firstReplyPerDay)) days[row.g as number]!.firstReply = toSpread(row);
  for (const row of rows<SpreadRow>(statements.resolutionPerDay)) days[row.g as number]!.resolution = toSpread(row);

  const [conversationBreaches] = rows<{ firstReply: number; resolution: number }>(statements.conversationBreaches);
  const [ticketBreaches] = rows<{ answer: number; resolution: number }>(statements.ticketBreaches);

  const agents = new Map<string, AgentSummary>();
  const agentOf = (id: string) =>
    getOrAdd(agents, id, () => ({
      agentId: id,
      conversations: 0,
      firstReplyMedian: null,
      breaches: 0,
      ratings: 0,
      ratingSum: 0,
    }));
  for (const row of rows<CountRow>(statements.agents)) {
    Object.assign(agentOf(row.id), { conversations: row.count, breaches: row.breaches ?? 0 });
  }
  for (const row of rows<SpreadRow>(statements.agentFirstReply)) agentOf(row.g as string).firstReplyMedian = row.median;
  for (const row of rows<CountRow>(statements.ratingsByAgent)) {
    Object.assign(agentOf(row.id), { ratings: row.count, ratingSum: row.scoreSum ?? 0 });
  }

  const technicians = new Map<string, TechnicianSummary>();
  const technicianOf = (id: string) =>
    getOrAdd(technicians, id, () => ({ technicianId: id, tickets: 0, repairMedian: null, ratings: 0, ratingSum: 0 }));
  for (const row of rows<CountRow>(statements.technicians)) technicianOf(row.id).tickets = row.count;
  for (const row of rows<SpreadRow>(statements.technicianRepair))
    technicianOf(row.g as string).repairMedian = row.median;
  for (const row of rows<CountRow>(statements.ratingsByTechnician)) {
    Object.assign(technicianOf(row.id), { ratings: row.count, ratingSum: row.scoreSum ?? 0 });
  }

  const products = new Map<string, ProductSummary>();
  const addProducts = (statement: Statement, field: 'conversations' | 'tickets' | 'ratings') => {
    for (const row of rows<ProductRow>(statement)) {
      const key = productKey(row.sku, row.name)!;
      const product = getOrAdd(products, key, () => ({
        sku: row.sku,
        name: row.name,
        conversations: 0,
        tickets: 0,
        ratings: 0,
        ratingSum: 0,
      }));
      if (row.name !== null && (product.name === null || row.name < product.name)) product.name = row.name;
      product[field] = row.count;
      if (field === 'ratings') product.ratingSum = row.scoreSum;
    }
  };
  addProducts(statements.conversationProducts, 'conversations');
  addProducts(statements.ticketProducts, 'tickets');
  addProducts(statements.ratingProducts, 'ratings');

  return {
    days,
    firstReply: toSpread(rows<SpreadRow>(statements.firstReply)[0]),
    resolution: toSpread(rows<SpreadRow>(statements.resolution)[0]),
    ticketResolution: toSpread(rows<SpreadRow>(statements.ticketResolution)[0]),
    breaches: {
      conversationFirstReply: conversationBreaches!.firstReply,
      conversationResolution: conversationBreaches!.resolution,
      ticketAnswer: ticketBreaches!.answer,
      ticketResolution: ticketBreaches!.resolution,
    },
    agents: [...agents.values()],
    technicians: [...technicians.values()],
    products: [...products.values()],
  };
}

function getOrAdd<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}
