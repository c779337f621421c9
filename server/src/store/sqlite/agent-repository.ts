import type { AgentRole } from '@aftercare/shared';
import type { Database } from 'better-sqlite3';
import type {
  AgentRecord,
  AgentRepository,
  AgentSession,
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
  created_at: number;
}

interface SessionRow {
  token_hash: string;
  agent_id: string;
  created_at: number;
  expires_at: number;
}

const agentColumns = 'id, tenant_id, email, name, role, password_hash, created_at';

function toAgent(row: AgentRow): AgentRecord {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    email: row.email,
    name: row.name,
    role: row.role as AgentRole,
    passwordHash: row.password_hash,
    createdAt: row.created_at,
  };
}

/** Console users in SQLite. Emails are lower-cased in JS (not SQL `lower()`) to match the MongoDB adapter. */
export class SqliteAgentRepository implements AgentRepository {
  private readonly insert;
  private readonly selectById;
  private readonly selectByEmail;
  private readonly selectByTenant;

  constructor(db: Database) {
    this.insert = db.prepare<AgentRow>(
      `INSERT INTO agents (${agentColumns})
       VALUES (@id, @tenant_id, @email, @name, @role, @password_hash, @created_at)`,
    );
    this.selectById = db.prepare<[string], AgentRow>(`SELECT ${agentColumns} FROM agents WHERE id = ?`);
    this.selectByEmail = db.prepare<[string], AgentRow>(`SELECT ${agentColumns} FROM agents WHERE email = ?`);
    this.selectByTenant = db.prepare<[string], AgentRow>(
      `SELECT ${agentColumns} FROM agents WHERE tenant_id = ? ORDER BY created_at, rowid`,
    );
  }

  async create(agent: AgentRecord): Promise<AgentRecord> {
    const row: AgentRow = {
      id: agent.id,
      tenant_id: agent.tenantId,
      email: agent.email.toLowerCase(),
      name: agent.name,
      role: agent.role,
      password_hash: agent.passwordHash,
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
