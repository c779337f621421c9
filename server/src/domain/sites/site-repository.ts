import type { Site } from '@aftercare/shared';

/** Storage port for sites. */
export interface SiteRepository {
  /** Stores a new site. Throws `CONFLICT` if the id or key is taken. */
  create(site: Site): Promise<Site>;
  getById(id: string): Promise<Site | null>;
  getByKey(key: string): Promise<Site | null>;
  listByTenant(tenantId: string): Promise<Site[]>;
}
