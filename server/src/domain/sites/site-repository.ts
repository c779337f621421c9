import type { Site, SiteSettings } from '@aftercare/shared';

/** What `update` may change: absent fields are kept; `settings` is merged field by field. */
export interface SiteChanges {
  name?: string;
  allowedOrigins?: string[];
  settings?: Partial<SiteSettings>;
}

/** Storage port for sites. Settings read back merged over `DEFAULT_SITE_SETTINGS` (see `withDefaultSettings`). */
export interface SiteRepository {
  /** Stores a new site. Throws `CONFLICT` if the id or key is taken. */
  create(site: Site): Promise<Site>;
  getById(id: string): Promise<Site | null>;
  getByKey(key: string): Promise<Site | null>;
  /** The tenant's sites, oldest first. */
  listByTenant(tenantId: string): Promise<Site[]>;
  /**
   * Applies `changes` to the tenant's site in one atomic step (two admins saving different settings
   * at once both keep their change). Null when the tenant has no such site.
   */
  update(tenantId: string, id: string, changes: SiteChanges): Promise<Site | null>;
}
