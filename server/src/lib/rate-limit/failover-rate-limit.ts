import type { Logger } from '../logger.js';
import type { RateLimit, RateLimitStore } from './rate-limit.js';

export interface FailoverOptions {
  /** After a failed take, how long takes stay local before Redis is tried again (default a second). */
  retryMs?: number;
  /** Real time, for `retryMs` (not the app clock, which tests move by days). */
  monotonicNow?: () => number;
}

/**
 * Shared budgets that never block on their backend: each take goes to `shared` (Redis), and when
 * that fails (Redis down, stuck past its timeout, or refusing) it is answered from `local` (this
 * process's memory) instead. Failing open to the local budget keeps the site usable and still
 * limited per process during an outage; failing closed would turn a Redis outage into a site
 * outage. After a failure, takes stay local (and synchronous) for `retryMs`, so a stuck Redis costs
 * one timed-out take a second rather than one per event. The outage is logged once when it starts
 * and once when Redis answers again, not once per event.
 */
export function createFailoverRateLimits(
  shared: RateLimitStore,
  local: RateLimitStore,
  logger: Logger,
  { retryMs = 1_000, monotonicNow = () => performance.now() }: FailoverOptions = {},
): RateLimitStore {
  let degraded = false;
  let retryAt = 0;
  const failedOver = (error: unknown) => {
    retryAt = monotonicNow() + retryMs;
    if (degraded) return;
    degraded = true;
    logger.warn('rate limits fell back to this process: Redis is unreachable', { error });
  };
  const recovered = () => {
    if (!degraded) return;
    degraded = false;
    logger.info('rate limits are shared through Redis again');
  };

  return {
    limit(name, options): RateLimit {
      const remote = shared.limit(name, options);
      const fallback = local.limit(name, options);
      const takeShared = async (key: string, cost?: number) => {
        try {
          const wait = await remote.take(key, cost);
          recovered();
          return wait;
        } catch (error) {
          failedOver(error);
          return fallback.take(key, cost);
        }
      };
      return {
        take: (key, cost) => (degraded && monotonicNow() < retryAt ? fallback.take(key, cost) : takeShared(key, cost)),
      };
    },
  };
}
