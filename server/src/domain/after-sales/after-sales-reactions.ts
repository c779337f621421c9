import type {
  Conversation,
  FollowUp,
  LowRatingAlert,
  RatingPolicy,
  RatingRequest,
  Ticket,
  TicketEvent,
} from '@aftercare/shared';
import type { FollowUpService } from '../follow-ups/follow-up-service.js';
import type { RatingService } from '../ratings/rating-service.js';

/** Where the after-sales reactions tell people what they did (the socket layer implements it). */
export interface AfterSalesAnnouncer {
  /** To the shopper's widget tabs; answers whether any was connected. */
  ratingRequested(customerId: string, request: RatingRequest): Promise<boolean>;
  /** To the tenant's consoles. */
  followUpsChanged(tenantId: string, followUps: FollowUp[]): void;
  /** Follow-ups that fell due, found by this process's watch (every process finds the same ones). */
  followUpsFellDue(tenantId: string, followUps: FollowUp[]): void;
  /** To the tenant's supervisors and admins. */
  alertRaised(alert: LowRatingAlert): void;
}

export interface AfterSalesReactionsDeps {
  ratings: RatingService;
  followUps: FollowUpService;
  ratingPolicyFor: (siteId: string) => Promise<RatingPolicy>;
  announce: AfterSalesAnnouncer;
  /** Keeps each reaction in the in-flight work a graceful shutdown waits for. */
  track: (work: Promise<unknown>) => void;
  onError: (error: unknown, context: Record<string, unknown>) => void;
}

/** A stored ticket change, as `ticket-events.ts` reports it. */
export interface TicketChange {
  ticket: Ticket;
  events: TicketEvent[];
  previous: Ticket | null;
}

/**
 * What happens after service: a resolved chat or a closed ticket asks the shopper for a rating (as
 * the site's `ratings` policy says), and a closed ticket schedules its follow-ups. Reactions run
 * after the change was stored and acknowledged: their failures are logged, never the caller's.
 * @example
 * const afterSales = createAfterSalesReactions(deps);
 * registerTicketEvents(socket, { ...deps, ticketChanged: afterSales.ticketChanged });
 * afterSales.conversationResolved(conversation);
 */
export function createAfterSalesReactions(deps: AfterSalesReactionsDeps) {
  const { announce } = deps;

  function run(work: () => Promise<unknown>, context: Record<string, unknown>): Promise<void> {
    const done = work().then(
      () => undefined,
      (error: unknown) => deps.onError(error, context),
    );
    deps.track(done);
    return done;
  }

  async function askFor(customerId: string, request: RatingRequest | null): Promise<void> {
    if (request) await announce.ratingRequested(customerId, request);
  }

  return {
    /** After an agent resolved a chat. */
    conversationResolved(conversation: Conversation): Promise<void> {
      return run(
        async () => {
          const policy = await deps.ratingPolicyFor(conversation.siteId);
          if (!policy.askAfterChat) return;
          await askFor(conversation.customerId, await deps.ratings.requestForConversation(conversation, null));
        },
        { reaction: 'conversation resolved', conversationId: conversation.id },
      );
    },

    /** After every stored ticket change; only the move to `closed` matters here. */
    ticketChanged: ({ ticket, previous }: TicketChange): Promise<void> => {
      if (ticket.status !== 'closed' || previous?.status === 'closed') return Promise.resolve();
      return run(
        async () => {
          const scheduled = await deps.followUps.scheduleForTicket(ticket);
          if (scheduled.length > 0) announce.followUpsChanged(ticket.tenantId, scheduled);
          const policy = await deps.ratingPolicyFor(ticket.siteId);
          if (policy.askAfterTicket) await askFor(ticket.customerId, await deps.ratings.requestForTicket(ticket, null));
        },
        { reaction: 'ticket closed', ticketId: ticket.id },
      );
    },
  };
}

export type AfterSalesReactions = ReturnType<typeof createAfterSalesReactions>;
