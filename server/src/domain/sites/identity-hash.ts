import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new identity secret: 32 random bytes as 64 lower-case hex characters. */
export function newIdentitySecret(): string {
  return randomBytes(32).toString('hex');
}

/**
 * What the shop's backend computes for a logged-in shopper: HMAC-SHA256 of their user id (UTF-8)
 * keyed with the site's secret (the hex string itself, as shops paste it), in lower-case hex.
 */
export function identityHash(secret: string, userId: string): string {
  return createHmac('sha256', secret).update(userId, 'utf8').digest('hex');
}

const HEX_SHA256 = /^[0-9a-fA-F]{64}$/;

/**
 * Whether `hash` is the HMAC of `userId` with `secret`. The comparison takes the same time however
 * many leading characters match, so the expected hash cannot be learned a byte at a time; anything
 * that is not 64 hex characters is refused before comparing (`timingSafeEqual` needs equal lengths,
 * and a malformed hash leaks nothing about the secret). Upper-case hex is accepted: PHP's and
 * Python's helpers print lower case, but some shops upper-case their tokens.
 */
export function isValidIdentityHash(secret: string, userId: string, hash: string): boolean {
  if (!HEX_SHA256.test(hash)) return false;
  const expected = Buffer.from(identityHash(secret, userId), 'hex');
  return timingSafeEqual(expected, Buffer.from(hash, 'hex'));
}
