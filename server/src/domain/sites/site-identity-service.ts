import type { Agent, SiteIdentity } from '@aftercare/shared';
import { assertRole } from '../agents/roles.js';
import type { Clock } from '../clock.js';
import { AftercareError } from '../errors.js';
import { newIdentitySecret } from './identity-hash.js';
import type { SiteIdentityRepository } from './site-identity-repository.js';
import type { SiteRepository } from './site-repository.js';

export interface SiteIdentityServiceDeps {
  sites: SiteRepository;
  identities: SiteIdentityRepository;
  clock: Clock;
}

/**
 * The console's identity verification settings. Admins only, reading included: whoever holds the
 * secret can pass as any shopper of the site.
 */
export function createSiteIdentityService({ sites, identities, clock }: SiteIdentityServiceDeps) {
  /** The admin's own site's settings, generating the secret on first use. */
  async function ensureFor(admin: Agent, siteId: string): Promise<SiteIdentity> {
    assertRole(admin, 'admin');
    const site = await sites.getById(siteId);
    if (!site || site.tenantId !== admin.tenantId) throw new AftercareError('NOT_FOUND', 'No such site');
    const stored = await identities.get(siteId);
    if (stored) return stored;
    return identities.ensure({ siteId, secret: newIdentitySecret(), required: false, rotatedAt: clock.now() });
  }

  async function change(admin: Agent, siteId: string, changes: Parameters<SiteIdentityRepository['update']>[1]) {
    await ensureFor(admin, siteId);
    const updated = await identities.update(siteId, changes);
    if (!updated) throw new AftercareError('NOT_FOUND', 'No such site');
    return updated;
  }

  return {
    /** The site's secret and switch. */
    get: ensureFor,

    /** Turns "Require identity verification" on or off. */
    setRequired(admin: Agent, siteId: string, required: boolean): Promise<SiteIdentity> {
      return change(admin, siteId, { required });
    },

    /** A new secret: hashes made with the old one stop verifying at once. */
    rotate(admin: Agent, siteId: string): Promise<SiteIdentity> {
      return change(admin, siteId, { secret: newIdentitySecret(), rotatedAt: clock.now() });
    },
  };
}

export type SiteIdentityService = ReturnType<typeof createSiteIdentityService>;
