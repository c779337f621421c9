import type { Conversation, ProductContext } from '@aftercare/shared';
import { describe, expect, it } from 'vitest';
import { productsMentioned } from './products-mentioned.js';

const about = (product: ProductContext | null) => ({ product }) as Conversation;

describe('productsMentioned', () => {
  it('keeps the first (newest) context of each SKU and skips chats without a product', () => {
    const newest = { name: 'Kettle K1 (2026)', sku: 'K1', price: 179 };
    expect(productsMentioned([about(newest), about(null), about({ name: 'Kettle K1', sku: 'K1' })])).toEqual([newest]);
  });

  it('matches products without a SKU by name, ignoring case and outer spaces', () => {
    expect(
      productsMentioned([about({ name: 'Toaster' }), about({ name: ' toaster ' }), about({ name: 'Iron' })]),
    ).toEqual([{ name: 'Toaster' }, { name: 'Iron' }]);
  });

  it('never merges a product with a SKU into one without, nor different SKUs of one name', () => {
    const list = [
      about({ name: 'Kettle', sku: 'K1' }),
      about({ name: 'Kettle' }),
      about({ name: 'Kettle', sku: 'K2' }),
    ];
    expect(productsMentioned(list)).toHaveLength(3);
  });

  it('answers an empty list for no conversations', () => {
    expect(productsMentioned([])).toEqual([]);
  });
});
