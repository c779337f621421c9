import { DEFAULT_FOLLOW_UP_POLICY, type FollowUpPolicy } from '@aftercare/shared';

export interface PlannedFollowUp {
  sequence: 1 | 2;
  /** From when the follow-up shows in the console's "due" list. */
  dueAt: number;
  /** After this it is overdue. */
  lateAt: number;
}

const DAY = 86_400_000;

/**
 * The two follow-ups of a ticket closed at `closedAt`.
 * @example planFollowUps(closedAt) // [{ sequence: 1, dueAt: +3 d, lateAt: +7 d }, { sequence: 2, dueAt: +10 d, lateAt: +14 d }]
 */
export function planFollowUps(closedAt: number, policy: FollowUpPolicy = DEFAULT_FOLLOW_UP_POLICY): PlannedFollowUp[] {
  const window = (policy.firstWithinDays - policy.firstAfterDays) * DAY;
  const first = closedAt + policy.firstAfterDays * DAY;
  const second = first + policy.secondAfterDays * DAY;
  return [
    { sequence: 1, dueAt: first, lateAt: first + window },
    { sequence: 2, dueAt: second, lateAt: second + window },
  ];
}
