import type { Site } from '@aftercare/shared';
import type { Database } from 'better-sqlite3';
import type { SiteRepository } from '../../domain/sites/site-repository.js';
import { conflictOnDuplicate } from './sqlite-errors.js';

interface SiteRow {
  id: string;
  tenant_id: string;
  key: string;
  name: string;
  allowed_origins: string;
  created_at: number;
}

const columns = 'id, tenant_id, key, name, allowed_origins, created_at';

function toSite(row: SiteRow): Site {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    key: row.key,
    name: row.name,
    allowedOrigins: JSON.parse(row.allowed_origins) as string[],
    createdAt: row.created_at,
  };
}

/** Sites in SQLite; `allowedOrigins` is a JSON array column because it is only ever read whole. */
export class SqliteSiteRepository implements SiteRepository {
  private readonly insert;
  private readonly selectById;
  private readonly selectByKey;
  private readonly selectByTenant;

  constructor(db: Database) {
    this.insert = db.prepare<SiteRow>(
      `INSERT INTO sites (${columns}) VALUES (@id, @tenant_id, @key, @name, @allowed_origins, @created_at)`,
    );
    this.selectById = db.prepare<[string], SiteRow>(`SELECT ${columns} FROM sites WHERE id = ?`);
    this.selectByKey = db.prepare<[string], SiteRow>(`SELECT ${columns} FROM sites WHERE key = ?`);
    this.selectByTenant = db.prepare<[string], SiteRow>(
      `SELECT ${columns} FROM sites WHERE tenant_id = ? ORDER BY created_at, rowid`,
    );
  }

  async create(site: Site): Promise<Site> {
    const row: SiteRow = {
      id: site.id,
      tenant_id: site.tenantId,
      key: site.key,
      name: site.name,
      allowed_origins: JSON.stringify(site.allowedOrigins),
      created_at: site.createdAt,
    };
    conflictOnDuplicate(() => this.insert.run(row), `A site with id ${site.id} or key ${site.key} already exists.`);
    return toSite(row);
  }

  async getById(id: string): Promise<Site | null> {
    const row = this.selectById.get(id);
    return row ? toSite(row) : null;
  }

  async getByKey(key: string): Promise<Site | null> {
    const row = this.selectByKey.get(key);
    return row ? toSite(row) : null;
  }

  async listByTenant(tenantId: string): Promise<Site[]> {
    return this.selectByTenant.all(tenantId).map(toSite);
  }
}
