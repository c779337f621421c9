import type { ProductContext, Rating, RatingSubject } from '@aftercare/shared';

/**
 * A stored request to rate one chat or ticket. It carries who handled the subject and what it was
 * about, captured when the request was made, so the rating copies them without reloading the subject.
 */
export interface RatingRequestRecord {
  tenantId: string;
  siteId: string;
  customerId: string;
  subject: RatingSubject;
  requestedAt: number;
  /** The agent who asked on demand; null when the server asked on its own (chat resolved, ticket closed). */
  requestedBy: string | null;
  ticketNumber: string | null;
  product: ProductContext | null;
  agentId: string | null;
  agentName: string | null;
  technicianId: string | null;
}

/** What a later submission within the window changes. */
export interface RatingChanges {
  score: number;
  comment: string | null;
  updatedAt: number;
}

/** Storage port for post-service ratings and the requests for them. */
export interface RatingRepository {
  /** Stores a new rating. Throws `CONFLICT` when the subject already has one (the UNIQUE rule that keeps racing submits to one row). */
  create(rating: Rating): Promise<Rating>;
  getBySubject(tenantId: string, subject: RatingSubject): Promise<Rating | null>;
  /**
   * Changes the subject's rating if it was first given at or after `createdSince` (the update window
   * is checked in the same write). Null when there is no such rating or the window has passed.
   */
  update(
    tenantId: string,
    subject: RatingSubject,
    changes: RatingChanges,
    createdSince: number,
  ): Promise<Rating | null>;
  /** A customer's ratings, newest first. */
  listByCustomer(tenantId: string, customerId: string, limit: number): Promise<Rating[]>;
  /** Stores the request; when the subject already has one, only its `requestedAt` and `requestedBy` change. */
  saveRequest(request: RatingRequestRecord): Promise<RatingRequestRecord>;
  getRequest(tenantId: string, subject: RatingSubject): Promise<RatingRequestRecord | null>;
  /** A customer's requests, newest first. */
  listRequestsByCustomer(customerId: string, limit: number): Promise<RatingRequestRecord[]>;
}
