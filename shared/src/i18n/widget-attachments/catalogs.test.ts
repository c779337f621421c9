import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { zhCN } from './zh-CN.js';

describe('widget attachment catalogs', () => {
  it('have the same keys and the same placeholders in every language', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
      expect(placeholders(zhCN[key]!), key).toEqual(placeholders(en[key]!));
    }
  });
});
