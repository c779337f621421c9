/** Languages every user-facing text exists in. Catalogs live beside this file, one folder per app. */
export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** A catalog: message key → text, with `{name}` placeholders. */
export type Catalog = Record<string, string>;

/**
 * Picks the best supported locale for a list of preferences such as `navigator.languages`:
 * exact match first, then any Chinese variant → zh-CN, then `fallback` (a site's default language).
 * @example matchLocale(['zh-TW', 'en-US']) // 'zh-CN'
 */
export function matchLocale(preferences: readonly string[], fallback: Locale = DEFAULT_LOCALE): Locale {
  for (const preference of preferences) {
    const lower = preference.toLowerCase();
    const exact = LOCALES.find((locale) => locale.toLowerCase() === lower);
    if (exact) return exact;
    if (lower === 'zh' || lower.startsWith('zh-')) return 'zh-CN';
    if (lower === 'en' || lower.startsWith('en-')) return 'en';
  }
  return fallback;
}

/**
 * Fills `{name}` placeholders. Unknown placeholders stay visible so a missing value is noticed.
 * @example format('{n} unread', { n: 3 }) // '3 unread'
 */
export function format(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
