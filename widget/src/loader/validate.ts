import type { ProductContext } from '@aftercare/shared';
import { LOCALES, type Locale } from '@aftercare/shared/i18n/locale.js';
import type { ShopperIdentity, WidgetEventName } from '../bridge.js';

/**
 * Argument checks for the public API. They report through `console.error` and return `false`
 * instead of throwing: a shop's mistake must never become an exception on the shop's page.
 * They check shapes and types and name the expected call; lengths and formats are checked by
 * the app (which logs what it drops), keeping the loader within its 2 KB budget.
 */

/** Logs `[Aftercare] method: problem` (plus the offending value, if any) and returns false. */
export const fail = (method: string, problem: string, value?: unknown): false => {
  console.error(`[Aftercare] ${method}: ${problem}`, value ?? '');
  return false;
};

/** `null`, or an object with only `fields` (strings; `price` a number), the first one required. */
const isRecord = (method: string, value: unknown, fields: string[]): boolean =>
  value === null ||
  (typeof value === 'object' &&
    !!`${(value as Record<string, string>)[fields[0]!] ?? ''}`.trim() &&
    Object.entries(value).every(
      ([key, field]) =>
        field === undefined || (fields.includes(key) && typeof field === (key === 'price' ? 'number' : 'string')),
    )) ||
  fail(method, `expected { ${fields} } or null; got`, value);

/** `identify(user)`: `user.id` is required; `null` forgets the shopper. */
export const isIdentity = (value: unknown): value is ShopperIdentity | null =>
  isRecord('identify', value, ['id', 'name', 'email', 'phone', 'hash']);

/** `setProduct(product)`: `product.name` is required; `null` means "no product". */
export const isProduct = (value: unknown): value is ProductContext | null =>
  isRecord('setProduct', value, ['name', 'sku', 'price', 'currency', 'imageUrl', 'url']);

/** `setLocale(locale)`: one of the supported locales. */
export const isLocale = (value: unknown): value is Locale =>
  LOCALES.includes(value as Locale) || fail('setLocale', `expected one of ${LOCALES}; got`, value);

const EVENT_NAMES = ['ready', 'open', 'close', 'message', 'unread'];

/** `on(event, listener)` and `off(event, listener)`. */
export const isSubscription = (method: string, event: unknown, listener: unknown): event is WidgetEventName =>
  (EVENT_NAMES.includes(event as string) && typeof listener === 'function') ||
  fail(method, `expected (${EVENT_NAMES}, function); got`, event);
