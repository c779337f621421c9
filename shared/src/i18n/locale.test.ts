import { describe, expect, it } from 'vitest';
import { format, matchLocale } from './locale.js';

describe('matchLocale', () => {
  it('prefers an exact match, then a language family, then English', () => {
    expect(matchLocale(['zh-CN'])).toBe('zh-CN');
    expect(matchLocale(['fr-FR', 'zh-TW', 'en'])).toBe('zh-CN');
    expect(matchLocale(['en-GB'])).toBe('en');
    expect(matchLocale(['fr', 'de'])).toBe('en');
    expect(matchLocale([])).toBe('en');
  });

  it("falls back to a site's default language only when no preference is supported", () => {
    expect(matchLocale(['fr', 'de'], 'zh-CN')).toBe('zh-CN');
    expect(matchLocale(['fr', 'en-US'], 'zh-CN')).toBe('en');
  });
});

describe('format', () => {
  it('fills known placeholders and leaves unknown ones visible', () => {
    expect(format('{n} unread from {who}', { n: 3 })).toBe('3 unread from {who}');
  });
});
