import type { Team } from '@aftercare/shared';
import type { Database } from 'better-sqlite3';
import type { TeamRepository } from '../../domain/teams/team-repository.js';
import { conflictOnDuplicate } from './sqlite-errors.js';

interface TeamRow {
  id: string;
  tenant_id: string;
  name: string;
  name_key: string;
  member_ids: string;
  created_at: number;
}

const columns = 'id, tenant_id, name, name_key, member_ids, created_at';

function toTeam(row: TeamRow): Team {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    name: row.name,
    memberIds: JSON.parse(row.member_ids) as string[],
    createdAt: row.created_at,
  };
}

/** The key the unique index compares, so two teams never differ only in case. */
export const teamNameKey = (name: string) => name.toLowerCase();

const duplicate = (name: string) => `A team named ${name} already exists.`;

/**
 * Teams in SQLite. Members are a JSON array: a team is read whole, and "which teams is this agent
 * in" is answered from the tenant's few teams in memory.
 */
export class SqliteTeamRepository implements TeamRepository {
  private readonly insert;
  private readonly selectOne;
  private readonly selectByTenant;
  private readonly updateOne;
  private readonly deleteOne;

  constructor(db: Database) {
    this.insert = db.prepare<TeamRow>(
      `INSERT INTO teams (${columns}) VALUES (@id, @tenant_id, @name, @name_key, @member_ids, @created_at)`,
    );
    this.selectOne = db.prepare<[string, string], TeamRow>(
      `SELECT ${columns} FROM teams WHERE tenant_id = ? AND id = ?`,
    );
    // BINARY order of the lower-cased name: the same as MongoDB's default string sort of `nameKey`.
    this.selectByTenant = db.prepare<[string], TeamRow>(
      `SELECT ${columns} FROM teams WHERE tenant_id = ? ORDER BY name_key, id`,
    );
    this.updateOne = db.prepare<Omit<TeamRow, 'created_at'>, TeamRow>(
      `UPDATE teams SET name = @name, name_key = @name_key, member_ids = @member_ids
       WHERE tenant_id = @tenant_id AND id = @id RETURNING ${columns}`,
    );
    this.deleteOne = db.prepare<[string, string]>('DELETE FROM teams WHERE tenant_id = ? AND id = ?');
  }

  async create(team: Team): Promise<Team> {
    const row: TeamRow = {
      id: team.id,
      tenant_id: team.tenantId,
      name: team.name,
      name_key: teamNameKey(team.name),
      member_ids: JSON.stringify(team.memberIds),
      created_at: team.createdAt,
    };
    conflictOnDuplicate(() => this.insert.run(row), duplicate(team.name));
    return toTeam(row);
  }

  async getById(tenantId: string, id: string): Promise<Team | null> {
    const row = this.selectOne.get(tenantId, id);
    return row ? toTeam(row) : null;
  }

  async listByTenant(tenantId: string): Promise<Team[]> {
    return this.selectByTenant.all(tenantId).map(toTeam);
  }

  async update(tenantId: string, id: string, changes: Pick<Team, 'name' | 'memberIds'>): Promise<Team | null> {
    const row = conflictOnDuplicate(
      () =>
        this.updateOne.get({
          tenant_id: tenantId,
          id,
          name: changes.name,
          name_key: teamNameKey(changes.name),
          member_ids: JSON.stringify(changes.memberIds),
        }),
      duplicate(changes.name),
    );
    return row ? toTeam(row) : null;
  }

  async delete(tenantId: string, id: string): Promise<boolean> {
    return this.deleteOne.run(tenantId, id).changes > 0;
  }
}
