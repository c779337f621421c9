import { DEFAULT_SITE_SETTINGS, type SiteSettings } from '@aftercare/shared';

/**
 * A site's stored settings over the defaults: sites created before a setting existed (or before
 * settings existed at all) read the default for it, so adding a setting needs no data migration.
 * Unknown stored fields are dropped.
 */
export function withDefaultSettings(stored: Partial<SiteSettings> | null | undefined): SiteSettings {
  const settings = { ...DEFAULT_SITE_SETTINGS };
  if (!stored || typeof stored !== 'object') return structuredClone(settings);
  for (const key of Object.keys(DEFAULT_SITE_SETTINGS) as (keyof SiteSettings)[]) {
    if (stored[key] !== undefined) (settings as Record<string, unknown>)[key] = stored[key];
  }
  return structuredClone(settings);
}

/** Top-level fields of `changes` replace those of `current` (a partial update from `site:update`). */
export function mergeSettings(current: SiteSettings, changes: Partial<SiteSettings>): SiteSettings {
  return withDefaultSettings({ ...current, ...stripUndefined(changes) });
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as Partial<T>;
}
