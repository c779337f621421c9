import { describe, expect, it } from 'vitest';
import { planFollowUps } from './follow-up-schedule.js';

const DAY = 86_400_000;

describe('planFollowUps', () => {
  it('plans the first 3–7 days after closing and the second a week after the first', () => {
    const closedAt = Date.parse('2026-09-01T10:00:00Z');
    expect(planFollowUps(closedAt)).toEqual([
      { sequence: 1, dueAt: closedAt + 3 * DAY, lateAt: closedAt + 7 * DAY },
      { sequence: 2, dueAt: closedAt + 10 * DAY, lateAt: closedAt + 14 * DAY },
    ]);
  });

  it('follows a site policy', () => {
    const [first, second] = planFollowUps(0, { firstAfterDays: 1, firstWithinDays: 2, secondAfterDays: 30 });
    expect(first).toEqual({ sequence: 1, dueAt: DAY, lateAt: 2 * DAY });
    expect(second).toEqual({ sequence: 2, dueAt: 31 * DAY, lateAt: 32 * DAY });
  });
});
