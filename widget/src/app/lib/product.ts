import { CHAT_LIMITS, type ProductContext } from '@aftercare/shared';

/**
 * Product context: what the chat is about. Read from the page's schema.org `Product` JSON-LD
 * unless the shop set it through the API, and cleaned to what the server accepts (its schema is
 * strict, so one bad field would refuse the whole conversation start).
 */

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;
const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);

/** Finds a `Product` node in a JSON-LD document: top level, in an array, or in an `@graph`. */
function findProduct(node: unknown): Json | null {
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = findProduct(item);
      if (found) return found;
    }
    return null;
  }
  if (!isObject(node)) return null;
  const type = node['@type'];
  if (type === 'Product' || (Array.isArray(type) && type.includes('Product'))) return node;
  return findProduct(node['@graph']);
}

const text = (value: unknown, max: number): string | undefined => {
  const trimmed = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
  return trimmed && trimmed.length <= max ? trimmed : undefined;
};

/** Absolute http(s) URLs only: these end up in `src`/`href`, so `javascript:` must never pass. */
const webUrl = (value: unknown, base: string): string | undefined => {
  const raw = isObject(value) ? value.url : value;
  if (typeof raw !== 'string') return undefined;
  try {
    const url = new URL(raw, base);
    return /^https?:$/.test(url.protocol) && url.href.length <= CHAT_LIMITS.url ? url.href : undefined;
  } catch {
    return undefined;
  }
};

/** Keeps only valid fields; `null` when there is no usable name. */
export function cleanProduct(input: Json, base: string): ProductContext | null {
  const name = text(input.name, CHAT_LIMITS.productName);
  if (!name) return null;
  const product: ProductContext = { name };
  const sku = text(input.sku, CHAT_LIMITS.productSku);
  const price = Number(input.price);
  const currency = text(input.currency, CHAT_LIMITS.currency)?.toUpperCase();
  const imageUrl = webUrl(input.imageUrl, base);
  const url = webUrl(input.url, base);
  if (sku) product.sku = sku;
  if (input.price !== undefined && input.price !== '' && Number.isFinite(price) && price >= 0) product.price = price;
  if (currency && /^[A-Z]{3}$/.test(currency)) product.currency = currency;
  if (imageUrl) product.imageUrl = imageUrl;
  if (url) product.url = url;
  return product;
}

/** The product described by one parsed JSON-LD block, if any; relative URLs resolve against `pageUrl`. */
export function productFromJsonLd(json: unknown, pageUrl: string): ProductContext | null {
  const product = findProduct(json);
  if (!product) return null;
  const offer = first(product.offers);
  const offerJson = isObject(offer) ? offer : {};
  return cleanProduct(
    {
      name: product.name,
      sku: product.sku ?? product.mpn,
      price: offerJson.price ?? offerJson.lowPrice,
      currency: offerJson.priceCurrency,
      imageUrl: first(product.image),
      url: product.url ?? offerJson.url ?? pageUrl,
    },
    pageUrl,
  );
}

/** Reads the first schema.org `Product` from the document's JSON-LD scripts. */
export function readPageProduct(doc: Document): ProductContext | null {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const product = productFromJsonLd(JSON.parse(script.textContent ?? ''), doc.baseURI);
      if (product) return product;
    } catch {
      // A broken block on the shop's page is not our error to report.
    }
  }
  return null;
}
