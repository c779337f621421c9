import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread running `program` with its own better-sqlite3 connection to open. The
 * worker is started from the program's source text (`eval`), so it runs the same from the bundle
 * and from TypeScript under the test runner; `program` must therefore be self-contained. It is
 * called with the worker's `require`, `node:worker_threads` and the `helpers` (self-contained
 * functions too, sent the same way); `workerData.driver` is the path of better-sqlite3 to `require`.
 */
export function startDatabaseWorker<Helpers extends ((...args: never[]) => unknown)[]>(
  program: (load: (id: string) => unknown, threads: never, ...helpers: Helpers) => void,
  workerData: Record<string, unknown>,
  ...helpers: Helpers
): Worker {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  // `__name` is what some TypeScript transforms wrap functions with; harmless when unused.
  const args = ["require, require('node:worker_threads')", ...helpers.map((helper) => `(${helper.toString()})`)];
  const source = `const __name = (f) => f;\n(${program.toString()})(${args.join(', ')});`;
  return new Worker(source, { eval: true, workerData: { driver, ...workerData } });
}

/**
 * What a database worker died of, as an Error. A worker's uncaught error reaches the parent by
 * structured clone, which keeps plain `Error`s but turns better-sqlite3's `SqliteError` into a
 * bare object holding only its `code` (e.g. `{ code: 'SQLITE_CANTOPEN' }`).
 */
export function workerFailure(error: unknown): Error {
  if (error instanceof Error) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const failure = new Error(typeof code === 'string' ? code : String(error));
  return typeof code === 'string' ? Object.assign(failure, { code }) : failure;
}
