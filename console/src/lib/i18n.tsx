import { type ConsoleMessageKey, consoleCatalogs } from '@aftercare/shared/i18n/console/index.js';
import { type Catalog, format, LOCALES, type Locale, matchLocale } from '@aftercare/shared/i18n/locale.js';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export type { ConsoleMessageKey, Locale };
export { LOCALES };

/** Everything a component needs to speak the agent's language. */
export interface I18n {
  locale: Locale;
  t(key: ConsoleMessageKey, values?: Record<string, string | number>): string;
  /** Short time of day for today, otherwise date and time. */
  formatTime(epochMs: number): string;
  /** A price in its currency, or the bare number when the currency code is unknown. */
  formatPrice(amount: number, currency?: string): string;
}

/** Builds the translator for `locale`; cheap enough to call on every locale switch. */
export function createI18n(locale: Locale, now: () => number = Date.now): I18n {
  const catalog: Catalog = consoleCatalogs[locale];
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  const dateTime = new Intl.DateTimeFormat(locale, {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  return {
    locale,
    t: (key, values) => format(catalog[key] ?? key, values),
    formatTime(epochMs) {
      const sameDay = new Date(epochMs).toDateString() === new Date(now()).toDateString();
      return (sameDay ? time : dateTime).format(epochMs);
    },
    formatPrice(amount, currency) {
      if (!currency) return new Intl.NumberFormat(locale).format(amount);
      try {
        return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
      } catch {
        // An unknown ISO code throws a RangeError; show the code rather than lose the price.
        return `${new Intl.NumberFormat(locale).format(amount)} ${currency}`;
      }
    },
  };
}

const LOCALE_STORAGE_KEY = 'aftercare.console.locale';

/** The agent's saved choice if any, else the best match for the browser's languages. */
export function initialLocale(storage: Pick<Storage, 'getItem'> | null, languages: readonly string[]): Locale {
  const saved = safely(() => storage?.getItem(LOCALE_STORAGE_KEY));
  if (saved && (LOCALES as readonly string[]).includes(saved)) return saved as Locale;
  return matchLocale(languages);
}

/** Remembers the agent's explicit choice across reloads. */
export function saveLocale(storage: Pick<Storage, 'setItem'> | null, locale: Locale): void {
  safely(() => storage?.setItem(LOCALE_STORAGE_KEY, locale));
}

// Storage throws in some privacy modes; a lost preference is not worth an error.
function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

export const I18nContext = createContext<I18n>(createI18n('en'));

/** The current translator. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
