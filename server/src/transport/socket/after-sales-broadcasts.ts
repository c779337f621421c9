import type { LowRatingAlert } from '@aftercare/shared';
import type { AfterSalesAnnouncer } from '../../domain/after-sales/after-sales-reactions.js';
import { publishAlert } from './alert-events.js';
import { customerRoom, tenantRoom } from './broadcaster.js';
import type { AgentNamespace, VisitorNamespace } from './namespaces.js';

/**
 * Tells widgets about rating requests, consoles about follow-ups, and supervisors about low
 * ratings (through the supervisors' room of `alert-events.ts`, so a plain agent never gets one).
 */
export function createAfterSalesBroadcasts(visitors: VisitorNamespace, agents: AgentNamespace) {
  const broadcasts = {
    async ratingRequested(customerId, request) {
      // Whether the shopper is connected to any process; unknown (Redis away) counts as not, so the
      // request is also offered the next time the widget connects.
      const delivered = await visitors
        .in(customerRoom(customerId))
        .fetchSockets()
        .then(
          (sockets) => sockets.length > 0,
          () => false,
        );
      visitors.to(customerRoom(customerId)).emit('rating:requested', { request });
      return delivered;
    },

    followUpsChanged(tenantId, followUps) {
      agents.to(tenantRoom(tenantId)).emit('follow-up:changed', { followUps });
    },

    followUpsFellDue(tenantId, followUps) {
      // Every process runs its own due-follow-up watch, which finds the same follow-ups, so each
      // tells only the consoles connected to it: one nudge per console in scale-out mode.
      agents.local.to(tenantRoom(tenantId)).emit('follow-up:changed', { followUps });
    },

    alertRaised(alert: LowRatingAlert) {
      publishAlert(agents, alert);
    },
  } satisfies AfterSalesAnnouncer;
  return broadcasts;
}

export type AfterSalesBroadcasts = ReturnType<typeof createAfterSalesBroadcasts>;
