import type { Customer } from '@aftercare/shared';
import type { I18n } from './i18n.js';

/** The name an agent sees for a shopper: what they gave, else the localized "Visitor". */
export function customerName(i18n: Pick<I18n, 't'>, customer: Customer | null | undefined): string {
  return customer?.name?.trim() || i18n.t('customer.visitor');
}

/**
 * Only http(s) links may reach `href`/`src`. The server validates product URLs too; checking
 * again here keeps a `javascript:` URL from ever becoming clickable if a bad record slips through.
 */
export function safeWebUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}
