import type { SchemaOptions } from 'mongoose';

/**
 * Options every Aftercare schema shares. `strict: 'throw'` turns an unknown field in a write into an
 * error instead of silently dropping it, and `strictQuery: 'throw'` does the same for filters, so a
 * typo or a smuggled key fails loudly. No `__v`: documents are never saved through `doc.save()`
 * after a read, so optimistic versioning would only add noise. `autoIndex` is off because the store
 * builds indexes itself at open (see `syncAllIndexes`), where a failure stops startup.
 */
export const strictSchemaOptions = {
  strict: 'throw',
  strictQuery: 'throw',
  versionKey: false,
  id: false,
  autoIndex: false,
  autoCreate: false,
} as const satisfies SchemaOptions;

/** Options for embedded objects: no `_id` of their own, same strictness as their parent. */
export const embeddedSchemaOptions = { _id: false, strict: 'throw', id: false } as const satisfies SchemaOptions;

/** Converts a stored time back to the domain's milliseconds since the epoch. */
export function toMillis(date: Date): number {
  return date.getTime();
}
