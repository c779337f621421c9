import type { Rating, RatingRequest, VisitorRating } from '@aftercare/shared';
import type { RatingRequestRecord } from './rating-repository.js';

/** The shopper's view of their rating: no agent or technician ids; until when it can change. */
export function toVisitorRating(rating: Rating, updateWindowMs: number): VisitorRating {
  return {
    subject: rating.subject,
    score: rating.score,
    comment: rating.comment,
    createdAt: rating.createdAt,
    updatedAt: rating.updatedAt,
    changeableUntil: rating.createdAt + updateWindowMs,
  };
}

/** What the widget's rating card shows for a request, with the rating once given. */
export function toRatingRequest(
  record: RatingRequestRecord,
  rating: Rating | null,
  updateWindowMs: number,
): RatingRequest {
  return {
    subject: record.subject,
    requestedAt: record.requestedAt,
    ticketNumber: record.ticketNumber,
    product: record.product,
    agentName: record.agentName,
    rating: rating ? toVisitorRating(rating, updateWindowMs) : null,
  };
}

/** A request still worth showing: not rated yet, or rated and still changeable at `now`. */
export function isOutstanding(request: RatingRequest, now: number): boolean {
  return request.rating === null || request.rating.changeableUntil > now;
}
