import type { Agent } from '@aftercare/shared';

/** An agent as stored, with the password hash that never leaves the server. */
export interface AgentRecord extends Agent {
  passwordHash: string;
  /**
   * How many conversations routing may give the agent at once; null: the configured default. The
   * truth that presence's capacity is rebuilt from after a restart (like `assigneeId` is for load).
   */
  capacity: number | null;
}

/** What `AgentRepository.create` takes: without a capacity, the default applies. */
export type NewAgentRecord = Omit<AgentRecord, 'capacity'> & { capacity?: number | null };

/** Storage port for console users. Emails are stored lower-cased and are unique across tenants. */
export interface AgentRepository {
  /** Throws `CONFLICT` if the email is taken. */
  create(agent: NewAgentRecord): Promise<AgentRecord>;
  getById(id: string): Promise<AgentRecord | null>;
  getByEmail(email: string): Promise<AgentRecord | null>;
  listByTenant(tenantId: string): Promise<AgentRecord[]>;
  /** Applies `changes` to the tenant's agent; null when the tenant has no such agent. */
  update(tenantId: string, id: string, changes: AgentChanges): Promise<AgentRecord | null>;
  /** Sets the tenant's agent's capacity (null: back to the default); null when the tenant has no such agent. */
  setCapacity(tenantId: string, id: string, capacity: number | null): Promise<AgentRecord | null>;
}

/** What `AgentRepository.update` may change; absent fields are kept. */
export type AgentChanges = Partial<Pick<AgentRecord, 'name' | 'role' | 'active' | 'avatarUrl' | 'passwordHash'>>;

/** A signed-in console session. The token itself is never stored, only its SHA-256. */
export interface AgentSession {
  tokenHash: string;
  agentId: string;
  createdAt: number;
  expiresAt: number;
}

/** Storage port for agent sessions. */
export interface SessionRepository {
  create(session: AgentSession): Promise<void>;
  /** The session, or null when unknown or expired at `now`. */
  get(tokenHash: string, now: number): Promise<AgentSession | null>;
  delete(tokenHash: string): Promise<void>;
  /** Signs an agent out everywhere. */
  deleteAllForAgent(agentId: string): Promise<void>;
}
