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
import {
  daySource,
  durations,
  groupingIndexes,
  lateness,
  productSql,
  rangeSource,
  sortedValuesSql,
} from './report-sql.js';

/** Every statement of a report, in one of two variants: the whole tenant, or one site. */
function reportStatements(db: Database, bySite: boolean) {
  const prepare = (sql: string) => db.prepare(sql);
  const values = (source: string) => db.prepare(sortedValuesSql(source)).pluck();
  const byAssignee = (columns: string) => rangeSource('conversations', columns, bySite, groupingIndexes.byAssignee);
  const tickets = (columns: string) => rangeSource('tickets', columns, bySite);
  const ratings = (columns: string) => rangeSource('ratings', columns, bySite);
  const promises = 'first_reply_at, resolved_at, first_reply_due_at, resolution_due_at';
  return {
    // Per day: counts, how many have each duration (the group sizes of the sorted values), breaches.
    conversationDays: prepare(
      `SELECT day, count(*) AS count, count(first_reply_at) AS replies, count(resolved_at) AS resolutions,
        sum(${lateness.conversationFirstReply}) AS lateReplies, sum(${lateness.conversationResolution}) AS lateResolutions
      FROM (${daySource('conversations', promises, bySite)}) GROUP BY day ORDER BY day`,
    ),
    firstReplyValues: values(daySource('conversations', `day AS g, ${durations.firstReply} AS v`, bySite)),
    resolutionValues: values(daySource('conversations', `day AS g, ${durations.resolution} AS v`, bySite)),
    ticketDays: prepare(
      `SELECT day, count(*) AS count, sum(${lateness.ticketAnswer}) AS lateAnswers,
        sum(${lateness.ticketResolution}) AS lateResolutions
      FROM (${daySource('tickets', 'status, resolved_at, resolution_due_at, body', bySite)}) GROUP BY day`,
    ),
    ratingDays: prepare(
      `SELECT day, count(*) AS count, sum(score) AS scoreSum FROM (${daySource('ratings', 'score', bySite)}) GROUP BY day`,
    ),
    agents: prepare(
      `SELECT assignee_id AS id, count(*) AS count, count(first_reply_at) AS replies,
        sum(${lateness.conversationFirstReply} + ${lateness.conversationResolution}) AS breaches
      FROM (${byAssignee(`assignee_id, ${promises}`)}) WHERE assignee_id IS NOT NULL
      GROUP BY assignee_id ORDER BY assignee_id`,
    ),
    agentFirstReplyValues: values(
      `${byAssignee(`assignee_id AS g, ${durations.firstReply} AS v`)} AND assignee_id IS NOT NULL`,
    ),
    technicians: prepare(
      `SELECT technician_id AS id, count(*) AS count, count(${durations.repair}) AS repairs
      FROM (${tickets('technician_id, status, resolved_at, created_at')}) WHERE technician_id IS NOT NULL
      GROUP BY technician_id ORDER BY technician_id`,
    ),
    technicianRepairValues: values(
      `${tickets(`technician_id AS g, ${durations.repair} AS v`)} AND technician_id IS NOT NULL`,
    ),
    repairValues: values(tickets(`0 AS g, ${durations.repair} AS v`)),
    ratingsByAgent: prepare(
      `SELECT agent_id AS id, count(*) AS count, sum(score) AS scoreSum FROM (${ratings('agent_id, score')})
      WHERE agent_id IS NOT NULL GROUP BY agent_id`,
    ),
    ratingsByTechnician: prepare(
      `SELECT technician_id AS id, count(*) AS count, sum(score) AS scoreSum FROM (${ratings('technician_id, score')})
      WHERE technician_id IS NOT NULL GROUP BY technician_id`,
    ),
    conversationProducts: prepare(productSql('conversations', bySite)),
    ticketProducts: prepare(productSql('tickets', bySite)),
    ratingProducts: prepare(productSql('ratings', bySite)),
  };
}

type Statements = ReturnType<typeof reportStatements>;
interface GroupRow {
  id: string;
  count: number;
  scoreSum: number;
}
interface ProductRow {
  sku: string | null;
  name: string | null;
  count: number;
  scoreSum: number;
}

const NO_SPREAD: DurationSpread = { count: 0, median: null, p90: null };

/** The value at nearest rank ⌈p·n⌉ (as `statistics.ts`) of a sorted run of `n` values from `offset`. */
const atRank = (values: ArrayLike<number>, offset: number, n: number, p: number) =>
  values[offset + Math.max(1, Math.ceil((p / 100) * n)) - 1] as number;

const spreadOf = (values: ArrayLike<number>, offset: number, n: number): DurationSpread =>
  n === 0 ? NO_SPREAD : { count: n, median: atRank(values, offset, n, 50), p90: atRank(values, offset, n, 90) };

/** Walks sorted values group by group (`sizes` in the values' group order), answering each group's spread. */
function spreadsBySize(values: ArrayLike<number>, sizes: readonly number[]): DurationSpread[] {
  let offset = 0;
  return sizes.map((n) => {
    const spread = spreadOf(values, offset, n);
    offset += n;
    return spread;
  });
}

/** The spread of all values at once (sorted again: they came sorted by group first). */
const overall = (values: readonly number[]) => spreadOf(Float64Array.from(values).sort(), 0, values.length);

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
  const dayCount = (JSON.parse(params.dayStarts as string) as number[]).length - 1;
  const days: DaySummary[] = Array.from({ length: dayCount }, () => ({
    conversations: 0,
    tickets: 0,
    ratings: 0,
    ratingSum: 0,
    firstReply: NO_SPREAD,
    resolution: NO_SPREAD,
  }));
  const breaches = { conversationFirstReply: 0, conversationResolution: 0, ticketAnswer: 0, ticketResolution: 0 };

  const conversationDays = rows<{
    day: number;
    count: number;
    replies: number;
    resolutions: number;
    lateReplies: number;
    lateResolutions: number;
  }>(statements.conversationDays);
  const firstReplies = statements.firstReplyValues.all(params) as number[];
  const resolutions = statements.resolutionValues.all(params) as number[];
  const replySpreads = spreadsBySize(
    firstReplies,
    conversationDays.map((row) => row.replies),
  );
  const resolutionSpreads = spreadsBySize(
    resolutions,
    conversationDays.map((row) => row.resolutions),
  );
  conversationDays.forEach((row, index) => {
    Object.assign(days[row.day]!, {
      conversations: row.count,
      firstReply: replySpreads[index],
      resolution: resolutionSpreads[index],
    });
    breaches.conversationFirstReply += row.lateReplies;
    breaches.conversationResolution += row.lateResolutions;
  });
  for (const row of rows<{ day: number; count: number; lateAnswers: number; lateResolutions: number }>(
    statements.ticketDays,
  )) {
    days[row.day]!.tickets = row.count;
    breaches.ticketAnswer += row.lateAnswers;
    breaches.ticketResolution += row.lateResolutions;
  }
  for (const row of rows<{ day: number; count: number; scoreSum: number }>(statements.ratingDays)) {
    Object.assign(days[row.day]!, { ratings: row.count, ratingSum: row.scoreSum });
  }

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
  const agentRows = rows<{ id: string; count: number; replies: number; breaches: number }>(statements.agents);
  const agentSpreads = spreadsBySize(
    statements.agentFirstReplyValues.all(params) as number[],
    agentRows.map((row) => row.replies),
  );
  agentRows.forEach((row, index) => {
    Object.assign(agentOf(row.id), {
      conversations: row.count,
      breaches: row.breaches,
      firstReplyMedian: agentSpreads[index]!.median,
    });
  });
  for (const row of rows<GroupRow>(statements.ratingsByAgent)) {
    Object.assign(agentOf(row.id), { ratings: row.count, ratingSum: row.scoreSum });
  }

  const technicians = new Map<string, TechnicianSummary>();
  const technicianOf = (id: string) =>
    getOrAdd(technicians, id, () => ({ technicianId: id, tickets: 0, repairMedian: null, ratings: 0, ratingSum: 0 }));
  const technicianRows = rows<{ id: string; count: number; repairs: number }>(statements.technicians);
  const repairSpreads = spreadsBySize(
    statements.technicianRepairValues.all(params) as number[],
    technicianRows.map((row) => row.repairs),
  );
  technicianRows.forEach((row, index) => {
    Object.assign(technicianOf(row.id), { tickets: row.count, repairMedian: repairSpreads[index]!.median });
  });
  for (const row of rows<GroupRow>(statements.ratingsByTechnician)) {
    Object.assign(technicianOf(row.id), { ratings: row.count, ratingSum: row.scoreSum });
  }

  const products = new Map<string, ProductSummary>();
  const addProducts = (statement: Statement, field: 'conversations' | 'tickets' | 'ratings') => {
    for (const row of rows<ProductRow>(statement)) {
      const product = getOrAdd(products, productKey(row.sku, row.name)!, () => ({
        sku: row.sku,
        name: row.name,
        conversations: 0,
        tickets: 0,
        ratings: 0,
        ratingSum: 0,
      }));
      if (row.name !== null && (product.name === null || row.name < product.name)) product.name = row.name;
      // One product may come as several rows (a SKU sold under two names): they add up.
      product[field] += row.count;
      if (field === 'ratings') product.ratingSum += row.scoreSum;
    }
  };
  addProducts(statements.conversationProducts, 'conversations');
  addProducts(statements.ticketProducts, 'tickets');
  addProducts(statements.ratingProducts, 'ratings');

  return {
    days,
    firstReply: overall(firstReplies),
    resolution: overall(resolutions),
    ticketResolution: overall(statements.repairValues.all(params) as number[]),
    breaches,
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
