import type { AgentRole } from '@aftercare/shared';
import type { Database } from 'better-sqlite3';
import type {
  AgentChanges,
  AgentRecord,
  AgentRepository,
  AgentSession,
  NewAgentRecord,
  SessionRepository,
} from '../../domain/agents/agent-repository.js';
import { conflictOnDuplicate } from './sqlite-errors.js';

interface AgentRow {
  id: string;
  tenant_id: string;
  email: string;
  name: string;
  role: string;
  password_hash: string;
  active: number;
  avatar_url: string | null;
  capacity: number | null;
  created_at: number;
}

interface SessionRow {
  token_hash: string;
  agent_id: string;
  created_at: number;
  expires_at: number;
}

const agentColumns = 'id, tenant_id, email, name, role, password_hash, active, avatar_url, capacity, created_at';

function toAgent(row: AgentRow): AgentRecord {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    email: row.email,
    name: row.name,
    role: row.role as AgentRole,
    passwordHash: row.password_hash,
    active: row.active === 1,
    avatarUrl: row.avatar_url,
    capacity: row.capacity,
    createdAt: row.created_at,
  };
}

/** Console users in SQLite. Emails are lower-cased in JS (not SQL `lower()`) to match the MongoDB adapter. */
export class SqliteAgentRepository implements AgentRepository {
  private readonly insert;
  private readonly selectById;
  private readonly selectByEmail;
  private readonly selectByTenant;
  private readonly updateOne;
  private readonly updateCapacity;

  constructor(db: Database) {
    this.insert = db.prepare<AgentRow>(
      `INSERT INTO agents (${agentColumns})
       VALUES (@id, @tenant_id, @email, @name, @role, @password_hash, @active, @avatar_url, @capacity, @created_at)`,
    );
    // COALESCE keeps absent fields; `avatar_url` takes a flag because null is a real value (no picture).
    this.updateOne = db.prepare<
      {
        tenant_id: string;
        id: string;
        name: string | null;
        role: string | null;
        active: number | null;
        set_avatar: number;
        avatar_url: string | null;
        password_hash: string | null;
      },
      AgentRow
    >(
      `UPDATE agents SET name = COALESCE(@name, name), role = COALESCE(@role, role),
         active = COALESCE(@active, active), password_hash = COALESCE(@password_hash, password_hash),
         avatar_url = CASE WHEN @set_avatar = 1 THEN @avatar_url ELSE avatar_url END
       WHERE tenant_id = @tenant_id AND id = @id RETURNING ${agentColumns}`,
    );
    this.updateCapacity = db.prepare<{ tenant_id: string; id: string; capacity: number | null }, AgentRow>(
      `UPDATE agents SET capacity = @capacity WHERE tenant_id = @tenant_id AND id = @id RETURNING ${agentColumns}`,
    );
    this.selectById = db.prepare<[string], AgentRow>(`SELECT ${agentColumns} FROM agents WHERE id = ?`);
    this.selectByEmail = db.prepare<[string], AgentRow>(`SELECT ${agentColumns} FROM agents WHERE email = ?`);
    this.selectByTenant = db.prepare<[string], AgentRow>(
      `SELECT ${agentColumns} FROM agents WHERE tenant_id = ? ORDER BY created_at, rowid`,
    );
  }

  async create(agent: NewAgentRecord): Promise<AgentRecord> {
    const row: AgentRow = {
      id: agent.id,
      tenant_id: agent.tenantId,
      email: agent.email.toLowerCase(),
      name: agent.name,
      role: agent.role,
      password_hash: agent.passwordHash,
      active: agent.active ? 1 : 0,
      avatar_url: agent.avatarUrl,
      capacity: agent.capacity ?? null,
      created_at: agent.createdAt,
    };
    conflictOnDuplicate(() => this.insert.run(row), `An agent with email ${row.email} already exists.`);
    return toAgent(row);
  }

  async getById(id: string): Promise<AgentRecord | null> {
    const row = this.selectById.get(id);
    return row ? toAgent(row) : null;
  }

  async getByEmail(email: string): Promise<AgentRecord | null> {
    const row = this.selectByEmail.get(email.toLowerCase());
    return row ? toAgent(row) : null;
  }

  async listByTenant(tenantId: string): Promise<AgentRecord[]> {
    return this.selectByTenant.all(tenantId).map(toAgent);
  }

  async update(tenantId: string, id: string, changes: AgentChanges): Promise<AgentRecord | null> {
    const row = this.updateOne.get({
      tenant_id: tenantId,
      id,
      name: changes.name ?? null,
      role: changes.role ?? null,
      active: changes.active === undefined ? null : changes.active ? 1 : 0,
      set_avatar: changes.avatarUrl === undefined ? 0 : 1,
      avatar_url: changes.avatarUrl ?? null,
      password_hash: changes.passwordHash ?? null,
    });
    return row ? toAgent(row) : null;
  }

  async setCapacity(tenantId: string, id: string, capacity: number | null): Promise<AgentRecord | null> {
    const row = this.updateCapacity.get({ tenant_id: tenantId, id, capacity });
    return row ? toAgent(row) : null;
  }
}

/** Agent sessions in SQLite, keyed by the token's hash. Deleting an agent deletes its sessions. */
export class SqliteSessionRepository implements SessionRepository {
  private readonly insert;
  private readonly selectLive;
  private readonly deleteOne;
  private readonly deleteByAgent;

  constructor(db: Database) {
    this.insert = db.prepare<SessionRow>(
      `INSERT INTO agent_sessions (token_hash, agent_id, created_at, expires_at)
       VALUES (@token_hash, @agent_id, @created_at, @expires_at)`,
    );
    this.selectLive = db.prepare<[string, number], SessionRow>(
      'SELECT token_hash, agent_id, created_at, expires_at FROM agent_sessions WHERE token_hash = ? AND expires_at > ?',
    );
    this.deleteOne = db.prepare<[string]>('DELETE FROM agent_sessions WHERE token_hash = ?');
    this.deleteByAgent = db.prepare<[string]>('DELETE FROM agent_sessions WHERE agent_id = ?');
  }

  async create(session: AgentSession): Promise<void> {
    conflictOnDuplicate(
      () =>
        this.insert.run({
          token_hash: session.tokenHash,
          agent_id: session.agentId,
          created_at: session.createdAt,
          expires_at: session.expiresAt,
        }),
      'A session with this token already exists.',
    );
  }

  async get(tokenHash: string, now: number): Promise<AgentSession | null> {
    const row = this.selectLive.get(tokenHash, now);
    if (!row) return null;
    return { tokenHash: row.token_hash, agentId: row.agent_id, createdAt: row.created_at, expiresAt: row.expires_at };
  }

  async delete(tokenHash: string): Promise<void> {
    this.deleteOne.run(tokenHash);
  }

  async deleteAllForAgent(agentId: string): Promise<void> {
    this.deleteByAgent.run(agentId);
  }
}
