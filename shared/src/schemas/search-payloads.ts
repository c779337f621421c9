import * as v from 'valibot';
import { LIMITS } from '../protocol/limits.js';
import * as field from './fields.js';

/**
 * `search:query`: any text (quotes, `*`, `NEAR` and other search-engine syntax are searched for
 * literally, never interpreted), not blank, at most `LIMITS.searchQuery` characters.
 */
export const searchQuery = v.strictObject({
  query: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(LIMITS.searchQuery)),
  limit: v.optional(field.limit(LIMITS.searchPageMax)),
  cursor: v.optional(v.strictObject({ createdAt: field.seq, messageId: field.id })),
});
