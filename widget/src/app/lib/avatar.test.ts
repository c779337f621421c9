import { describe, expect, it } from 'vitest';
import { AVATAR_COLORS, avatarColor, initials } from './avatar.js';
import { contrast } from './site.js';

describe('initials', () => {
  it('takes the first letters of two words, or the first character of a CJK name', () => {
    expect(initials(' li  wei chen ')).toBe('LW');
    expect(initials('王小明')).toBe('王');
    expect(initials('Émile')).toBe('É');
  });
});

describe('avatarColor', () => {
  it('gives an agent the same colour every time, each readable under white initials', () => {
    expect(avatarColor('agent-7')).toBe(avatarColor('agent-7'));
    for (const color of AVATAR_COLORS) expect(contrast(color, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });
});
