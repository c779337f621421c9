import type { Conversation, ProductContext } from '@aftercare/shared';

/**
 * The products a customer's conversations were about, each once, in the order given (newest
 * conversation first, so each product shows its newest snapshot). Two contexts are the same product
 * when their SKUs match; without a SKU, when their names match ignoring case and outer spaces.
 */
export function productsMentioned(conversations: readonly Conversation[]): ProductContext[] {
  const seen = new Set<string>();
  const products: ProductContext[] = [];
  for (const { product } of conversations) {
    if (!product) continue;
    const key = productKey(product);
    if (seen.has(key)) continue;
    seen.add(key);
    products.push(product);
  }
  return products;
}

/** Identity of a product context: its SKU when it has one, else its normalized name. */
export function productKey(product: ProductContext): string {
  return product.sku ? `sku:${product.sku}` : `name:${product.name.trim().toLowerCase()}`;
}
