import { type Customer, DEFAULT_CUSTOMER_TIER, type Site } from '@aftercare/shared';
import { hashToken, newId, newToken } from '../../lib/tokens.js';
import type { Clock } from '../clock.js';
import { AftercareError } from '../errors.js';
import type { SiteRepository } from '../sites/site-repository.js';
import type { CustomerRepository } from './customer-repository.js';

export interface VisitorServiceDeps {
  sites: SiteRepository;
  customers: CustomerRepository;
  clock: Clock;
}

export interface VisitorIdentity {
  site: Site;
  customer: Customer;
  /** Set only when a new token was issued; the widget must keep it. */
  issuedToken?: string;
}

/**
 * Who is behind a widget connection. A shopper's browser holds an unguessable visitor token;
 * the first contact without one creates an anonymous customer and issues a token.
 */
export function createVisitorService({ sites, customers, clock }: VisitorServiceDeps) {
  return {
    /**
     * Resolves the handshake of a widget on `origin` (null when the client sent no Origin header,
     * i.e. not a browser, which cannot be a cross-site attack).
     * @throws AftercareError UNKNOWN_SITE, ORIGIN_NOT_ALLOWED, UNAUTHORIZED (token unknown or of another site)
     */
    async connect(siteKey: string, visitorToken: string | undefined, origin: string | null): Promise<VisitorIdentity> {
      const site = await sites.getByKey(siteKey);
      if (!site) throw new AftercareError('UNKNOWN_SITE', 'No site has this key');
      if (origin !== null && !isOriginAllowed(site, origin)) {
        throw new AftercareError('ORIGIN_NOT_ALLOWED', 'This page may not open the widget of this site');
      }
      if (visitorToken) {
        const customer = await customers.getByTokenHash(hashToken(visitorToken));
        if (!customer || customer.siteId !== site.id) {
          throw new AftercareError('UNAUTHORIZED', 'Unknown visitor token');
        }
        return { site, customer };
      }
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
    },
  };
}

export type VisitorService = ReturnType<typeof createVisitorService>;

/** An empty allowlist admits every origin (handy for a first install); otherwise exact origin match. */
export function isOriginAllowed(site: Site, origin: string): boolean {
  if (site.allowedOrigins.length === 0) return true;
  return site.allowedOrigins.some((allowed) => allowed === '*' || allowed === origin);
}
