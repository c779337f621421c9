import type { ProductContext } from '../domain/types.js';
import type { Ack } from './errors.js';

/**
 * Follow-ups on closed repairs (回访, issue 5 item 6): closing a ticket schedules two calls after
 * the site's `followUps` policy. They are stored with their due times, so they survive restarts:
 * the console's "due" list is a query against the clock, not a timer in memory.
 * @example
 * socket.emit('follow-up:list', { view: 'due' }, (res) => { if ('data' in res) render(res.data.followUps) });
 * socket.emit('follow-up:complete', { followUpId, outcome: 'satisfied' }, ack);
 */

export type FollowUpOutcome = 'satisfied' | 'issue-persists' | 'no-answer' | 'other';
export const FOLLOW_UP_OUTCOMES: readonly FollowUpOutcome[] = ['satisfied', 'issue-persists', 'no-answer', 'other'];

export type FollowUpStatus = 'pending' | 'done';

export interface FollowUp {
  id: string;
  tenantId: string;
  siteId: string;
  ticketId: string;
  /** Copied from the closed ticket, so lists need no join. */
  ticketNumber: string;
  customerId: string;
  product: ProductContext | null;
  /** The first follow-up after closing, or the second a week later. */
  sequence: 1 | 2;
  /** From when it shows as due… */
  dueAt: number;
  /** …and after when it is late. */
  lateAt: number;
  status: FollowUpStatus;
  outcome: FollowUpOutcome | null;
  note: string | null;
  /** The agent who recorded the outcome. */
  doneBy: string | null;
  doneAt: number | null;
  createdAt: number;
}

/** `due`: pending and due now (oldest first); `upcoming`: pending, not yet due (soonest first); `done`: newest first. */
export type FollowUpView = 'due' | 'upcoming' | 'done';
export const FOLLOW_UP_VIEWS: readonly FollowUpView[] = ['due', 'upcoming', 'done'];

export interface FollowUpListPayload {
  view: FollowUpView;
  /** 1-based; pages hold `FOLLOW_UP_PAGE_SIZE` follow-ups. */
  page?: number;
}

export const FOLLOW_UP_PAGE_SIZE = 50;

export interface FollowUpCompletePayload {
  followUpId: string;
  outcome: FollowUpOutcome;
  note?: string;
}

/** Follow-up events the console sends (any role, the caller's tenant only). */
export interface FollowUpClientEvents {
  'follow-up:list': (
    payload: FollowUpListPayload,
    ack: Ack<{ followUps: FollowUp[]; hasMore: boolean; customerNames: Record<string, string | null> }>,
  ) => void;
  /** Records the outcome once; completing a done follow-up answers `CONFLICT`. */
  'follow-up:complete': (payload: FollowUpCompletePayload, ack: Ack<{ followUp: FollowUp }>) => void;
}

/** Sent to the tenant's consoles when follow-ups are scheduled, fall due or are completed. */
export interface FollowUpServerEvents {
  'follow-up:changed': (event: { followUps: FollowUp[] }) => void;
}
