import * as v from 'valibot';
import { LIMITS } from '../protocol/limits.js';
import * as field from './fields.js';

/** What product a chat or ticket is about (widget JSON-LD pick-up, SDK call, or an agent's correction). */
export const productContext = v.strictObject({
  name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(LIMITS.productName)),
  sku: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(LIMITS.productSku))),
  price: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1e12))),
  currency: v.optional(v.pipe(v.string(), v.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code'))),
  imageUrl: v.optional(field.webUrl),
  url: v.optional(field.webUrl),
  category: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(LIMITS.productSku))),
});
