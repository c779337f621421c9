import { type Catalog, format, type Locale } from '@aftercare/shared/i18n/locale.js';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

/** Translates a catalog key, filling `{placeholders}`. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** Each catalog is its own chunk: the first open downloads only the one it needs. */
const catalogs: Record<Locale, () => Promise<Catalog>> = {
  en: () => import('@aftercare/shared/i18n/widget/en.js').then((module) => module.en),
  'zh-CN': () => import('@aftercare/shared/i18n/widget/zh-CN.js').then((module) => module.zhCN),
};

/** Loads the catalog of `locale`. */
export const loadCatalog = (locale: Locale): Promise<Catalog> => catalogs[locale]();

/** A translator over one catalog; a missing key shows itself so it gets noticed. */
export const createTranslate =
  (catalog: Catalog): Translate =>
  (key, values) =>
    format(catalog[key] ?? key, values);

/** The current translator and locale, provided once by the app root. */
export const I18n = createContext<{ t: Translate; locale: Locale }>({ t: (key) => key, locale: 'en' });

/** Shortcut for components. */
export const useI18n = () => useContext(I18n);
