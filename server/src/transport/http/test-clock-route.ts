import { validate } from '@aftercare/shared/schemas';
import * as v from 'valibot';
import type { AdjustableClock } from '../../domain/clock.js';
import { AftercareError } from '../../domain/errors.js';
import type { createRouter } from './router.js';

const advance = v.strictObject({
  advanceMs: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(366 * 86_400_000)),
});

/** Loopback addresses as Node reports them (IPv4, IPv6, IPv4-mapped IPv6). */
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/**
 * `POST /api/test/clock` `{ advanceMs }`: moves the server's clock forward, for browser tests of
 * things that happen days later (follow-ups, escalations). Registered only when `TEST_CLOCK` is on,
 * and even then answers callers on this machine only.
 */
export function registerTestClockRoute(router: ReturnType<typeof createRouter>, clock: AdjustableClock): void {
  router.post('/api/test/clock', ({ body, address }) => {
    if (!LOOPBACK.test(address)) throw new AftercareError('FORBIDDEN', 'The test clock answers local callers only');
    const checked = validate(advance, body);
    if (!checked.ok)
      throw new AftercareError(checked.error.code, checked.error.message, { issues: checked.error.issues ?? [] });
    return { status: 200, body: { data: { now: clock.advance(checked.value.advanceMs) } } };
  });
}
