import { type Customer, DEFAULT_CUSTOMER_TIER, type Site } from '@aftercare/shared';
import { hashToken, newId, newToken } from '../../lib/tokens.js';
import { AftercareError, isAftercareError } from '../errors.js';
import type { CustomerRepository } from './customer-repository.js';

/** The customer a verified shopper's browser is now attached to, and the token to keep if a new one was issued. */
export interface VerifiedAttachment {
  customer: Customer;
  issuedToken?: string;
}

/**
 * Attaches a browser to the site's customer for the shop's user `userId`, whose identity was just
 * verified. `holder` is the customer of the token the browser sent (null without one):
 * - the user's customer exists: the browser gets a new token for it (the holder's anonymous chats stay
 *   with the holder; the widget shows the user's own);
 * - the holder is anonymous: it becomes the user's customer, keeping its token and chats;
 * - otherwise (no token, or another user's): a new verified customer with a new token.
 * Two browsers of the same new user racing meet at the store's unique (site, external id) rule, and
 * the loser attaches to the winner's customer.
 */
export async function attachVerifiedCustomer(
  customers: CustomerRepository,
  site: Site,
  userId: string,
  holder: Customer | null,
  now: number,
): Promise<VerifiedAttachment> {
  const existing = await customers.getByExternalId(site.id, userId);
  if (existing) return addBrowser(customers, existing, now);
  try {
    if (holder && holder.externalId === undefined) {
      const claimed = await customers.markVerified(holder.id, userId, now);
      if (claimed) return { customer: claimed };
    }
    const token = newToken();
    const id = newId();
    const customer = await customers.createWithToken(
      {
        id,
        siteId: site.id,
        tenantId: site.tenantId,
        tier: DEFAULT_CUSTOMER_TIER,
        externalId: userId,
        verifiedAt: now,
        createdAt: now,
        updatedAt: now,
      },
      { tokenHash: hashToken(token), customerId: id, siteId: site.id, createdAt: now },
    );
    return { customer, issuedToken: token };
  } catch (error) {
    if (!isAftercareError(error) || error.code !== 'CONFLICT') throw error;
    const winner = await customers.getByExternalId(site.id, userId);
    if (!winner) throw new AftercareError('CONFLICT', 'The verified customer changed while attaching; retry');
    return addBrowser(customers, winner, now);
  }
}

async function addBrowser(customers: CustomerRepository, customer: Customer, now: number) {
  const token = newToken();
  await customers.addToken({
    tokenHash: hashToken(token),
    customerId: customer.id,
    siteId: customer.siteId,
    createdAt: now,
  });
  return { customer, issuedToken: token };
}
