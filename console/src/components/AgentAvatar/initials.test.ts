import { describe, expect, it } from 'vitest';
import { initials } from './index.js';

describe('initials', () => {
  it('takes the first and last words, one character for one word', () => {
    expect(initials('Bob Baker')).toBe('BB');
    expect(initials('  ann   de la cruz ')).toBe('AC');
    expect(initials('李伟')).toBe('李');
    expect(initials('')).toBe('?');
  });
});
