import type { CannedResponse } from '@aftercare/shared';
import type { Database } from 'better-sqlite3';
import type { CannedResponseRepository } from '../../domain/canned/canned-response-repository.js';
import { conflictOnDuplicate } from './sqlite-errors.js';

interface CannedResponseRow {
  id: string;
  tenant_id: string;
  shortcut: string;
  title: string;
  text: string;
  created_at: number;
  updated_at: number;
}

const columns = 'id, tenant_id, shortcut, title, text, created_at, updated_at';

function toCannedResponse(row: CannedResponseRow): CannedResponse {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    shortcut: row.shortcut,
    title: row.title,
    text: row.text,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const duplicate = (shortcut: string) => `A canned response with shortcut ${shortcut} already exists.`;

/** Canned responses in SQLite; the unique (tenant_id, shortcut) index is what refuses a taken shortcut. */
export class SqliteCannedResponseRepository implements CannedResponseRepository {
  private readonly insert;
  private readonly selectOne;
  private readonly selectByTenant;
  private readonly updateOne;
  private readonly deleteOne;

  constructor(db: Database) {
    this.insert = db.prepare<CannedResponseRow>(
      `INSERT INTO canned_responses (${columns})
       VALUES (@id, @tenant_id, @shortcut, @title, @text, @created_at, @updated_at)`,
    );
    this.selectOne = db.prepare<[string, string], CannedResponseRow>(
      `SELECT ${columns} FROM canned_responses WHERE tenant_id = ? AND id = ?`,
    );
    // BINARY collation: the same order as MongoDB's default (simple) string sort.
    this.selectByTenant = db.prepare<[string], CannedResponseRow>(
      `SELECT ${columns} FROM canned_responses WHERE tenant_id = ? ORDER BY shortcut`,
    );
    this.updateOne = db.prepare<
      { tenant_id: string; id: string; shortcut: string; title: string; text: string; updated_at: number },
      CannedResponseRow
    >(
      `UPDATE canned_responses SET shortcut = @shortcut, title = @title, text = @text, updated_at = @updated_at
       WHERE tenant_id = @tenant_id AND id = @id RETURNING ${columns}`,
    );
    this.deleteOne = db.prepare<[string, string]>('DELETE FROM canned_responses WHERE tenant_id = ? AND id = ?');
  }

  async create(response: CannedResponse): Promise<CannedResponse> {
    const row: CannedResponseRow = {
      id: response.id,
      tenant_id: response.tenantId,
      shortcut: response.shortcut,
      title: response.title,
      text: response.text,
      created_at: response.createdAt,
      updated_at: response.updatedAt,
    };
    conflictOnDuplicate(() => this.insert.run(row), duplicate(row.shortcut));
    return toCannedResponse(row);
  }

  async getById(tenantId: string, id: string): Promise<CannedResponse | null> {
    const row = this.selectOne.get(tenantId, id);
    return row ? toCannedResponse(row) : null;
  }

  async listByTenant(tenantId: string): Promise<CannedResponse[]> {
    return this.selectByTenant.all(tenantId).map(toCannedResponse);
  }

  async update(
    tenantId: string,
    id: string,
    changes: Pick<CannedResponse, 'shortcut' | 'title' | 'text' | 'updatedAt'>,
  ): Promise<CannedResponse | null> {
    const row = conflictOnDuplicate(
      () =>
        this.updateOne.get({
          tenant_id: tenantId,
          id,
          shortcut: changes.shortcut,
          title: changes.title,
          text: changes.text,
          updated_at: changes.updatedAt,
        }),
      duplicate(changes.shortcut),
    );
    return row ? toCannedResponse(row) : null;
  }

  async delete(tenantId: string, id: string): Promise<boolean> {
    return this.deleteOne.run(tenantId, id).changes > 0;
  }
}
