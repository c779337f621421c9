/**
 * Rate limits as a port (issue 6): token buckets kept in process memory (one process), or in Redis
 * so that several server processes serving one shop share one budget per address or account
 * instead of each handing out its own. Both adapters pass `rate-limit-contract.ts`.
 */

/** A bucket's size and refill: `burst` takes at once, then `perSecond` more each second. */
export interface RateLimitOptions {
  burst: number;
  perSecond: number;
  /**
   * For budgets spent on every event: a shared store takes this many tokens at a time and hands
   * them out locally (`leased-rate-limit.ts`), trading a little precision for fewer round trips.
   * In-process buckets need no lease and ignore it.
   */
  lease?: number;
}

/** One named budget, with a bucket per key (an address, an account). */
export interface RateLimit {
  /**
   * Takes `cost` tokens (default 1) from `key`'s bucket when it holds that many; answers 0 when
   * allowed, else how many ms until it would be (a refusal takes nothing). A negative cost gives
   * tokens back, never past `burst`. The memory adapter answers synchronously, so the in-process
   * hot path never waits for a promise.
   */
  take(key: string, cost?: number): number | Promise<number>;
}

/** Where buckets live; `limit` names a budget (`login-email`, `visitor-ip-events`) and sizes it. */
export interface RateLimitStore {
  limit(name: string, options: RateLimitOptions): RateLimit;
}
