import { createHash, randomBytes } from 'node:crypto';

/** A new unguessable token (256 bits, URL-safe), for visitor tokens and session cookies. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * What we store instead of a token: a leaked database then holds nothing that can be replayed.
 * SHA-256 is enough here because tokens are random, not user-chosen.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** A new server-generated id. */
export function newId(): string {
  return crypto.randomUUID();
}
