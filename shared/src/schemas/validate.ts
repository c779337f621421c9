import * as v from 'valibot';
import type { ErrorBody } from '../protocol/errors.js';

export type Validation<T> = { ok: true; value: T } | { ok: false; error: ErrorBody };

/** Valibot issue types that mean "too big" rather than "wrong shape". */
const SIZE_ISSUES = new Set(['max_length', 'max_size', 'max_bytes']);

/**
 * Checks `input` against `schema` without throwing.
 * Size violations answer `PAYLOAD_TOO_LARGE` so clients can tell the shopper the message is too
 * long; every other problem answers `INVALID_PAYLOAD` with one line per issue.
 * @example
 * const result = validate(messageSend, payload);
 * if (!result.ok) return ack({ error: result.error });
 */
export function validate<S extends v.GenericSchema>(schema: S, input: unknown): Validation<v.InferOutput<S>> {
  const result = v.safeParse(schema, input, { abortPipeEarly: true });
  if (result.success) return { ok: true, value: result.output };
  const issues = result.issues.slice(0, 10).map(describeIssue);
  const tooLarge = result.issues.some((issue) => SIZE_ISSUES.has(issue.type));
  return {
    ok: false,
    error: {
      code: tooLarge ? 'PAYLOAD_TOO_LARGE' : 'INVALID_PAYLOAD',
      message: tooLarge ? 'A field is over its size limit' : 'The payload is not valid',
      issues,
    },
  };
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = issue.path?.map((item) => String(item.key)).join('.') ?? '';
  // Never echo the received value: it may be megabytes long or hostile.
  const message = issue.message.replace(/but received .*$/s, '').trim();
  return path ? `${path}: ${message}` : message;
}
