import type Database from 'better-sqlite3';

/**
 * The plan SQLite picks for every query `run` makes through `db.prepare(...).all(...)`, one line per
 * step, so tests can insist that lists are served by an index rather than a table scan.
 */
export function queryPlan(db: Database.Database, run: () => void): string {
  const steps: string[] = [];
  const prepare = db.prepare.bind(db);
  // Capture the SQL each query runs and explain it with the same parameters.
  db.prepare = ((sql: string) => {
    const statement = prepare(sql);
    const explain = prepare(`EXPLAIN QUERY PLAN ${sql}`);
    const captured = {
      all: (params: unknown) => {
        for (const row of explain.all(params as never) as { detail: string }[]) steps.push(row.detail);
        return statement.all(params as never);
      },
      // Modes change only the shape of the rows, never the plan.
      pluck: (toggle?: boolean) => {
        statement.pluck(toggle ?? true);
        return captured;
      },
      raw: (toggle?: boolean) => {
        statement.raw(toggle ?? true);
        return captured;
      },
    };
    return captured;
  }) as never;
  try {
    run();
  } finally {
    db.prepare = prepare;
  }
  return steps.join('\n');
}
