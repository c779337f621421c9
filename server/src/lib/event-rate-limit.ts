/**
 * Per-connection event budget as a token bucket: `burst` events at once, refilled at `perSecond`.
 * Keeps one misbehaving tab or script from flooding the server; honest clients (the widget
 * throttles typing, sends one message per keystroke of Enter) never reach it. It stays in process
 * memory even in scale-out mode: a socket lives on one process, and a synchronous check cuts a
 * flood before any Redis round trip (budgets shared across processes are in `lib/rate-limit/`).
 */
export interface EventRateLimitOptions {
  burst: number;
  perSecond: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * Returns a function that takes one token for `key` (a socket object) and answers how long to wait
 * before retrying: 0 means allowed. Buckets live in a WeakMap, so closed sockets cost nothing.
 */
export function createEventRateLimit({ burst, perSecond }: EventRateLimitOptions, now: () => number = Date.now) {
  const buckets = new WeakMap<object, Bucket>();
  return (key: object): number => {
    const time = now();
    const bucket = buckets.get(key) ?? { tokens: burst, updatedAt: time };
    bucket.tokens = Math.min(burst, bucket.tokens + ((time - bucket.updatedAt) / 1000) * perSecond);
    bucket.updatedAt = time;
    buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - bucket.tokens) / perSecond) * 1000);
  };
}
