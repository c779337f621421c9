import { type Customer, DEFAULT_CUSTOMER_TIER, type ErrorBody, type Site } from '@aftercare/shared';
import { hashToken, newId, newToken } from '../../lib/tokens.js';
import type { Clock } from '../clock.js';
import { AftercareError } from '../errors.js';
import type { SiteIdentityRepository } from '../sites/site-identity-repository.js';
import type { SiteRepository } from '../sites/site-repository.js';
import type { CustomerRepository } from './customer-repository.js';
import { checkIdentityClaim, type IdentityClaim } from './identity-claim.js';
import { attachVerifiedCustomer } from './verified-customers.js';

export interface VisitorServiceDeps {
  sites: SiteRepository;
  customers: CustomerRepository;
  identities: SiteIdentityRepository;
  clock: Clock;
}

export interface VisitorIdentity {
  site: Site;
  customer: Customer;
  /** Set only when a new token was issued; the widget must keep it. */
  issuedToken?: string;
  /** Why the page's identity claim was not accepted (`IDENTITY_INVALID`); the visitor is anonymous. */
  identityError?: ErrorBody;
}

/**
 * Who is behind a widget connection. A shopper's browser holds an unguessable visitor token;
 * the first contact without one creates an anonymous customer and issues a token.
 */
export function createVisitorService({ sites, customers, identities, clock }: VisitorServiceDeps) {
  return {
    /**
     * Resolves the handshake of a widget on `origin` (null when the client sent no Origin header,
     * i.e. not a browser, which cannot be a cross-site attack).
     *
     * `claim` is the widget's identity claim (see `identity-claim.ts`); a customer the shop verified
     * is reached only with a valid claim for them, never by their token alone, so a rotated secret
     * or a page that stopped identifying them locks that customer's data away at once (the browser
     * goes on as a new anonymous visitor). `null` authenticates by the token alone: HTTP uploads,
     * whose socket handshake has already checked the claim.
     * @throws AftercareError UNKNOWN_SITE, ORIGIN_NOT_ALLOWED, UNAUTHORIZED (token unknown or of another site)
     */
    async connect(
      siteKey: string,
      visitorToken: string | undefined,
      origin: string | null,
      claim: IdentityClaim | null = null,
    ): Promise<VisitorIdentity> {
      const site = await sites.getByKey(siteKey);
      if (!site) throw new AftercareError('UNKNOWN_SITE', 'No site has this key');
      if (origin !== null && !isOriginAllowed(site, origin)) {
        throw new AftercareError('ORIGIN_NOT_ALLOWED', 'This page may not open the widget of this site');
      }
      let holder: Customer | null = null;
      if (visitorToken) {
        const customer = await customers.getByTokenHash(hashToken(visitorToken));
        if (!customer || customer.siteId !== site.id) {
          throw new AftercareError('UNAUTHORIZED', 'Unknown visitor token');
        }
        if (!claim) return { site, customer };
        holder = customer;
      }
      if (claim) {
        const outcome = await checkIdentityClaim(identities, site.id, claim);
        if (outcome.kind === 'verified') {
          if (holder?.externalId === outcome.userId) return { site, customer: holder };
          return { site, ...(await attachVerifiedCustomer(customers, site, outcome.userId, holder, clock.now())) };
        }
        const identityError = outcome.kind === 'refused' ? { identityError: outcome.error } : {};
        if (holder && holder.externalId === undefined) return { site, customer: holder, ...identityError };
        return { ...(await createAnonymous(site)), ...identityError };
      }
      return createAnonymous(site);
    },
  };

  /** A new anonymous customer and the token that will reach it. */
  async function createAnonymous(site: Site): Promise<VisitorIdentity> {
    const token = newToken();
    const now = clock.now();
    const customerId = newId();
    const customer = await customers.createWithToken(
      {
        id: customerId,
        siteId: site.id,
        tenantId: site.tenantId,
        tier: DEFAULT_CUSTOMER_TIER,
        createdAt: now,
        updatedAt: now,
      },
      { tokenHash: hashToken(token), customerId, siteId: site.id, createdAt: now },
    );
    return { site, customer, issuedToken: token };
  }
}

export type VisitorService = ReturnType<typeof createVisitorService>;

/** An empty allowlist admits every origin (handy for a first install); otherwise exact origin match. */
export function isOriginAllowed(site: Site, origin: string): boolean {
  if (site.allowedOrigins.length === 0) return true;
  return site.allowedOrigins.some((allowed) => allowed === '*' || allowed === origin);
}
