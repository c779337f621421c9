import type { Model } from 'mongoose';
import type {
  AgentChanges,
  AgentRecord,
  AgentRepository,
  AgentSession,
  NewAgentRecord,
  SessionRepository,
} from '../../domain/agents/agent-repository.js';
import { type AgentDocument, type SessionDocument, toAgentRecord, toAgentSession } from './account-schemas.js';
import { conflictOnDuplicate } from './mongo-errors.js';
import type { PendingWrites } from './pending-writes.js';

/** Console users in MongoDB; emails are lower-cased on the way in, for writes and lookups alike. */
export class MongoAgentRepository implements AgentRepository {
  constructor(
    private readonly agents: Model<AgentDocument>,
    private readonly pending: PendingWrites,
  ) {}

  async create(agent: NewAgentRecord): Promise<AgentRecord> {
    const doc: AgentDocument = {
      _id: agent.id,
      tenantId: agent.tenantId,
      email: agent.email.toLowerCase(),
      name: agent.name,
      role: agent.role,
      passwordHash: agent.passwordHash,
      active: agent.active,
      avatarUrl: agent.avatarUrl,
      capacity: agent.capacity ?? null,
      createdAt: new Date(agent.createdAt),
    };
    await this.pending.track(() =>
      conflictOnDuplicate(() => this.agents.insertOne(doc), `An agent with email ${doc.email} already exists.`),
    );
    return toAgentRecord(doc);
  }

  async getById(id: string): Promise<AgentRecord | null> {
    const doc = await this.agents.findById(id).lean<AgentDocument>().exec();
    return doc ? toAgentRecord(doc) : null;
  }

  async getByEmail(email: string): Promise<AgentRecord | null> {
    const doc = await this.agents.findOne({ email: email.toLowerCase() }).lean<AgentDocument>().exec();
    return doc ? toAgentRecord(doc) : null;
  }

  async listByTenant(tenantId: string): Promise<AgentRecord[]> {
    const docs = await this.agents.find({ tenantId }).sort({ createdAt: 1, _id: 1 }).lean<AgentDocument[]>().exec();
    return docs.map(toAgentRecord);
  }

  async update(tenantId: string, id: string, changes: AgentChanges): Promise<AgentRecord | null> {
    const set: Partial<AgentDocument> = {};
    if (changes.name !== undefined) set.name = changes.name;
    if (changes.role !== undefined) set.role = changes.role;
    if (changes.active !== undefined) set.active = changes.active;
    if (changes.avatarUrl !== undefined) set.avatarUrl = changes.avatarUrl;
    if (changes.passwordHash !== undefined) set.passwordHash = changes.passwordHash;
    if (Object.keys(set).length === 0) {
      const doc = await this.agents.findOne({ _id: id, tenantId }).lean<AgentDocument>().exec();
      return doc ? toAgentRecord(doc) : null;
    }
    const doc = await this.pending.track(() =>
      this.agents
        .findOneAndUpdate({ _id: id, tenantId }, { $set: set }, { returnDocument: 'after', runValidators: true })
        .lean<AgentDocument>()
        .exec(),
    );
    return doc ? toAgentRecord(doc) : null;
  }

  async setCapacity(tenantId: string, id: string, capacity: number | null): Promise<AgentRecord | null> {
    const doc = await this.pending.track(() =>
      this.agents
        .findOneAndUpdate(
          { _id: id, tenantId },
          { $set: { capacity } },
          { returnDocument: 'after', runValidators: true },
        )
        .lean<AgentDocument>()
        .exec(),
    );
    return doc ? toAgentRecord(doc) : null;
  }
}

/** Agent sessions in MongoDB, keyed by the token's hash and expired by a TTL index. */
export class MongoSessionRepository implements SessionRepository {
  constructor(
    private readonly sessions: Model<SessionDocument>,
    private readonly pending: PendingWrites,
  ) {}

  async create(session: AgentSession): Promise<void> {
    const doc: SessionDocument = {
      _id: session.tokenHash,
      agentId: session.agentId,
      createdAt: new Date(session.createdAt),
      expiresAt: new Date(session.expiresAt),
    };
    await this.pending.track(() =>
      conflictOnDuplicate(() => this.sessions.insertOne(doc), 'A session with this token already exists.'),
    );
  }

  async get(tokenHash: string, now: number): Promise<AgentSession | null> {
    const doc = await this.sessions.findById(tokenHash).lean<SessionDocument>().exec();
    if (!doc) return null;
    const session = toAgentSession(doc);
    // The TTL monitor deletes expired sessions only about once a minute, so expiry is checked here too.
    return session.expiresAt > now ? session : null;
  }

  async delete(tokenHash: string): Promise<void> {
    await this.pending.track(() => this.sessions.deleteOne({ _id: tokenHash }).exec());
  }

  async deleteAllForAgent(agentId: string): Promise<void> {
    await this.pending.track(() => this.sessions.deleteMany({ agentId }).exec());
  }
}
