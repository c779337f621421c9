/**
 * The SQL of the SQLite reports (see `report-repository.ts`). Each statement reads one slice of a
 * covering index of migration 11: the JSON expressions below are written exactly as the indexes
 * hold them, or SQLite would read every table row to compute them again.
 */

/** The three tables a report reads, with the expressions it needs of each. */
export const reportTables = {
  conversations: {
    table: 'conversations',
    sku: `json_extract(product, '$.sku')`,
    name: `json_extract(product, '$.name')`,
  },
  tickets: {
    table: 'tickets',
    sku: `json_extract(body, '$.product.sku')`,
    name: `json_extract(body, '$.product.name')`,
  },
  ratings: { table: 'ratings', sku: 'product_sku', name: 'product_name' },
} as const;

export type ReportTableName = keyof typeof reportTables;

/** A promise broken (1) or not (0): kept after its due time, or still not kept when it fell due. */
const late = (due: string, done: string) => `(${due} IS NOT NULL AND coalesce(${done}, @now) > ${due})`;

export const lateness = {
  conversationFirstReply: late('first_reply_due_at', 'first_reply_at'),
  conversationResolution: late('resolution_due_at', 'resolved_at'),
  ticketAnswer: late(`json_extract(body, '$.promises.answerDueAt')`, `json_extract(body, '$.promises.answeredAt')`),
  ticketResolution: late('resolution_due_at', 'resolved_at'),
};

/** Durations the percentiles rank. A cancelled ticket was never repaired: no resolution time. */
export const durations = {
  firstReply: 'first_reply_at - created_at',
  resolution: 'resolved_at - created_at',
  repair: `CASE WHEN status <> 'cancelled' THEN resolved_at - created_at END`,
};

/** The rows of `table` in the range, with `columns` (the site condition only when `bySite`). */
export function rangeSource(table: ReportTableName, columns: string, bySite: boolean, index?: string): string {
  return `SELECT ${columns} FROM ${table}${index ? ` INDEXED BY ${index}` : ''}
    WHERE tenant_id = @tenantId AND created_at >= @from AND created_at < @to${bySite ? ' AND site_id = @siteId' : ''}`;
}

/**
 * Per-agent figures group 50,000–100,000 conversations: read in an index already ordered by agent,
 * SQLite groups them without sorting them first, which costs more than walking the tenant's whole
 * slice of that index.
 */
export const groupingIndexes = { byAssignee: 'conversations_by_assignee_for_reports' } as const;

/**
 * The rows of `table` in the range with the index of their day (`day`). `@dayStarts` is a JSON
 * array of the instants days start; SQLite loops over the days and searches the index once per day,
 * so a day in a zone with daylight saving is exactly its 23 or 25 hours.
 */
export function daySource(table: ReportTableName, columns: string, bySite: boolean): string {
  return `SELECT days.day AS day, ${columns} FROM (
      SELECT CAST(key AS INTEGER) AS day, value AS start, lead(value) OVER (ORDER BY key) AS stop
      FROM json_each(@dayStarts)
    ) AS days
    JOIN ${table} ON ${table}.tenant_id = @tenantId AND ${table}.created_at >= days.start
      AND ${table}.created_at < days.stop${bySite ? ` AND ${table}.site_id = @siteId` : ''}`;
}

/**
 * The durations of a source with columns `g` and `v`, sorted by group and then value: what
 * nearest-rank percentiles need, with each group's count taken from a GROUP BY over the same rows
 * in the same order. SQLite sorts far faster than its window functions rank, and one number per
 * row is cheap to hand to JavaScript.
 */
export function sortedValuesSql(source: string): string {
  return `SELECT v FROM (${source}) WHERE v IS NOT NULL ORDER BY g, v`;
}

/**
 * Count per product (SKU, else name) with the alphabetically first name seen, and for ratings the
 * score sum. The caller merges the three tables' rows by the same product rule.
 */
export function productSql(table: ReportTableName, bySite: boolean): string {
  const { sku, name } = reportTables[table];
  const scores = table === 'ratings';
  const columns = `nullif(${sku}, '') AS sku, nullif(${name}, '') AS name${scores ? ', score' : ''}`;
  // Grouping by the pair itself would make SQLite read table rows instead of the covering index.
  return `SELECT max(sku) AS sku, min(name) AS name, count(*) AS count, ${scores ? 'sum(score)' : '0'} AS scoreSum
    FROM (${rangeSource(table, columns, bySite)})
    WHERE coalesce(sku, name) IS NOT NULL
    GROUP BY sku, CASE WHEN sku IS NULL THEN name END`;
}
