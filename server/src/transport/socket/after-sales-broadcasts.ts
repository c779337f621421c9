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
      const room = visitors.to(customerRoom(customerId));
      const delivered = (await visitors.in(customerRoom(customerId)).fetchSockets()).length > 0;
      room.emit('rating:requested', { request });
      return delivered;
    },

    followUpsChanged(tenantId, followUps) {
      agents.to(tenantRoom(tenantId)).emit('follow-up:changed', { followUps });
    },

    alertRaised(alert: LowRatingAlert) {
      publishAlert(agents, alert);
    },
  } satisfies AfterSalesAnnouncer;
  return broadcasts;
}

export type AfterSalesBroadcasts = ReturnType<typeof createAfterSalesBroadcasts>;
