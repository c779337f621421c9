import * as v from 'valibot';
import { parseIsoDate } from '../domain/warranty.js';
import { LIMITS } from '../protocol/limits.js';

/** Field schemas reused by the payload schemas. Every string has a maximum length. */

/** Server-generated ids and client-generated ids alike: URL-safe, short. */
export const id = v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.clientId), v.regex(/^[A-Za-z0-9_-]+$/));

export const seq = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));

/** Non-empty after trimming, at most `max` characters. */
export function text(max: number) {
  return v.pipe(
    v.string(),
    v.maxLength(max),
    v.check((value) => value.trim().length > 0, 'must not be blank'),
  );
}

export const name = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(LIMITS.name));
export const email = v.pipe(v.string(), v.trim(), v.maxLength(LIMITS.email), v.email());
export const phone = v.pipe(
  v.string(),
  v.trim(),
  v.maxLength(LIMITS.phone),
  v.regex(/^\+?[0-9 ()./-]{3,}$/, 'must be a phone number'),
);

/** Only http(s) URLs: these end up in `href` and `src` attributes, so `javascript:` must never pass. */
export const webUrl = v.pipe(v.string(), v.maxLength(LIMITS.url), v.url(), v.regex(/^https?:\/\//i, 'must be http(s)'));

export const limit = (max: number) => v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(max));

/** An IANA time zone name the runtime knows (`Asia/Shanghai`, `UTC`). */
export const timeZone = v.pipe(
  v.string(),
  v.maxLength(64),
  v.check((value) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: value });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone'),
);

/** A real calendar day, `YYYY-MM-DD` (2026-02-30 fails). */
export const calendarDay = v.pipe(
  v.string(),
  v.check((value) => parseIsoDate(value) !== null, 'must be a real date, YYYY-MM-DD'),
);
