import type { Conversation, Ticket } from '@aftercare/shared';
import { schemas } from '@aftercare/shared/schemas';
import type { AfterSalesAnnouncer } from '../../domain/after-sales/after-sales-reactions.js';
import type { ConversationService } from '../../domain/conversations/conversation-service.js';
import { AftercareError } from '../../domain/errors.js';
import type { FollowUpService } from '../../domain/follow-ups/follow-up-service.js';
import type { RatingService } from '../../domain/ratings/rating-service.js';
import type { TicketService } from '../../domain/tickets/ticket-service.js';
import { tenantRoom } from './broadcaster.js';
import { defineHandler, type HandlerContext } from './define-handler.js';
import type { AgentSocket } from './namespaces.js';

export interface AfterSalesEventDeps {
  ratings: RatingService;
  followUps: FollowUpService;
  conversations: ConversationService;
  tickets: TicketService;
  afterSalesBroadcasts: AfterSalesAnnouncer;
  context: HandlerContext;
}

/**
 * The console's after-sales events: asking a shopper for a rating on demand (`rating:request`),
 * a customer's ratings (`rating:list`), and follow-up calls (`follow-up:*`). Any role, own tenant.
 */
export function registerAfterSalesEvents(socket: AgentSocket, deps: AfterSalesEventDeps): void {
  const { ratings, followUps, context, afterSalesBroadcasts: announce } = deps;
  const on = socket as unknown as Parameters<typeof defineHandler>[0];
  const { agent } = socket.data;

  defineHandler(on, context, 'rating:request', schemas.ratingRequest, async (payload) => {
    // Loading through the services checks the tenant (another shop's id answers NOT_FOUND).
    const subject =
      'conversationId' in payload
        ? await deps.conversations.load({ kind: 'agent', agent }, payload.conversationId)
        : await deps.tickets.load(agent, payload.ticketId);
    const request =
      'conversationId' in payload
        ? await ratings.requestForConversation(subject as Conversation, agent)
        : await ratings.requestForTicket(subject as Ticket, agent);
    if (!request) throw new AftercareError('CONFLICT', 'The shopper has rated this already');
    // Sent before the ack so the agent learns whether a widget was there to show it.
    const delivered = await announce.ratingRequested(subject.customerId, request);
    return { data: { request, delivered } };
  });

  defineHandler(on, context, 'rating:list', schemas.ratingList, async ({ customerId }) => ({
    data: { ratings: await ratings.listForCustomer(agent, customerId) },
  }));

  defineHandler(on, context, 'follow-up:list', schemas.followUpList, async (payload) => ({
    data: await followUps.list(agent, payload),
  }));

  defineHandler(on, context, 'follow-up:complete', schemas.followUpComplete, async (payload) => {
    const followUp = await followUps.complete(agent, payload);
    return {
      data: { followUp },
      // The caller has it in the ack; its other tabs and colleagues get the event.
      broadcast: () => socket.to(tenantRoom(agent.tenantId)).emit('follow-up:changed', { followUps: [followUp] }),
    };
  });
}
