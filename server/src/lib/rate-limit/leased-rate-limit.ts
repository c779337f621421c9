import type { RateLimit } from './rate-limit.js';

export interface LeaseOptions {
  /** Tokens taken from the shared budget at once. */
  lease: number;
  /** Leased tokens left unused this long are dropped (never handed back: stricter, never looser). */
  ttlMs?: number;
  /** Most keys holding a lease at once; past it the oldest lease is dropped. */
  maxKeys?: number;
  /** Real time (not the app clock, which tests move by days). */
  monotonicNow?: () => number;
}

interface Lease {
  tokens: number;
  until: number;
}

/**
 * Spends a shared budget (Redis) `lease` tokens at a time and hands them out from this process's
 * memory, so the per-event hot path pays one Redis round trip per `lease` events instead of one
 * per event, and most takes answer synchronously. Leased tokens are taken from the shared budget
 * first, so a key never gets more than its budget; the price is that tokens one process holds are
 * not available to another for up to `ttlMs` (slightly stricter). When the bucket holds fewer than
 * a lease, single tokens are taken, so the last tokens of a budget are still spent.
 * @example
 * const events = createLeasedRateLimit(redisLimits.limit('visitor-ip-events', rate), { lease: 5 });
 * if ((await events.take(address)) > 0) refuse();
 */
export function createLeasedRateLimit(
  shared: RateLimit,
  { lease, ttlMs = 1_000, maxKeys = 50_000, monotonicNow = () => performance.now() }: LeaseOptions,
): RateLimit {
  const leases = new Map<string, Lease>();
  const pending = new Map<string, Promise<number>>();

  const fromLease = (key: string): boolean => {
    const held = leases.get(key);
    if (!held || held.tokens <= 0 || held.until <= monotonicNow()) return false;
    held.tokens--;
    return true;
  };

  const renew = async (key: string): Promise<number> => {
    if ((await shared.take(key, lease)) === 0) {
      leases.delete(key); // re-inserted last: the Map's first entries are the oldest leases
      leases.set(key, { tokens: lease - 1, until: monotonicNow() + ttlMs });
      for (const [oldest] of leases) {
        if (leases.size <= maxKeys) break;
        leases.delete(oldest);
      }
      return 0;
    }
    return shared.take(key, 1);
  };

  const take = (key: string, cost = 1): number | Promise<number> => {
    if (cost !== 1) return shared.take(key, cost);
    if (fromLease(key)) return 0;
    // Events of one key arriving together wait for one renewal instead of each leasing.
    const inFlight = pending.get(key);
    if (inFlight) return inFlight.then(() => (fromLease(key) ? 0 : take(key)));
    const renewal = renew(key).finally(() => pending.delete(key));
    pending.set(key, renewal);
    return renewal;
  };
  return { take };
}
