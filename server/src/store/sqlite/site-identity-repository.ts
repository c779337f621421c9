import type { SiteIdentity } from '@aftercare/shared';
import type { Database } from 'better-sqlite3';
import type { SiteIdentityChanges, SiteIdentityRepository } from '../../domain/sites/site-identity-repository.js';

interface SiteIdentityRow {
  site_id: string;
  secret: string;
  required: 0 | 1;
  rotated_at: number;
}

const columns = 'site_id, secret, required, rotated_at';

function toSiteIdentity(row: SiteIdentityRow): SiteIdentity {
  return { siteId: row.site_id, secret: row.secret, required: row.required === 1, rotatedAt: row.rotated_at };
}

/** Sites' identity verification settings in SQLite (table `site_identities`, migration 12). */
export class SqliteSiteIdentityRepository implements SiteIdentityRepository {
  private readonly select;
  private readonly insertIfAbsent;
  private readonly updateFields;

  constructor(db: Database) {
    this.select = db.prepare<[string], SiteIdentityRow>(`SELECT ${columns} FROM site_identities WHERE site_id = ?`);
    this.insertIfAbsent = db.prepare<SiteIdentityRow>(
      `INSERT INTO site_identities (${columns}) VALUES (@site_id, @secret, @required, @rotated_at)
       ON CONFLICT (site_id) DO NOTHING`,
    );
    // COALESCE keeps a field the caller did not name (NULL).
    this.updateFields = db.prepare<
      { site_id: string; secret: string | null; required: 0 | 1 | null; rotated_at: number | null },
      SiteIdentityRow
    >(
      `UPDATE site_identities SET secret = COALESCE(@secret, secret), required = COALESCE(@required, required),
         rotated_at = COALESCE(@rotated_at, rotated_at)
       WHERE site_id = @site_id RETURNING ${columns}`,
    );
  }

  async get(siteId: string): Promise<SiteIdentity | null> {
    const row = this.select.get(siteId);
    return row ? toSiteIdentity(row) : null;
  }

  async ensure(initial: SiteIdentity): Promise<SiteIdentity> {
    this.insertIfAbsent.run({
      site_id: initial.siteId,
      secret: initial.secret,
      required: initial.required ? 1 : 0,
      rotated_at: initial.rotatedAt,
    });
    const row = this.select.get(initial.siteId);
    if (!row) throw new Error(`site_identities: the row of ${initial.siteId} vanished after insert`);
    return toSiteIdentity(row);
  }

  async update(siteId: string, changes: SiteIdentityChanges): Promise<SiteIdentity | null> {
    const row = this.updateFields.get({
      site_id: siteId,
      secret: changes.secret ?? null,
      required: changes.required === undefined ? null : changes.required ? 1 : 0,
      rotated_at: changes.rotatedAt ?? null,
    });
    return row ? toSiteIdentity(row) : null;
  }
}
