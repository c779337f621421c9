import type { SiteSettings } from '@aftercare/shared';
import type { Logger } from '../../lib/logger.js';
import type { Clock } from '../clock.js';
import { AftercareError } from '../errors.js';
import { startDueFollowUpWatch } from '../follow-ups/due-follow-up-watch.js';
import { createFollowUpService } from '../follow-ups/follow-up-service.js';
import { createRatingService } from '../ratings/rating-service.js';
import type { Store } from '../store.js';
import { type AfterSalesAnnouncer, createAfterSalesReactions } from './after-sales-reactions.js';

export interface AfterSalesDeps {
  store: Pick<Store, 'sites' | 'agents' | 'customers' | 'ratings' | 'followUps' | 'alerts'>;
  clock: Clock;
  logger: Logger;
  announce: AfterSalesAnnouncer;
  track: (work: Promise<unknown>) => void;
  /** How often to look for follow-ups that fell due (to nudge consoles); default a minute. */
  followUpCheckMs?: number;
}

/**
 * Ratings, follow-ups and the reactions that tie them to chats and tickets, built together because
 * they share the site's after-sales settings. `stop()` ends the due-follow-up watch (on shutdown).
 */
export function createAfterSales({ store, clock, logger, announce, track, followUpCheckMs }: AfterSalesDeps) {
  const settingsOf = async (siteId: string): Promise<SiteSettings> => {
    const site = await store.sites.getById(siteId);
    if (!site) throw new AftercareError('NOT_FOUND', 'No such site');
    return site.settings;
  };
  const ratingPolicyFor = async (siteId: string) => (await settingsOf(siteId)).ratings;
  const ratings = createRatingService({
    ratings: store.ratings,
    alerts: store.alerts,
    customers: store.customers,
    policyFor: ratingPolicyFor,
    agentName: async (tenantId, agentId) => {
      const agent = await store.agents.getById(agentId);
      return agent && agent.tenantId === tenantId ? agent.name : null;
    },
    clock,
  });
  const followUps = createFollowUpService({
    followUps: store.followUps,
    customers: store.customers,
    policyFor: async (siteId) => (await settingsOf(siteId)).followUps,
    clock,
  });
  const reactions = createAfterSalesReactions({
    ratings,
    followUps,
    ratingPolicyFor,
    announce,
    track,
    onError: (error, context) => logger.error('after-sales reaction failed', { ...context, error }),
  });
  const watch = startDueFollowUpWatch({
    followUps,
    clock,
    intervalMs: followUpCheckMs ?? 60_000,
    announce: (tenantId, due) => announce.followUpsFellDue(tenantId, due),
    onError: (error) => logger.warn('due follow-up check failed', { error }),
  });
  return { ratings, followUps, reactions, checkDueFollowUps: watch.check, stop: watch.stop };
}
