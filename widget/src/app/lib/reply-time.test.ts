import { describe, expect, it } from 'vitest';
import { duration, replyTime } from './reply-time.js';

// Local dates: the words follow the browser's time zone, whatever the machine running the test uses.
const at = (day: number, hour: number, minute = 0) => new Date(2026, 10, day, hour, minute).getTime();
// 2026-11-20 is a Friday.
const fridayMorning = at(20, 10);

describe('replyTime', () => {
  it('is relative on the same day, in minutes under an hour and in hours after', () => {
    expect(replyTime(at(20, 10, 45), fridayMorning, 'en')).toEqual({ key: 'replyIn', when: 'in 45 minutes' });
    expect(replyTime(at(20, 13, 10), fridayMorning, 'en')).toEqual({ key: 'replyIn', when: 'in 3 hours' });
    expect(replyTime(at(20, 13), fridayMorning, 'zh-CN')).toEqual({ key: 'replyIn', when: '3小时后' });
  });

  it('names the weekday and time within a week, and the date beyond', () => {
    expect(replyTime(at(23, 9), fridayMorning, 'en')).toEqual({ key: 'replyBy', when: 'Monday 09:00' });
    expect(replyTime(at(23, 9), fridayMorning, 'zh-CN')).toEqual({ key: 'replyBy', when: '星期一09:00' });
    expect(replyTime(at(30, 9), fridayMorning, 'en')).toEqual({ key: 'replyBy', when: 'Nov 30, 09:00' });
  });

  it('never promises a time in the past', () => {
    expect(replyTime(at(19, 9), fridayMorning, 'en')).toEqual({ key: 'replyIn', when: 'in 1 minute' });
  });
});

describe('duration', () => {
  it('says minutes, then whole hours, with the language’s plural forms', () => {
    expect(duration(1, 'en')).toBe('1 minute');
    expect(duration(5, 'en')).toBe('5 minutes');
    expect(duration(120, 'en')).toBe('2 hours');
    expect(duration(5, 'zh-CN')).toBe('5分钟');
  });
});
