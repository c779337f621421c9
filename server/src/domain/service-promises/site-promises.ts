import type { BusinessHours, ServicePromisePolicy } from '@aftercare/shared';
import { DEFAULT_SITE_SETTINGS } from '@aftercare/shared';
import type { SiteRepository } from '../sites/site-repository.js';

/** What a site promises and when it works: the inputs of `conversationDueTimes`. */
export interface SitePromises {
  policy: ServicePromisePolicy;
  hours: BusinessHours | null;
}

/**
 * Reads a site's service promises and business hours from its settings (defaults for a site that
 * never set them, or one that no longer exists, so a chat always gets due times).
 */
export function createSitePromises(sites: Pick<SiteRepository, 'getById'>) {
  return async function promisesFor(siteId: string): Promise<SitePromises> {
    const site = await sites.getById(siteId);
    const settings = site?.settings ?? DEFAULT_SITE_SETTINGS;
    return { policy: settings.servicePromises, hours: settings.businessHours };
  };
}
