import { schemas } from '@aftercare/shared/schemas';
import type { AfterSalesAnnouncer } from '../../domain/after-sales/after-sales-reactions.js';
import type { RatingService } from '../../domain/ratings/rating-service.js';
import { defineHandler, type HandlerContext } from './define-handler.js';
import type { VisitorSocket } from './namespaces.js';

export interface VisitorRatingEventDeps {
  ratings: RatingService;
  afterSalesBroadcasts: AfterSalesAnnouncer;
  context: HandlerContext;
}

/** The widget's rating events: the open requests (after every connect) and the shopper's answer. */
export function registerVisitorRatingEvents(socket: VisitorSocket, deps: VisitorRatingEventDeps): void {
  const { ratings, context } = deps;
  const on = socket as unknown as Parameters<typeof defineHandler>[0];

  defineHandler(on, context, 'rating:pending', schemas.emptyPayload, async () => ({
    data: { requests: await ratings.pendingFor(socket.data.customer) },
  }));

  defineHandler(on, context, 'rating:submit', schemas.ratingSubmit, async (payload) => {
    const result = await ratings.submit(socket.data.customer, payload);
    return {
      data: { rating: result.rating },
      broadcast: () => {
        if (result.alert) deps.afterSalesBroadcasts.alertRaised(result.alert);
      },
    };
  });
}
