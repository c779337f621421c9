import { randomBytes } from 'node:crypto';
import type { Agent, Site, SiteInput, SiteUpdatePayload } from '@aftercare/shared';
import { newId } from '../../lib/tokens.js';
import { assertRole } from '../agents/roles.js';
import type { Clock } from '../clock.js';
import { AftercareError } from '../errors.js';
import type { SiteRepository } from './site-repository.js';
import { withDefaultSettings } from './site-settings.js';

export interface SiteServiceDeps {
  sites: SiteRepository;
  clock: Clock;
}

/**
 * A new site key: public (it is in the script tag) but unguessable, so nobody can enumerate
 * shops' sites or open chats on a site they were not given. 128 random bits, URL-safe.
 */
export function newSiteKey(): string {
  return `site_${randomBytes(16).toString('base64url')}`;
}

/** A tenant's sites, as the console's settings screens edit them. Every role reads; admins change. */
export function createSiteService({ sites, clock }: SiteServiceDeps) {
  return {
    /** The caller's tenant's sites, oldest first. */
    list(agent: Agent): Promise<Site[]> {
      return sites.listByTenant(agent.tenantId);
    },

    async create(admin: Agent, input: SiteInput): Promise<Site> {
      assertRole(admin, 'admin');
      return sites.create({
        id: newId(),
        tenantId: admin.tenantId,
        key: newSiteKey(),
        name: input.name,
        allowedOrigins: input.allowedOrigins,
        settings: withDefaultSettings(input.settings),
        createdAt: clock.now(),
      });
    },

    /** Absent fields are kept; `settings` replaces only the settings it names. */
    async update(admin: Agent, { siteId, ...changes }: SiteUpdatePayload): Promise<Site> {
      assertRole(admin, 'admin');
      const site = await sites.update(admin.tenantId, siteId, changes);
      if (!site) throw new AftercareError('NOT_FOUND', 'No such site');
      return site;
    },
  };
}

export type SiteService = ReturnType<typeof createSiteService>;
