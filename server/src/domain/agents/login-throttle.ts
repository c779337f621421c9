import { createHash } from 'node:crypto';
import type { RateLimitStore } from '../../lib/rate-limit/rate-limit.js';

/** Five wrong passwords per account per fifteen minutes, then one more every three minutes. */
export const LOGIN_PER_ACCOUNT = { burst: 5, perSecond: 5 / (15 * 60) };
/** An IP may be a shop's whole office behind one NAT: allow more before refusing. */
export const LOGIN_PER_ADDRESS = { burst: 30, perSecond: 30 / (15 * 60) };

export interface LoginThrottle {
  /**
   * Counts a sign-in attempt against its account and its address before the password is checked;
   * answers 0 to go on, or how many ms to wait (a refused attempt counts against neither).
   */
  attempt(email: string, address: string): Promise<number>;
  /** The password was right: the attempt does not count, and the account's failures are forgotten. */
  succeeded(email: string, address: string): Promise<void>;
}

/**
 * Slows down password guessing per account and per address. Every attempt takes a token up front
 * and a correct password gives it back, so only failures are counted; taking first (rather than
 * recording failures afterwards) means guesses sent in parallel cannot all slip through before
 * the first failure is counted. Budgets live in the rate-limit store, so in scale-out mode every
 * server process counts against the same ones.
 * @example
 * const throttle = createLoginThrottle(limits);
 * const wait = await throttle.attempt(email, address);
 */
export function createLoginThrottle(limits: RateLimitStore): LoginThrottle {
  const perAccount = limits.limit('login-email', LOGIN_PER_ACCOUNT);
  const perAddress = limits.limit('login-ip', LOGIN_PER_ADDRESS);
  // Emails are looked up without regard to case; so is their budget, or `Victim@` would get a fresh one.
  // Hashed: shared budgets live in Redis, which should not hold a list of the shop's sign-in emails.
  const accountKey = (email: string) => createHash('sha256').update(email.toLowerCase()).digest('base64url');

  return {
    async attempt(email, address) {
      const [accountWait, addressWait] = await Promise.all([
        perAccount.take(accountKey(email)),
        perAddress.take(address),
      ]);
      // A refused attempt must not cost the budget that did let it through.
      if (accountWait > 0 && addressWait === 0) await perAddress.take(address, -1);
      if (addressWait > 0 && accountWait === 0) await perAccount.take(accountKey(email), -1);
      return Math.max(accountWait, addressWait);
    },
    async succeeded(email, address) {
      await Promise.all([perAccount.take(accountKey(email), -LOGIN_PER_ACCOUNT.burst), perAddress.take(address, -1)]);
    },
  };
}
