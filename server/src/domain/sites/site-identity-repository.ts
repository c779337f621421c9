import type { SiteIdentity } from '@aftercare/shared';

/** What `update` may change; absent fields are kept. */
export interface SiteIdentityChanges {
  secret?: string;
  rotatedAt?: number;
  required?: boolean;
}

/**
 * Storage port for sites' identity verification settings (secret and switch), kept apart from
 * `SiteRepository` so that no code path reading sites for agents or the widget can carry the secret.
 */
export interface SiteIdentityRepository {
  /** The site's settings, or null when none were made yet (the site verifies nobody). */
  get(siteId: string): Promise<SiteIdentity | null>;
  /**
   * Stores `initial` unless the site has settings already, and returns what is stored: when two
   * admins open the screen at once, both see the one secret that won.
   */
  ensure(initial: SiteIdentity): Promise<SiteIdentity>;
  /** Applies `changes` in one step; null when the site has no settings yet. */
  update(siteId: string, changes: SiteIdentityChanges): Promise<SiteIdentity | null>;
}
