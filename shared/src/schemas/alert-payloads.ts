import * as v from 'valibot';
import * as field from './fields.js';

/** Most alerts one `alert:list` page returns, and most ids one `alert:read` marks. */
export const ALERT_PAGE_MAX = 100;

/** `alert:list`: the newest alerts, at most `limit` (default 50). */
export const alertList = v.strictObject({
  limit: v.optional(field.limit(ALERT_PAGE_MAX)),
});

/** `alert:read`: the given alerts (none repeated), or every alert of the tenant when `alertIds` is absent. */
export const alertRead = v.strictObject({
  alertIds: v.optional(
    v.pipe(
      v.array(field.id),
      v.minLength(1),
      v.maxLength(ALERT_PAGE_MAX),
      v.check((ids) => new Set(ids).size === ids.length, 'must not repeat an alert'),
    ),
  ),
});
