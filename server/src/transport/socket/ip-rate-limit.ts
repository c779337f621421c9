import type { EventRateLimitOptions } from '../../lib/event-rate-limit.js';

/**
 * Budgets keyed by client address (issue 6): a client that opens many sockets shares one budget
 * instead of getting a fresh one per socket. Token buckets like `createEventRateLimit`, but in a
 * bounded table, since addresses (unlike sockets) never go away by themselves.
 */
export interface AddressRateLimitOptions extends EventRateLimitOptions {
  /** Most addresses remembered at once; past it the least recently seen is forgotten. */
  maxAddresses?: number;
}

export interface AddressRateLimit {
  /** Takes one token for `address`; answers 0 when allowed, else how many ms to wait. */
  take(address: string): number;
  /** Addresses currently remembered (for tests and metrics). */
  size(): number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Enough for a busy shop's concurrent shoppers; a bucket is a few dozen bytes. */
const DEFAULT_MAX_ADDRESSES = 50_000;

/**
 * Builds an address-keyed token bucket: `burst` at once, refilled at `perSecond`.
 * Memory stays bounded: an address idle long enough to refill completely is forgotten (a fresh
 * bucket is the same as a full one, so nothing is lost), and past `maxAddresses` the least
 * recently seen address is forgotten early. The table is a Map kept in order of last use, so
 * both checks look only at its oldest entries.
 * @example
 * const connections = createAddressRateLimit({ burst: 30, perSecond: 1 }, clock.now);
 * if (connections.take('203.0.113.7') > 0) refuse();
 */
export function createAddressRateLimit(
  { burst, perSecond, maxAddresses = DEFAULT_MAX_ADDRESSES }: AddressRateLimitOptions,
  now: () => number = Date.now,
): AddressRateLimit {
  const buckets = new Map<string, Bucket>();
  const refillMs = (burst / perSecond) * 1000;

  function forgetIdle(time: number) {
    for (const [address, bucket] of buckets) {
      if (time - bucket.updatedAt < refillMs && buckets.size <= maxAddresses) break;
      buckets.delete(address);
    }
  }

  return {
    take(address) {
      const time = now();
      const bucket = buckets.get(address) ?? { tokens: burst, updatedAt: time };
      bucket.tokens = Math.min(burst, bucket.tokens + (Math.max(0, time - bucket.updatedAt) / 1000) * perSecond);
      bucket.updatedAt = time;
      // Re-inserting moves the address to the end: the Map's first entries are the longest idle.
      buckets.delete(address);
      buckets.set(address, bucket);
      forgetIdle(time);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.ceil(((1 - bucket.tokens) / perSecond) * 1000);
    },
    size: () => buckets.size,
  };
}

interface Handshake {
  address: string;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * The client's address for rate limits. `X-Forwarded-For` is anyone's to write, so it is read
 * only behind a proxy the operator vouches for (`TRUST_PROXY`); then its first address is the
 * client as the proxy saw it. Without the setting a spoofed header changes nothing.
 */
export function clientAddress(handshake: Handshake, trustProxy: boolean): string {
  const forwarded = handshake.headers['x-forwarded-for'];
  const header = Array.isArray(forwarded) ? forwarded[0] : forwarded;
  const first = header?.split(',')[0]?.trim();
  return trustProxy && first ? first : handshake.address;
}

/**
 * Chains a per-socket budget with a per-address one, for `HandlerContext.rateLimit`: the socket's
 * own budget is checked first (one noisy tab should not spend its neighbours' tokens), then the
 * budget its address shares with every other socket from there.
 */
export function withAddressLimit(
  perSocket: (socket: object) => number,
  perAddress: AddressRateLimit,
  addressOf: (socket: object) => string,
): (socket: object) => number {
  return (socket) => perSocket(socket) || perAddress.take(addressOf(socket));
}
