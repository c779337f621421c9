import { describe, expect, it } from 'vitest';
import { conversationPromises, formatSpan, pressingPromise, promiseText } from './service-promises.js';
import { testConversation } from './workspace/test-conversation.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const t = (key: string, values: Record<string, string | number> = {}) =>
  `${key}${Object.entries(values)
    .map(([name, value]) => ` ${name}=${value}`)
    .join('')}`;

const chat = testConversation('c1', {
  createdAt: 0,
  firstReplyDueAt: 4 * HOUR,
  resolutionDueAt: 72 * HOUR,
});

describe('service promise badges', () => {
  it('goes on track → due soon (last fifth) → overdue while the first reply is pending', () => {
    expect(pressingPromise(chat, HOUR)).toEqual({ promise: 'firstReply', state: 'on-track', dueAt: 4 * HOUR });
    expect(pressingPromise(chat, 3.5 * HOUR)?.state).toBe('due-soon');
    expect(pressingPromise(chat, 4 * HOUR + 1)?.state).toBe('overdue');
  });

  it('moves on to the resolution once the first reply is sent, and shows nothing once resolved', () => {
    const replied = { ...chat, firstReplyAt: 5 * HOUR };
    expect(conversationPromises(replied, 6 * HOUR).map((badge) => badge.state)).toEqual(['breached', 'on-track']);
    expect(pressingPromise(replied, 6 * HOUR)).toMatchObject({ promise: 'resolution', state: 'on-track' });
    const resolved = { ...replied, status: 'resolved' as const, resolvedAt: 10 * HOUR };
    expect(pressingPromise(resolved, 11 * HOUR)).toBeNull();
    expect(conversationPromises(resolved, 11 * HOUR).map((badge) => badge.state)).toEqual(['breached', 'met']);
  });

  it('has no badges for chats without due times (older chats, older servers)', () => {
    expect(conversationPromises(testConversation('old'), HOUR)).toEqual([]);
    const fromOldServer = { ...testConversation('older') } as Record<string, unknown>;
    delete fromOldServer.firstReplyDueAt;
    delete fromOldServer.resolutionDueAt;
    expect(conversationPromises(fromOldServer as never, HOUR)).toEqual([]);
  });

  it('words every state and rounds spans to whole minutes, at least one', () => {
    const overdue = pressingPromise(chat, 4 * HOUR + 90_000)!;
    expect(promiseText({ t } as never, overdue, 4 * HOUR + 90_000)).toBe(
      'promise.firstReply.overdue duration=duration.minutes minutes=2',
    );
    expect(formatSpan({ t } as never, 20_000)).toBe('duration.minutes minutes=1');
    expect(formatSpan({ t } as never, 2 * MINUTE + 20_000)).toBe('duration.minutes minutes=2');
    expect(formatSpan({ t } as never, 2 * HOUR + 5 * MINUTE)).toBe('duration.hours hours=2 minutes=5');
    expect(formatSpan({ t } as never, 50 * HOUR)).toBe('duration.days days=2 hours=2');
  });
});
