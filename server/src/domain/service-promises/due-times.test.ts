import { type BusinessHours, DEFAULT_SERVICE_PROMISES, type ServicePromisePolicy } from '@aftercare/shared';
import { describe, expect, it } from 'vitest';
import { conversationDueTimes, promiseState, targetsFor, ticketDueTimes } from './due-times.js';

/** Mon–Fri 09:00–12:00 and 13:00–18:00 in Shanghai (a lunch break), closed on 2026-10-01 (National Day). */
const hours: BusinessHours = {
  timeZone: 'Asia/Shanghai',
  intervals: [1, 2, 3, 4, 5].flatMap((day) => [
    { day: day as 1, open: '09:00', close: '12:00' },
    { day: day as 1, open: '13:00', close: '18:00' },
  ]),
  closedDates: ['2026-10-01'],
};
const at = (local: string) => Date.parse(`${local}+08:00`);
const HOUR = 3_600_000;

describe('conversation due times', () => {
  it('count only business hours: Friday 17:00 + 4 h → Monday 12:00 (lunch not counted)', () => {
    // 2026-09-04 is a Friday: one hour on Friday, three on Monday morning.
    const due = conversationDueTimes({
      policy: DEFAULT_SERVICE_PROMISES,
      hours,
      tier: 'standard',
      since: at('2026-09-04T17:00:00'),
    });
    expect(due.firstReplyDueAt).toBe(at('2026-09-07T12:00:00'));
  });

  it('start outside hours counts from the next opening: Saturday → Monday 13:00 + rest', () => {
    const due = conversationDueTimes({
      policy: DEFAULT_SERVICE_PROMISES,
      hours,
      tier: 'standard',
      since: at('2026-09-05T10:00:00'),
    });
    // 3 h Monday morning, lunch, 1 h after lunch.
    expect(due.firstReplyDueAt).toBe(at('2026-09-07T14:00:00'));
  });

  it('skip closed dates: a chat on the eve of National Day is answered by Friday the 2nd', () => {
    const due = conversationDueTimes({
      policy: DEFAULT_SERVICE_PROMISES,
      hours,
      tier: 'standard',
      since: at('2026-09-30T17:30:00'),
    });
    // 30 min on Wednesday, Thursday 1 October closed, 3.5 h on Friday 2 October → 13:30 after lunch.
    expect(due.firstReplyDueAt).toBe(at('2026-10-02T13:30:00'));
  });

  it('resolution spans several days of hours; escalation counts calendar time', () => {
    const since = at('2026-09-07T09:00:00'); // Monday
    const due = conversationDueTimes({ policy: DEFAULT_SERVICE_PROMISES, hours, tier: 'standard', since });
    // 72 business hours at 8 h a day = 9 working days: Mon 7th … Thu 17th 18:00.
    expect(due.resolutionDueAt).toBe(at('2026-09-17T18:00:00'));
    expect(due.escalateAt).toBe(since + 48 * HOUR);
  });

  it('without business hours every hour counts', () => {
    const since = at('2026-09-05T23:00:00');
    expect(
      conversationDueTimes({ policy: DEFAULT_SERVICE_PROMISES, hours: null, tier: 'standard', since }).firstReplyDueAt,
    ).toBe(since + 4 * HOUR);
  });

  it('hours that never open leave the promise without a due time', () => {
    const never: BusinessHours = { timeZone: 'UTC', intervals: [], closedDates: [] };
    const due = conversationDueTimes({ policy: DEFAULT_SERVICE_PROMISES, hours: never, tier: 'standard', since: 0 });
    expect(due.firstReplyDueAt).toBeNull();
    expect(due.resolutionDueAt).toBeNull();
  });
});

describe('tier targets', () => {
  const policy: ServicePromisePolicy = {
    ...DEFAULT_SERVICE_PROMISES,
    byTier: { vip: { firstReplyMinutes: 30 }, gold: {} },
  };

  it('override the defaults field by field', () => {
    expect(targetsFor(policy, 'vip')).toEqual({
      firstReplyMinutes: 30,
      complaintAnswerMinutes: 1440,
      resolutionMinutes: 4320,
    });
    expect(targetsFor(policy, 'gold')).toEqual(targetsFor(policy, 'standard'));
    const since = at('2026-09-07T10:00:00');
    expect(conversationDueTimes({ policy, hours, tier: 'vip', since }).firstReplyDueAt).toBe(at('2026-09-07T10:30:00'));
  });
});

describe('ticket due times', () => {
  it('answer a complaint within 24 business hours: three working days', () => {
    const due = ticketDueTimes({
      policy: DEFAULT_SERVICE_PROMISES,
      hours,
      tier: 'standard',
      since: at('2026-09-07T09:00:00'),
    });
    expect(due.answerDueAt).toBe(at('2026-09-09T18:00:00'));
  });
});

describe('promise state', () => {
  const since = 0;
  const due = 100 * 60_000;
  it.each([
    [null, 10 * 60_000, 'on-track'],
    [null, 85 * 60_000, 'due-soon'],
    [null, due, 'due-soon'],
    [null, due + 1, 'overdue'],
    [due, due + 50, 'met'],
    [due + 1, due + 50, 'breached'],
  ] as const)('done at %s, now %s → %s', (doneAt, now, state) => {
    expect(promiseState(since, due, doneAt, now)).toBe(state);
  });

  it('never due is on track until done, then met', () => {
    expect(promiseState(0, null, null, 1e12)).toBe('on-track');
    expect(promiseState(0, null, 5, 1e12)).toBe('met');
  });
});
