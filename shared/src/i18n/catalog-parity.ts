import { describe, expect, it } from 'vitest';
import type { Catalog } from './locale.js';

/**
 * A test that two catalogs have the same keys and, per key, the same `{placeholders}`: a missing
 * key would show as the key itself, a missing placeholder would drop a value from the sentence.
 * For test files only (imports vitest).
 */
export function describeCatalogParity(name: string, reference: Catalog, translation: Catalog): void {
  describe(name, () => {
    it('have the same keys and the same placeholders in every language', () => {
      expect(Object.keys(translation).sort()).toEqual(Object.keys(reference).sort());
      const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
      for (const key of Object.keys(reference)) {
        expect(placeholders(translation[key] ?? ''), key).toEqual(placeholders(reference[key] ?? ''));
      }
    });
  });
}
