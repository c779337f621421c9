import type { Locale } from '../locale.js';
import { type ConsoleMessageKey, en } from './en.js';
import { zhCN } from './zh-CN.js';

export type { ConsoleMessageKey } from './en.js';

/** Every console catalog by locale (each a `Catalog`); the console imports this module only. */
export const consoleCatalogs: Record<Locale, Record<ConsoleMessageKey, string>> = {
  en,
  'zh-CN': zhCN,
};
