import {
  type AgentPresence,
  type AgentStatus,
  type ClaimedConversation,
  defaultPresenceOptions,
  type OfferResult,
  type PresenceChange,
  type PresenceOptions,
  type PresencePort,
  type QueuePosition,
  type RoutingSnapshot,
  type TeamMembers,
} from '../../domain/routing/presence-port.js';
import { RoutingStateMissingError } from '../../domain/routing/routing-errors.js';

interface AgentState {
  agentId: string;
  /** As last set; reads turn `online` without a live connection into `away`. */
  status: AgentStatus;
  /** Null until an admin sets it: the default applies. */
  capacity: number | null;
  load: number;
  idleSince: number;
  /** Connection id → expiry time. */
  connections: Map<string, number>;
}

interface QueueEntry {
  enqueuedAt: number;
  teamId: string | null;
}

interface TenantState {
  agents: Map<string, AgentState>;
  /** Conversation id → when it was enqueued and the team it waits for (null: anyone). */
  queue: Map<string, QueueEntry>;
  routingReady: boolean;
}

/**
 * Presence for the embedded single-process mode. Each method runs synchronously to completion, so
 * every operation is atomic without locks. The state dies with the process: after a restart the
 * routing service rebuilds load and queue from the store (see `PresencePort.rebuild`).
 */
export class MemoryPresence implements PresencePort {
  private readonly tenants = new Map<string, TenantState>();
  private readonly options: PresenceOptions;

  constructor(options: Partial<PresenceOptions> = {}) {
    this.options = { ...defaultPresenceOptions, ...options };
  }

  async connect(tenantId: string, agentId: string, connectionId: string, now: number): Promise<AgentPresence> {
    const agent = this.agent(tenantId, agentId);
    agent.connections.set(connectionId, now + this.options.connectionTtlMs);
    return this.toPresence(agent, now);
  }

  async heartbeat(tenantId: string, agentId: string, connectionId: string, now: number): Promise<boolean> {
    const agent = this.agent(tenantId, agentId);
    const alive = (agent.connections.get(connectionId) ?? 0) > now;
    agent.connections.set(connectionId, now + this.options.connectionTtlMs);
    return alive;
  }

  async disconnect(tenantId: string, agentId: string, connectionId: string, now: number): Promise<PresenceChange> {
    const agent = this.agent(tenantId, agentId);
    const before = this.effectiveStatus(agent, now);
    agent.connections.delete(connectionId);
    if (agent.status === 'online' && this.liveConnections(agent, now) === 0) agent.status = 'away';
    return this.change(agent, before, now);
  }

  async setStatus(tenantId: string, agentId: string, status: AgentStatus, now: number): Promise<PresenceChange> {
    const agent = this.agent(tenantId, agentId);
    const before = this.effectiveStatus(agent, now);
    agent.status = status === 'online' && this.liveConnections(agent, now) === 0 ? 'away' : status;
    if (agent.status === 'online' && before !== 'online') agent.idleSince = now;
    return this.change(agent, before, now);
  }

  async setCapacity(tenantId: string, agentId: string, capacity: number, now: number): Promise<AgentPresence> {
    if (!Number.isSafeInteger(capacity) || capacity < 0) throw new RangeError(`Invalid capacity ${capacity}`);
    const agent = this.agent(tenantId, agentId);
    agent.capacity = capacity;
    return this.toPresence(agent, now);
  }

  async expireConnections(tenantId: string, now: number): Promise<AgentPresence[]> {
    const wentAway: AgentPresence[] = [];
    for (const agent of this.sortedAgents(tenantId)) {
      if (agent.status === 'online' && this.liveConnections(agent, now) === 0) {
        agent.status = 'away';
        wentAway.push(this.toPresence(agent, now));
      }
    }
    return wentAway;
  }

  async listTenants(): Promise<string[]> {
    return [...this.tenants.keys()].sort();
  }

  async get(tenantId: string, agentId: string, now: number): Promise<AgentPresence> {
    const agent = this.tenants.get(tenantId)?.agents.get(agentId);
    return agent ? this.toPresence(agent, now) : this.toPresence(newAgentState(agentId), now);
  }

  async list(tenantId: string, now: number): Promise<AgentPresence[]> {
    return this.sortedAgents(tenantId).map((agent) => this.toPresence(agent, now));
  }

  async rebuild(tenantId: string, snapshot: RoutingSnapshot, options: { onlyIfMissing: boolean }): Promise<boolean> {
    const tenant = this.tenant(tenantId);
    if (options.onlyIfMissing && tenant.routingReady) return false;
    for (const agent of tenant.agents.values()) agent.load = 0;
    for (const { agentId, load } of snapshot.loads) this.agent(tenantId, agentId).load = load;
    for (const { agentId, capacity } of snapshot.capacities) this.agent(tenantId, agentId).capacity = capacity;
    tenant.queue = new Map(
      snapshot.queue.map((entry) => [
        entry.conversationId,
        { enqueuedAt: entry.enqueuedAt, teamId: entry.teamId ?? null },
      ]),
    );
    tenant.routingReady = true;
    return true;
  }

  async offer(
    tenantId: string,
    conversationId: string,
    enqueuedAt: number,
    now: number,
    routing: { teamId?: string | null; teams?: TeamMembers } = {},
  ): Promise<OfferResult> {
    const tenant = this.readyTenant(tenantId);
    const teamId = routing.teamId ?? null;
    const teams = routing.teams ?? {};
    const eligible = this.eligibleByRank(tenant, now);
    // Whoever waits and could be served goes first (FIFO); a chat already waiting keeps its place.
    const servableBefore =
      tenant.queue.has(conversationId) ||
      orderedQueue(tenant).some((entry) => pickFor(eligible, entry.teamId, teams) !== undefined);
    const best = servableBefore ? undefined : pickFor(eligible, teamId, teams);
    if (best) return { kind: 'assigned', agent: this.take(best, now) };
    return { kind: 'queued', position: this.addToQueue(tenant, conversationId, enqueuedAt, teamId) };
  }

  async claim(tenantId: string, now: number, amongAgentIds?: readonly string[]): Promise<AgentPresence | null> {
    const among = amongAgentIds ? new Set(amongAgentIds) : null;
    const best = this.eligibleByRank(this.readyTenant(tenantId), now).find(
      (agent) => !among || among.has(agent.agentId),
    );
    return best ? this.take(best, now) : null;
  }

  async claimNext(tenantId: string, now: number, teams: TeamMembers = {}): Promise<ClaimedConversation | null> {
    const tenant = this.readyTenant(tenantId);
    const eligible = this.eligibleByRank(tenant, now);
    if (eligible.length === 0) return null;
    for (const entry of orderedQueue(tenant)) {
      const best = pickFor(eligible, entry.teamId, teams);
      if (!best) continue;
      tenant.queue.delete(entry.conversationId);
      return { ...entry, agent: this.take(best, now) };
    }
    return null;
  }

  async reserve(
    tenantId: string,
    agentId: string,
    now: number,
    options: { overCapacity: boolean },
  ): Promise<AgentPresence | null> {
    const agent = this.readyTenant(tenantId).agents.get(agentId);
    if (!agent) return null;
    const allowed = options.overCapacity ? agent.status !== 'offline' : this.isEligible(agent, now);
    return allowed ? this.take(agent, now) : null;
  }

  async release(tenantId: string, agentId: string, now: number): Promise<AgentPresence> {
    this.readyTenant(tenantId);
    const agent = this.agent(tenantId, agentId);
    agent.load = Math.max(0, agent.load - 1);
    return this.toPresence(agent, now);
  }

  async enqueue(tenantId: string, conversationId: string, enqueuedAt: number, teamId?: string | null): Promise<number> {
    const tenant = this.readyTenant(tenantId);
    const queued = tenant.queue.get(conversationId);
    if (queued) queued.teamId = teamId ?? null;
    return this.addToQueue(tenant, conversationId, enqueuedAt, teamId ?? null);
  }

  async dequeue(tenantId: string, conversationId: string): Promise<boolean> {
    return this.readyTenant(tenantId).queue.delete(conversationId);
  }

  async position(tenantId: string, conversationId: string): Promise<number | null> {
    const index = orderedQueue(this.readyTenant(tenantId)).findIndex((e) => e.conversationId === conversationId);
    return index === -1 ? null : index + 1;
  }

  async queue(tenantId: string): Promise<QueuePosition[]> {
    return orderedQueue(this.readyTenant(tenantId)).map(({ conversationId }, i) => ({
      conversationId,
      position: i + 1,
    }));
  }

  private tenant(tenantId: string): TenantState {
    let tenant = this.tenants.get(tenantId);
    if (!tenant) {
      tenant = { agents: new Map(), queue: new Map(), routingReady: false };
      this.tenants.set(tenantId, tenant);
    }
    return tenant;
  }

  private readyTenant(tenantId: string): TenantState {
    const tenant = this.tenant(tenantId);
    if (!tenant.routingReady) throw new RoutingStateMissingError(tenantId);
    return tenant;
  }

  private agent(tenantId: string, agentId: string): AgentState {
    const agents = this.tenant(tenantId).agents;
    let agent = agents.get(agentId);
    if (!agent) {
      agent = newAgentState(agentId);
      agents.set(agentId, agent);
    }
    return agent;
  }

  private sortedAgents(tenantId: string): AgentState[] {
    return [...(this.tenants.get(tenantId)?.agents.values() ?? [])].sort((a, b) => compareIds(a.agentId, b.agentId));
  }

  /** Forgets expired connections and counts the rest. */
  private liveConnections(agent: AgentState, now: number): number {
    for (const [id, expiresAt] of agent.connections) if (expiresAt <= now) agent.connections.delete(id);
    return agent.connections.size;
  }

  private effectiveStatus(agent: AgentState, now: number): AgentStatus {
    return agent.status === 'online' && this.liveConnections(agent, now) === 0 ? 'away' : agent.status;
  }

  private capacityOf(agent: AgentState): number {
    return agent.capacity ?? this.options.defaultCapacity;
  }

  private isEligible(agent: AgentState, now: number): boolean {
    return agent.status === 'online' && agent.load < this.capacityOf(agent) && this.liveConnections(agent, now) > 0;
  }

  /** Eligible agents, best first: least load, then longest idle, then smallest id (the Redis script's order). */
  private eligibleByRank(tenant: TenantState, now: number): AgentState[] {
    return [...tenant.agents.values()]
      .filter((agent) => this.isEligible(agent, now))
      .sort((a, b) => a.load - b.load || a.idleSince - b.idleSince || compareIds(a.agentId, b.agentId));
  }

  private take(agent: AgentState, now: number): AgentPresence {
    agent.load += 1;
    agent.idleSince = now;
    return this.toPresence(agent, now);
  }

  private addToQueue(tenant: TenantState, conversationId: string, enqueuedAt: number, teamId: string | null): number {
    if (!tenant.queue.has(conversationId)) tenant.queue.set(conversationId, { enqueuedAt, teamId });
    return orderedQueue(tenant).findIndex((e) => e.conversationId === conversationId) + 1;
  }

  private change(agent: AgentState, before: AgentStatus, now: number): PresenceChange {
    const presence = this.toPresence(agent, now);
    return { presence, changed: presence.status !== before };
  }

  private toPresence(agent: AgentState, now: number): AgentPresence {
    return {
      agentId: agent.agentId,
      status: this.effectiveStatus(agent, now),
      connections: this.liveConnections(agent, now),
      capacity: this.capacityOf(agent),
      load: agent.load,
      idleSince: agent.idleSince,
    };
  }
}

function newAgentState(agentId: string): AgentState {
  return { agentId, status: 'offline', capacity: null, load: 0, idleSince: 0, connections: new Map() };
}

/** Byte order for ASCII ids, as Redis compares sorted-set members and strings. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The best of `eligible` (ranked) who may take a chat of `teamId`: a member, or anyone without a (known) team. */
function pickFor(eligible: AgentState[], teamId: string | null, teams: TeamMembers): AgentState | undefined {
  const members = teamId !== null && Object.hasOwn(teams, teamId) ? teams[teamId] : undefined;
  return members ? eligible.find((agent) => members.includes(agent.agentId)) : eligible[0];
}

/** FIFO by `enqueuedAt`, ties by id: the order of a Redis sorted set scored by `enqueuedAt`. */
function orderedQueue(tenant: TenantState): { conversationId: string; enqueuedAt: number; teamId: string | null }[] {
  return [...tenant.queue]
    .map(([conversationId, { enqueuedAt, teamId }]) => ({ conversationId, enqueuedAt, teamId }))
    .sort((a, b) => a.enqueuedAt - b.enqueuedAt || compareIds(a.conversationId, b.conversationId));
}
