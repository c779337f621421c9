import { consoleCatalogs } from '@aftercare/shared/i18n/console/index.js';
import { describe, expect, it } from 'vitest';
import { createI18n, initialLocale } from './i18n.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('console catalogs', () => {
  it('use the same placeholders in every language', () => {
    const { en, 'zh-CN': zh } = consoleCatalogs;
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(zh[key]), key).toEqual(placeholders(en[key]));
    }
  });
});

describe('createI18n', () => {
  it('translates and formats', () => {
    const i18n = createI18n('zh-CN');
    expect(i18n.t('conversation.typing', { name: '李伟' })).toBe('李伟 正在输入…');
    expect(createI18n('en').formatPrice(1299, 'CNY')).toContain('1,299');
    expect(createI18n('en').formatPrice(5, 'NOPE')).toBe('5 NOPE');
  });
});

describe('initialLocale', () => {
  it('prefers a saved choice, then the browser languages', () => {
    expect(initialLocale({ getItem: () => 'zh-CN' }, ['en-US'])).toBe('zh-CN');
    expect(initialLocale({ getItem: () => 'xx' }, ['zh-TW'])).toBe('zh-CN');
    expect(initialLocale(null, ['fr'])).toBe('en');
  });
});
