import { AftercareError } from '../../domain/errors.js';

/** What the driver's `MongoServerError` carries for a duplicate key (E11000); read structurally, not by class. */
interface DuplicateKeyErrorShape {
  code?: unknown;
  message?: unknown;
  keyPattern?: unknown;
}

/**
 * True when `error` is MongoDB's duplicate-key error (code 11000), optionally only when the
 * violated index is `indexName`. The index name is read from the server's message
 * (`... index: <name> dup key: ...`), which every supported server version includes; we name our
 * indexes explicitly so this stays stable. `_id_` is the name of the primary key index.
 */
export function isDuplicateKeyError(error: unknown, indexName?: string): boolean {
  if (error === null || typeof error !== 'object') return false;
  const { code, message } = error as DuplicateKeyErrorShape;
  if (code !== 11000) return false;
  if (indexName === undefined) return true;
  return typeof message === 'string' && message.includes(`index: ${indexName} `);
}

/**
 * Runs a write and turns a duplicate-key error into `CONFLICT`, the code the ports promise; any
 * other failure is rethrown untouched so it surfaces as `INTERNAL` with its details logged.
 */
export async function conflictOnDuplicate<T>(write: () => Promise<T>, message: string): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isDuplicateKeyError(error)) throw new AftercareError('CONFLICT', message);
    throw error;
  }
}
