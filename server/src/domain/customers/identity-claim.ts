import type { ErrorBody } from '@aftercare/shared';
import { isValidIdentityHash } from '../sites/identity-hash.js';
import type { SiteIdentityRepository } from '../sites/site-identity-repository.js';

/** Who the page says the shopper is (the widget handshake's `userId` and `userHash`). */
export interface IdentityClaim {
  userId?: string | undefined;
  userHash?: string | undefined;
}

/**
 * What the server makes of a claim:
 * - `verified`: the hash is the HMAC of the user id with the site's current secret;
 * - `anonymous`: no user id, or a user id without a hash on a site that does not require
 *   verification (the shop does not verify; the id only separates shoppers in the widget);
 * - `refused`: a wrong hash, or no hash where verification is required. The shopper is treated as
 *   anonymous too, and the widget is told why.
 */
export type ClaimOutcome =
  | { kind: 'verified'; userId: string }
  | { kind: 'anonymous' }
  | { kind: 'refused'; error: ErrorBody };

/** Checks a claim against the site's identity settings. */
export async function checkIdentityClaim(
  identities: SiteIdentityRepository,
  siteId: string,
  { userId, userHash }: IdentityClaim,
): Promise<ClaimOutcome> {
  if (userId === undefined) return { kind: 'anonymous' };
  const settings = await identities.get(siteId);
  if (userHash === undefined) {
    if (!settings?.required) return { kind: 'anonymous' };
    return refused('This site requires identity verification: pass `hash` to Aftercare.identify');
  }
  // A site whose admins never opened the settings has no secret yet, so no hash can be right.
  if (settings && isValidIdentityHash(settings.secret, userId, userHash)) return { kind: 'verified', userId };
  return refused('The hash does not match the user id (made with another or a rotated secret?)');
}

function refused(message: string): ClaimOutcome {
  return { kind: 'refused', error: { code: 'IDENTITY_INVALID', message } };
}
