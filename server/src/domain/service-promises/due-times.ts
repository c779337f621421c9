import type { BusinessHours, CustomerTier, ServicePromisePolicy, ServiceTargets } from '@aftercare/shared';
import { addBusinessTime } from '../sites/business-hours.js';

const MINUTE = 60_000;

/** The targets that apply to a customer: the site's defaults with their tier's overrides. */
export function targetsFor(policy: ServicePromisePolicy, tier: CustomerTier): ServiceTargets {
  const override = policy.byTier[tier] ?? {};
  return {
    firstReplyMinutes: override.firstReplyMinutes ?? policy.firstReplyMinutes,
    complaintAnswerMinutes: override.complaintAnswerMinutes ?? policy.complaintAnswerMinutes,
    resolutionMinutes: override.resolutionMinutes ?? policy.resolutionMinutes,
  };
}

/** When each promise on a chat falls due. Null due times mean the shop never opens (no hours at all). */
export interface ConversationDueTimes {
  firstReplyDueAt: number | null;
  resolutionDueAt: number | null;
  escalateAt: number;
}

export interface TicketDueTimes {
  answerDueAt: number | null;
  resolutionDueAt: number | null;
  escalateAt: number;
}

interface Promised {
  policy: ServicePromisePolicy;
  hours: BusinessHours | null;
  tier: CustomerTier;
  /** When the chat started or the ticket was registered. */
  since: number;
}

/**
 * Due times of a chat's promises.
 * @example
 * // Mon–Fri 09:00–18:00, first reply within 4 h: a chat from Friday 17:00 is due Monday 12:00.
 * conversationDueTimes({ policy, hours, tier: 'standard', since: friday1700 }).firstReplyDueAt
 */
export function conversationDueTimes({ policy, hours, tier, since }: Promised): ConversationDueTimes {
  const targets = targetsFor(policy, tier);
  return {
    firstReplyDueAt: addBusinessTime(hours, since, targets.firstReplyMinutes * MINUTE),
    resolutionDueAt: addBusinessTime(hours, since, targets.resolutionMinutes * MINUTE),
    escalateAt: since + policy.escalateAfterMinutes * MINUTE,
  };
}

/** Due times of a repair ticket's promises: the complaint's first answer and its resolution. */
export function ticketDueTimes({ policy, hours, tier, since }: Promised): TicketDueTimes {
  const targets = targetsFor(policy, tier);
  return {
    answerDueAt: addBusinessTime(hours, since, targets.complaintAnswerMinutes * MINUTE),
    resolutionDueAt: addBusinessTime(hours, since, targets.resolutionMinutes * MINUTE),
    escalateAt: since + policy.escalateAfterMinutes * MINUTE,
  };
}

/** Where one promise stands; shared with the console, which shows it. */
export { promiseState } from '@aftercare/shared';
