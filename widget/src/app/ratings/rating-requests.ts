import type { ErrorCode, RatingRequest, RatingSubject, VisitorRating } from '@aftercare/shared';
import { request, type VisitorSocket } from '../lib/connection.js';

/** What the rating card shows: requests to answer, and those answered on this page (for "thank you"). */
export interface RatingState {
  requests: RatingRequest[];
}

const sameSubject = (a: RatingSubject, b: RatingSubject) => a.kind === b.kind && a.id === b.id;

/**
 * The shopper's rating requests (issue 5 item 7). They arrive live (`rating:requested`) and are
 * fetched again after every connect (`rating:pending`), so one made while the shopper was away
 * shows on the next visit. Requests already rated on an earlier page are not shown again (no
 * nagging); one rated on this page stays, with "change my rating" while the window lasts.
 */
export class RatingRequests {
  state: RatingState = { requests: [] };
  private readonly listeners = new Set<() => void>();
  /** Rated or put off on this page: kept (rated) or hidden (put off) whatever the server lists. */
  private readonly ratedHere = new Set<string>();
  private readonly putOff = new Set<string>();

  constructor(private readonly socket: VisitorSocket) {
    socket.on('rating:requested', ({ request: asked }) => this.merge([asked]));
    socket.on('session:ready', () => void this.refresh());
  }

  /** Listens for changes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The request the card shows: the newest one not put off that is unrated or was rated on this page. */
  get shown(): RatingRequest | null {
    return (
      this.state.requests.find(
        (item) =>
          !this.putOff.has(key(item.subject)) && (item.rating === null || this.ratedHere.has(key(item.subject))),
      ) ?? null
    );
  }

  /** Sends (or changes) a rating; resolves with an error code when refused or not sent. */
  async submit(subject: RatingSubject, score: number, comment: string): Promise<ErrorCode | null> {
    try {
      const response = await request(this.socket, 'rating:submit', {
        subject,
        score,
        ...(comment.trim() ? { comment } : {}),
      });
      if ('error' in response) return response.error.code;
      this.ratedHere.add(key(subject));
      this.setRating(subject, response.data.rating);
      return null;
    } catch {
      return 'UNAVAILABLE'; // No acknowledgement: the link broke; the shopper can send again.
    }
  }

  /** "Not now": hides the request on this page; the next visit asks again. */
  putOffRequest(subject: RatingSubject): void {
    this.putOff.add(key(subject));
    this.emit();
  }

  private async refresh(): Promise<void> {
    try {
      const response = await request(this.socket, 'rating:pending', {});
      if ('data' in response) this.merge(response.data.requests);
    } catch {
      // The next connect asks again.
    }
  }

  /** Newer information about a subject replaces the old; newest requests first. */
  private merge(incoming: RatingRequest[]): void {
    const rest = this.state.requests.filter(
      (item) => !incoming.some((next) => sameSubject(next.subject, item.subject)),
    );
    const requests = [...incoming, ...rest].sort((a, b) => b.requestedAt - a.requestedAt);
    this.state = { requests };
    this.emit();
  }

  private setRating(subject: RatingSubject, rating: VisitorRating): void {
    const requests = this.state.requests.map((item) =>
      sameSubject(item.subject, subject) ? { ...item, rating } : item,
    );
    this.state = { requests };
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

const key = (subject: RatingSubject) => `${subject.kind}:${subject.id}`;
