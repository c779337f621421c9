import type { CustomerTier } from './types.js';

/**
 * Service promises (SLA) a site makes to its shoppers. Targets count business hours only (a chat
 * arriving on Friday evening is not late on Saturday); escalation counts calendar time, because
 * "unresolved for two days" is how the shopper experiences it.
 */
export interface ServiceTargets {
  /** From a chat's start to the first agent reply. */
  firstReplyMinutes: number;
  /** From a complaint (a repair ticket) being registered to the first answer on it (diagnosis). */
  complaintAnswerMinutes: number;
  /** From a chat's start to its resolution, and from a ticket's registration to its return to the customer. */
  resolutionMinutes: number;
}

export interface ServicePromisePolicy extends ServiceTargets {
  /** Calendar minutes after which anything still unresolved escalates to the site's supervisors. */
  escalateAfterMinutes: number;
  /** Stricter (or looser) targets for customer tiers, field by field over the defaults. */
  byTier: Partial<Record<CustomerTier, Partial<ServiceTargets>>>;
}

/** First reply in 4 business hours, complaints answered in 24 and resolved in 72, escalation after 2 days. */
export const DEFAULT_SERVICE_PROMISES: ServicePromisePolicy = {
  firstReplyMinutes: 4 * 60,
  complaintAnswerMinutes: 24 * 60,
  resolutionMinutes: 72 * 60,
  escalateAfterMinutes: 2 * 24 * 60,
  byTier: {},
};

/**
 * Where a promise stands: `met`/`breached` once it was kept or not; while still pending, `on-track`,
 * `due-soon` (within the last fifth of its window) or `overdue`.
 */
/**
 * When the shop follows up on a closed repair (回访): the first call within a window after the
 * ticket closes (by default from 3 to 7 days later), the second a week after the first is due.
 */
export interface FollowUpPolicy {
  /** Days after closing when the first follow-up becomes due… */
  firstAfterDays: number;
  /** …and the last day it is still on time. */
  firstWithinDays: number;
  /** Days between the first and the second follow-up. */
  secondAfterDays: number;
}

export const DEFAULT_FOLLOW_UP_POLICY: FollowUpPolicy = { firstAfterDays: 3, firstWithinDays: 7, secondAfterDays: 7 };

/** When the widget asks shoppers to rate the service, and what counts as a low rating. */
export interface RatingPolicy {
  /** Ask when an agent resolves a chat. */
  askAfterChat: boolean;
  /** Ask when a repair ticket closes. */
  askAfterTicket: boolean;
  /** A shopper may change their rating for this long after first giving it; later it is final. */
  updateWindowMinutes: number;
  /** Ratings at or below this score alert the site's supervisors. */
  alertAtOrBelow: number;
}

export const DEFAULT_RATING_POLICY: RatingPolicy = {
  askAfterChat: true,
  askAfterTicket: true,
  updateWindowMinutes: 7 * 24 * 60,
  alertAtOrBelow: 2,
};

export type PromiseState = 'on-track' | 'due-soon' | 'overdue' | 'met' | 'breached';

const MINUTE = 60_000;

/**
 * Where one promise stands at `now`.
 * @param since when the clock started (the window's start, to tell "due soon" from "on track")
 * @param dueAt when it falls due; null (never due: the shop never opens) counts as on track
 * @param doneAt when it was kept (first reply sent, resolved), or null while pending
 */
export function promiseState(since: number, dueAt: number | null, doneAt: number | null, now: number): PromiseState {
  if (doneAt !== null) return dueAt === null || doneAt <= dueAt ? 'met' : 'breached';
  if (dueAt === null) return 'on-track';
  if (now > dueAt) return 'overdue';
  // The last fifth of the window (at least a minute) is "due soon", so agents get a warning before a breach.
  const warning = Math.max(MINUTE, (dueAt - since) / 5);
  return dueAt - now <= warning ? 'due-soon' : 'on-track';
}
