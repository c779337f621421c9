import { AftercareError } from '../../domain/errors.js';

/** True for a UNIQUE or PRIMARY KEY violation raised by better-sqlite3. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Failures of the database as a whole rather than of one row: retrying row by row cannot help. */
const databaseFailures = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|READONLY|CORRUPT|NOTADB|CANTOPEN|NOMEM|PROTOCOL)/;

/** True when an error is about the data being written (a constraint, a bad value), not the database. */
export function isRowFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code !== 'string' || !databaseFailures.test(code);
}

/**
 * Runs a write and turns a uniqueness violation into `CONFLICT`, the code the ports promise;
 * any other failure is rethrown untouched so it surfaces as `INTERNAL` with its details logged.
 */
export function conflictOnDuplicate<T>(write: () => T, message: string): T {
  try {
    return write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AftercareError('CONFLICT', message);
    throw error;
  }
}
