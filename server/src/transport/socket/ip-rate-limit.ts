import type { RateLimit } from '../../lib/rate-limit/rate-limit.js';

/**
 * Budgets keyed by client address (issue 6): a client that opens many sockets shares one budget
 * instead of getting a fresh one per socket. The buckets themselves are a `RateLimit`
 * (`lib/rate-limit/`): in process memory, or in Redis so that several server processes share them.
 */

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
 * budget its address shares with every other socket from there. The per-socket check is in memory
 * and synchronous, so a flood is cut before it costs a Redis round trip.
 */
export function withAddressLimit(
  perSocket: (socket: object) => number,
  perAddress: RateLimit,
  addressOf: (socket: object) => string,
): (socket: object) => number | Promise<number> {
  return (socket) => perSocket(socket) || perAddress.take(addressOf(socket));
}
