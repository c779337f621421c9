import type { CannedResponse } from '@aftercare/shared';
import { describe, expect, it } from 'vitest';
import { filterCanned, insertCanned, moveActive, slashQuery, validateCannedInput } from './canned.js';

const reply = (shortcut: string, title: string): CannedResponse => ({
  id: shortcut,
  tenantId: 't',
  shortcut,
  title,
  text: `Text of ${shortcut}`,
  createdAt: 0,
  updatedAt: 0,
});
const replies = [
  reply('address', 'Return address'),
  reply('baoxiu', '保修条款'),
  reply('returns', 'Returns policy'),
  reply('warranty', 'Warranty terms'),
];

describe('slashQuery', () => {
  it('opens on a leading slash and reads the one word after it', () => {
    expect(slashQuery('/')).toBe('');
    expect(slashQuery('/warr')).toBe('warr');
    expect(slashQuery('/Warr')).toBe('Warr');
  });

  it('stays closed without a leading slash, after a space or a new line', () => {
    expect(slashQuery('')).toBeNull();
    expect(slashQuery('hi /warr')).toBeNull();
    expect(slashQuery(' /warr')).toBeNull();
    expect(slashQuery('/etc/hosts is wrong')).toBeNull();
    expect(slashQuery('/warr\n')).toBeNull();
  });
});

describe('filterCanned', () => {
  it('lists everything (up to the maximum) for an empty search', () => {
    expect(filterCanned(replies, '')).toEqual(replies);
    expect(filterCanned(replies, '', 2)).toEqual(replies.slice(0, 2));
  });

  it('puts shortcut prefixes first, then shortcut or title matches, ignoring case', () => {
    expect(filterCanned(replies, 'RE').map((r) => r.shortcut)).toEqual(['returns', 'address']);
    expect(filterCanned(replies, 'terms').map((r) => r.shortcut)).toEqual(['warranty']);
    expect(filterCanned(replies, '保修').map((r) => r.shortcut)).toEqual(['baoxiu']);
    expect(filterCanned(replies, 'zzz')).toEqual([]);
  });
});

describe('insertCanned', () => {
  it('replaces the slash search with the reply text', () => {
    expect(insertCanned('/warr', replies[3]!)).toBe('Text of warranty');
    expect(insertCanned('/', { text: 'Hello' })).toBe('Hello');
  });

  it('keeps whatever followed the search', () => {
    expect(insertCanned('/warr and more', { text: 'Hello' })).toBe('Hello and more');
  });
});

describe('moveActive', () => {
  it('wraps around and starts from either end', () => {
    expect(moveActive(-1, 1, 3)).toBe(0);
    expect(moveActive(-1, -1, 3)).toBe(2);
    expect(moveActive(2, 1, 3)).toBe(0);
    expect(moveActive(0, -1, 3)).toBe(2);
    expect(moveActive(0, 1, 0)).toBe(-1);
  });
});

describe('validateCannedInput', () => {
  it('accepts a good entry and names each bad field', () => {
    expect(validateCannedInput({ shortcut: 'warranty-2', title: 'Warranty', text: 'Two years.' })).toEqual({});
    expect(validateCannedInput({ shortcut: '', title: ' ', text: '' })).toEqual({
      shortcut: 'required',
      title: 'required',
      text: 'required',
    });
    expect(validateCannedInput({ shortcut: 'Has Space', title: 't', text: 't' })).toEqual({
      shortcut: 'shortcutFormat',
    });
    expect(validateCannedInput({ shortcut: 'a'.repeat(33), title: 't', text: 'x'.repeat(5_001) })).toEqual({
      shortcut: 'tooLong',
      text: 'tooLong',
    });
  });
});
