import type { AgentPresence, Site, SiteAvailability, SiteSettings, WidgetSiteConfig } from '@aftercare/shared';
import type { Clock } from '../clock.js';
import { AftercareError } from '../errors.js';
import { addBusinessTime, isWithinHours, nextOpening } from './business-hours.js';
import type { SiteRepository } from './site-repository.js';

const MINUTE = 60_000;

/**
 * Whether shoppers can expect a live answer at `now`.
 *
 * `replyExpectedBy` is the site's usual reply time counted in business hours from now: while open
 * that is `now + expectedReplyMinutes` (or later, when the shop closes first); while closed it is
 * counted from the next opening. Without business hours it is always `now + expectedReplyMinutes`,
 * staffed or not: there is no better estimate, and the widget shows its offline form when
 * `agentsOnline` is false anyway. Hours that never open fall back to the same.
 */
export function siteAvailability(settings: SiteSettings, now: number, agentsOnline: boolean): SiteAvailability {
  const hours = settings.businessHours;
  const expectedMs = settings.expectedReplyMinutes * MINUTE;
  const withinHours = isWithinHours(hours, now);
  return {
    withinHours,
    agentsOnline,
    nextOpenAt: withinHours || hours === null ? null : nextOpening(hours, now),
    replyExpectedBy: addBusinessTime(hours, now, expectedMs) ?? now + expectedMs,
  };
}

/** What the widget is told about its site: the shopper-facing settings and the availability. */
export function toWidgetSiteConfig(site: Site, availability: SiteAvailability): WidgetSiteConfig {
  const { color, greeting, offlineMessage, preChatFields, expectedReplyMinutes, defaultLocale } = site.settings;
  return {
    name: site.name,
    color,
    greeting,
    offlineMessage,
    preChatFields,
    expectedReplyMinutes,
    defaultLocale,
    availability,
  };
}

export interface WidgetConfigDeps {
  sites: SiteRepository;
  /** Presence of the tenant's agents (the routing service's `listPresence`). */
  listPresence(tenantId: string): Promise<AgentPresence[]>;
  clock: Clock;
}

/** Builds a site's widget config from its current settings (read fresh) and who is online now. */
export function createWidgetConfigService({ sites, listPresence, clock }: WidgetConfigDeps) {
  return {
    async configFor(siteId: string): Promise<WidgetSiteConfig> {
      const site = await sites.getById(siteId);
      if (!site) throw new AftercareError('UNKNOWN_SITE', 'No site has this key');
      const agentsOnline = (await listPresence(site.tenantId)).some((presence) => presence.status === 'online');
      return toWidgetSiteConfig(site, siteAvailability(site.settings, clock.now(), agentsOnline));
    },
  };
}

export type WidgetConfigService = ReturnType<typeof createWidgetConfigService>;
