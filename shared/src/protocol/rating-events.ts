import type { Rating, RatingSubject } from '../domain/rating.js';
import type { ProductContext } from '../domain/types.js';
import type { Ack } from './errors.js';

/**
 * Post-service ratings (issue 5 item 7). The server asks the shopper to rate a chat when an agent
 * resolves it, a repair ticket when it closes (each as the site's `ratings` policy says), or
 * whenever an agent asks. Requests are stored, so a shopper who was away sees them on the next
 * visit (`rating:pending`). One rating per chat or ticket: a second submission within the site's
 * `ratings.updateWindowMinutes` changes it, after that it answers `CONFLICT`.
 * @example
 * socket.on('rating:requested', ({ request }) => showRatingCard(request));
 * socket.emit('rating:submit', { subject: request.subject, score: 4, comment: 'Quick fix' }, (res) => {
 *   if ('data' in res) showThanks(res.data.rating);
 * });
 */

/** The shopper's own rating as the widget shows it: no agent or technician ids. */
export interface VisitorRating {
  subject: RatingSubject;
  score: number;
  comment: string | null;
  createdAt: number;
  updatedAt: number;
  /** Until when the shopper may still change it. */
  changeableUntil: number;
}

/** A request to rate one chat or ticket, with what the widget shows on the rating card. */
export interface RatingRequest {
  subject: RatingSubject;
  requestedAt: number;
  /** The ticket's number (`R-000042`) when the subject is a ticket. */
  ticketNumber: string | null;
  product: ProductContext | null;
  /** Display name of the agent who handled it, if any. */
  agentName: string | null;
  /** The shopper's rating once given; null while the request is open. */
  rating: VisitorRating | null;
}

export interface RatingSubmitPayload {
  subject: RatingSubject;
  /** 1 (very unhappy) to 5 (very happy). */
  score: number;
  comment?: string;
}

/** Rating events the widget sends. */
export interface RatingVisitorClientEvents {
  /**
   * Rates (or, within the window, re-rates) a chat or ticket of the shopper's that a rating was
   * requested for; anything else answers `NOT_FOUND`, a change after the window `CONFLICT`.
   */
  'rating:submit': (payload: RatingSubmitPayload, ack: Ack<{ rating: VisitorRating }>) => void;
  /**
   * The shopper's rating requests that still need an answer, and those already answered that can
   * still be changed, newest first (the widget asks after every connect).
   */
  'rating:pending': (payload: Record<string, never>, ack: Ack<{ requests: RatingRequest[] }>) => void;
}

/** Rating events the server sends to widgets. */
export interface RatingVisitorServerEvents {
  /** A rating was asked for (chat resolved, ticket closed, or an agent asked). */
  'rating:requested': (event: { request: RatingRequest }) => void;
}

/** Asks the shopper to rate a chat or a ticket: exactly one of the two ids. */
export type RatingRequestPayload = { conversationId: string } | { ticketId: string };

/** Rating events the console sends (any role, the caller's tenant only). */
export interface RatingAgentClientEvents {
  /**
   * Asks the shopper on demand; asking again re-sends the open request. A subject already rated
   * answers `CONFLICT`. `delivered` says whether a widget of the shopper was connected.
   */
  'rating:request': (payload: RatingRequestPayload, ack: Ack<{ request: RatingRequest; delivered: boolean }>) => void;
  /** A customer's ratings for the customer file, newest first. */
  'rating:list': (payload: { customerId: string }, ack: Ack<{ ratings: Rating[] }>) => void;
}
