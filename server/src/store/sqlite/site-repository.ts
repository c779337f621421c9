import type { Site, SiteSettings } from '@aftercare/shared';
import type { Database } from 'better-sqlite3';
import type { SiteChanges, SiteRepository } from '../../domain/sites/site-repository.js';
import { mergeSettings, withDefaultSettings } from '../../domain/sites/site-settings.js';
import { conflictOnDuplicate } from './sqlite-errors.js';

interface SiteRow {
  id: string;
  tenant_id: string;
  key: string;
  name: string;
  allowed_origins: string;
  settings: string;
  created_at: number;
}

const columns = 'id, tenant_id, key, name, allowed_origins, settings, created_at';

function toSite(row: SiteRow): Site {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    key: row.key,
    name: row.name,
    allowedOrigins: JSON.parse(row.allowed_origins) as string[],
    settings: withDefaultSettings(JSON.parse(row.settings) as Partial<SiteSettings>),
    createdAt: row.created_at,
  };
}

/**
 * Sites in SQLite; `allowedOrigins` and `settings` are JSON columns because they are only ever read
 * and written whole.
 */
export class SqliteSiteRepository implements SiteRepository {
  private readonly insert;
  private readonly selectById;
  private readonly selectByKey;
  private readonly selectByTenant;
  private readonly updateTx;

  constructor(db: Database) {
    this.insert = db.prepare<SiteRow>(
      `INSERT INTO sites (${columns}) VALUES (@id, @tenant_id, @key, @name, @allowed_origins, @settings, @created_at)`,
    );
    this.selectById = db.prepare<[string], SiteRow>(`SELECT ${columns} FROM sites WHERE id = ?`);
    this.selectByKey = db.prepare<[string], SiteRow>(`SELECT ${columns} FROM sites WHERE key = ?`);
    this.selectByTenant = db.prepare<[string], SiteRow>(
      `SELECT ${columns} FROM sites WHERE tenant_id = ? ORDER BY created_at, rowid`,
    );
    const selectOwned = db.prepare<[string, string], SiteRow>(
      `SELECT ${columns} FROM sites WHERE tenant_id = ? AND id = ?`,
    );
    const updateOne = db.prepare<Pick<SiteRow, 'id' | 'name' | 'allowed_origins' | 'settings'>, SiteRow>(
      `UPDATE sites SET name = @name, allowed_origins = @allowed_origins, settings = @settings
       WHERE id = @id RETURNING ${columns}`,
    );
    // Read, merge and write in one immediate transaction: no other writer can slip in between.
    this.updateTx = db.transaction((tenantId: string, id: string, changes: SiteChanges) => {
      const row = selectOwned.get(tenantId, id);
      if (!row) return null;
      const current = toSite(row);
      return updateOne.get({
        id,
        name: changes.name ?? current.name,
        allowed_origins: JSON.stringify(changes.allowedOrigins ?? current.allowedOrigins),
        settings: JSON.stringify(
          changes.settings ? mergeSettings(current.settings, changes.settings) : current.settings,
        ),
      });
    });
  }

  async create(site: Site): Promise<Site> {
    const row: SiteRow = {
      id: site.id,
      tenant_id: site.tenantId,
      key: site.key,
      name: site.name,
      allowed_origins: JSON.stringify(site.allowedOrigins),
      settings: JSON.stringify(site.settings),
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

  async update(tenantId: string, id: string, changes: SiteChanges): Promise<Site | null> {
    const row = this.updateTx.immediate(tenantId, id, changes);
    return row ? toSite(row) : null;
  }
}
