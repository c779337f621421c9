import type { AgentPresence, AgentStatus } from '@aftercare/shared';

export type { AgentPresence, AgentStatus } from '@aftercare/shared';
export { AGENT_STATUSES } from '@aftercare/shared';

/** A status change, and whether it was one (the transport broadcasts only real changes). */
export interface PresenceChange {
  presence: AgentPresence;
  changed: boolean;
}

/** A conversation waiting for an agent. The queue is FIFO by `enqueuedAt`, then by id. */
export interface QueuedConversation {
  conversationId: string;
  enqueuedAt: number;
  /** Set when the chat was transferred to a team: only its members may take it. Absent or null: anyone. */
  teamId?: string | null;
}

/**
 * The members of each of the tenant's teams (team id → agent ids), read from the store by the
 * caller. A queued conversation bound to a team that is not listed (deleted meanwhile) goes to anyone.
 */
export type TeamMembers = Readonly<Record<string, readonly string[]>>;

/** A waiting conversation and its 1-based place in the queue. */
export interface QueuePosition {
  conversationId: string;
  position: number;
}

/** What `offer` did with a new conversation. */
export type OfferResult = { kind: 'assigned'; agent: AgentPresence } | { kind: 'queued'; position: number };

/** The first conversation an eligible agent may take, taken together with the agent who gets it. */
export interface ClaimedConversation extends QueuedConversation {
  teamId: string | null;
  agent: AgentPresence;
}

/** What the store says the routing state should be; see `PresencePort.rebuild`. */
export interface RoutingSnapshot {
  /** Open conversations per assigned agent; agents not listed get load 0. */
  loads: { agentId: string; load: number }[];
  /** Open unassigned conversations, with the team each waits for. */
  queue: QueuedConversation[];
  /** Capacities an admin set (the store keeps them); agents not listed keep the capacity presence has. */
  capacities: { agentId: string; capacity: number }[];
}

/**
 * Presence, load and the waiting queue of each tenant, shared by every server process: in process
 * memory when there is one process, in Redis when there are several. All times are the caller's
 * clock (`now`), so the domain and tests control time. Every method is atomic on its own.
 *
 * Who is eligible for automatic routing: status `online`, at least one live connection, and
 * `load < capacity`. Among those the best agent has the least load, then the longest idle time,
 * then the smallest id (so every process breaks ties the same way).
 *
 * Load and queue are a cache of the store (conversations' `status` and `assigneeId`). The routing
 * operations (`offer`, `claim`, `claimNext`, `reserve`, `release`, queue changes) reject with
 * `RoutingStateMissingError` until `rebuild` has run for the tenant — after a process restart
 * (memory) or a Redis flush — so a lost load can never silently read as zero.
 *
 * Adapters reject with `PresenceUnavailableError` when their backend is unreachable; nothing is
 * half-applied then, and the caller may retry.
 */
export interface PresencePort {
  /** Registers a live console connection; it expires `connectionTtlMs` after `now` unless heartbeated. */
  connect(tenantId: string, agentId: string, connectionId: string, now: number): Promise<AgentPresence>;
  /**
   * Extends a connection's life. Returns false when it had already expired or was unknown; it is
   * registered again either way, but the agent may have gone `away` meanwhile.
   */
  heartbeat(tenantId: string, agentId: string, connectionId: string, now: number): Promise<boolean>;
  /** Closes a connection. When it was the agent's last live one, an `online` agent becomes `away`. */
  disconnect(tenantId: string, agentId: string, connectionId: string, now: number): Promise<PresenceChange>;
  /**
   * Sets the agent's status. `online` needs a live connection (otherwise the agent becomes `away`);
   * becoming online restarts `idleSince`.
   */
  setStatus(tenantId: string, agentId: string, status: AgentStatus, now: number): Promise<PresenceChange>;
  /** Sets how many conversations routing may give the agent (a non-negative integer). */
  setCapacity(tenantId: string, agentId: string, capacity: number, now: number): Promise<AgentPresence>;
  /** Drops expired connections; returns the agents that went from `online` to `away` because of it. */
  expireConnections(tenantId: string, now: number): Promise<AgentPresence[]>;
  /** Tenants that registered a connection, at least (for the periodic `expireConnections` sweep). */
  listTenants(): Promise<string[]>;
  /** One agent's presence; an agent never seen is `offline` with the default capacity. */
  get(tenantId: string, agentId: string, now: number): Promise<AgentPresence>;
  /** Every agent of the tenant that has presence state, by id. */
  list(tenantId: string, now: number): Promise<AgentPresence[]>;

  /**
   * Replaces the tenant's loads and queue with `snapshot` and sets the capacities it lists
   * (statuses and connections stay). With `onlyIfMissing`, does nothing when the state exists (several processes may race to
   * rebuild after a flush; the first wins). Returns whether it wrote.
   */
  rebuild(tenantId: string, snapshot: RoutingSnapshot, options: { onlyIfMissing: boolean }): Promise<boolean>;
  /**
   * A new conversation (bound to `teamId` when given): when no waiting conversation could be given
   * to an eligible agent first and an eligible agent may take this one (a member of its team, if
   * any), takes the best such agent (load + 1) and returns it; otherwise appends it to the queue
   * (keeping its place if already queued). One atomic step, so the queue keeps its order across processes.
   */
  offer(
    tenantId: string,
    conversationId: string,
    enqueuedAt: number,
    now: number,
    routing?: { teamId?: string | null; teams?: TeamMembers },
  ): Promise<OfferResult>;
  /**
   * Takes the best eligible agent (load + 1, `idleSince = now`) in one atomic step, or null. With
   * `amongAgentIds`, only those agents are considered (a transfer to a team).
   */
  claim(tenantId: string, now: number, amongAgentIds?: readonly string[]): Promise<AgentPresence | null>;
  /**
   * Removes the first queued conversation that an eligible agent may take (a member of its team,
   * for a team-bound one; FIFO otherwise) and claims the best such agent for it, atomically; null
   * when there is none. A team-bound conversation nobody may take yet does not hold up the ones behind it.
   */
  claimNext(tenantId: string, now: number, teams?: TeamMembers): Promise<ClaimedConversation | null>;
  /**
   * Takes one unit of a chosen agent's capacity: only when they are eligible, or with `overCapacity`
   * whenever their status is not `offline`. Null when refused.
   */
  reserve(
    tenantId: string,
    agentId: string,
    now: number,
    options: { overCapacity: boolean },
  ): Promise<AgentPresence | null>;
  /** Gives back one unit of load (never below zero). */
  release(tenantId: string, agentId: string, now: number): Promise<AgentPresence>;
  /**
   * Adds a conversation to the queue (or keeps its place) bound to `teamId` (null: anyone; this
   * replaces the team of a conversation already queued) and returns its position.
   */
  enqueue(tenantId: string, conversationId: string, enqueuedAt: number, teamId?: string | null): Promise<number>;
  /** Removes a conversation from the queue; false if it was not there. */
  dequeue(tenantId: string, conversationId: string): Promise<boolean>;
  /** A conversation's 1-based position, or null when it is not waiting. */
  position(tenantId: string, conversationId: string): Promise<number | null>;
  /** The whole queue in order. */
  queue(tenantId: string): Promise<QueuePosition[]>;
}

/** Settings both adapters share. */
export interface PresenceOptions {
  /** Capacity of an agent an admin never configured. */
  defaultCapacity: number;
  /** How long a connection lives without a heartbeat; heartbeat at a third of this. */
  connectionTtlMs: number;
}

export const defaultPresenceOptions: PresenceOptions = { defaultCapacity: 3, connectionTtlMs: 60_000 };
