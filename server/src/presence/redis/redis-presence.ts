import { ErrorReply } from 'redis';
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
import { PresenceUnavailableError, RoutingStateMissingError } from '../../domain/routing/routing-errors.js';
import { type LuaScript, presenceScripts, ROUTING_STATE_MISSING } from './presence-scripts.js';

/** The part of a node-redis v6 client this adapter uses; `createClient({ url })` satisfies it. */
export interface PresenceRedisClient {
  readonly isReady: boolean;
  sendCommand<T>(args: ReadonlyArray<string>): Promise<T>;
}

/**
 * Client options for the presence client: fail fast instead of queueing commands while Redis is
 * down (a queued claim could run minutes later, after the caller gave up), and reconnect with a
 * capped backoff forever.
 *
 * @example
 * const client = createClient({ url: config.redisUrl, ...presenceClientOptions });
 * client.on('error', (error) => logger.warn({ error }, 'redis presence client'));
 * await client.connect();
 * const presence = new RedisPresence(client);
 */
export const presenceClientOptions = {
  disableOfflineQueue: true,
  socket: {
    connectTimeout: 5_000,
    reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 2_000),
  },
};

/** Sets of tenants with connections; global, so outside any tenant's hash slot. */
const TENANTS_KEY = 'aftercare:presence-tenants';

type PresenceReply = [string, AgentStatus, number, number, number, number];

/**
 * Presence in Redis, shared by every server process (scale-out mode). Every operation is one Lua
 * script (`presence-scripts.ts`), so it is atomic across processes: two processes can never both
 * take an agent's last free slot.
 *
 * While Redis is unreachable every method rejects at once with `PresenceUnavailableError` (nothing
 * is queued, nothing half-applied); the client reconnects by itself. If Redis comes back empty
 * (restart without persistence, flush), routing operations reject with `RoutingStateMissingError`
 * until the routing service rebuilt load and queue from the store; statuses and connections come
 * back as consoles reconnect, heartbeat and re-send their status.
 */
export class RedisPresence implements PresencePort {
  private readonly options: PresenceOptions;

  /** `client` is connected by the caller, who also owns closing it. */
  constructor(
    private readonly client: PresenceRedisClient,
    options: Partial<PresenceOptions> = {},
  ) {
    this.options = { ...defaultPresenceOptions, ...options };
  }

  async connect(tenantId: string, agentId: string, connectionId: string, now: number): Promise<AgentPresence> {
    await this.command(tenantId, ['SADD', TENANTS_KEY, tenantId]);
    const { connectionTtlMs, defaultCapacity } = this.options;
    const reply = await this.run<PresenceReply>(presenceScripts.connect, tenantId, [
      agentId,
      connectionId,
      now,
      connectionTtlMs,
      defaultCapacity,
    ]);
    return toPresence(reply);
  }

  async heartbeat(tenantId: string, agentId: string, connectionId: string, now: number): Promise<boolean> {
    const args = [agentId, connectionId, now, this.options.connectionTtlMs];
    return (await this.run<number>(presenceScripts.heartbeat, tenantId, args)) === 1;
  }

  async disconnect(tenantId: string, agentId: string, connectionId: string, now: number): Promise<PresenceChange> {
    const args = [agentId, connectionId, now, this.options.defaultCapacity];
    return toChange(await this.run(presenceScripts.disconnect, tenantId, args));
  }

  async setStatus(tenantId: string, agentId: string, status: AgentStatus, now: number): Promise<PresenceChange> {
    const args = [agentId, status, now, this.options.defaultCapacity];
    return toChange(await this.run(presenceScripts.setStatus, tenantId, args));
  }

  async setCapacity(tenantId: string, agentId: string, capacity: number, now: number): Promise<AgentPresence> {
    if (!Number.isSafeInteger(capacity) || capacity < 0) throw new RangeError(`Invalid capacity ${capacity}`);
    const args = [agentId, capacity, now, this.options.defaultCapacity];
    return toPresence(await this.run(presenceScripts.setCapacity, tenantId, args));
  }

  async expireConnections(tenantId: string, now: number): Promise<AgentPresence[]> {
    const replies = await this.run<PresenceReply[]>(presenceScripts.expireConnections, tenantId, [
      now,
      this.options.defaultCapacity,
    ]);
    return replies.map(toPresence).sort(byAgentId);
  }

  async listTenants(): Promise<string[]> {
    return (await this.command<string[]>('', ['SMEMBERS', TENANTS_KEY])).sort();
  }

  async get(tenantId: string, agentId: string, now: number): Promise<AgentPresence> {
    const [reply] = await this.run<PresenceReply[]>(presenceScripts.read, tenantId, [
      now,
      this.options.defaultCapacity,
      agentId,
    ]);
    if (!reply) throw new Error('The presence read script returned nothing');
    return toPresence(reply);
  }

  async list(tenantId: string, now: number): Promise<AgentPresence[]> {
    const replies = await this.run<PresenceReply[]>(presenceScripts.read, tenantId, [
      now,
      this.options.defaultCapacity,
    ]);
    return replies.map(toPresence).sort(byAgentId);
  }

  async rebuild(tenantId: string, snapshot: RoutingSnapshot, options: { onlyIfMissing: boolean }): Promise<boolean> {
    const args = [
      options.onlyIfMissing ? 1 : 0,
      snapshot.loads.length,
      ...snapshot.loads.flatMap(({ agentId, load }) => [agentId, load]),
      snapshot.capacities.length,
      ...snapshot.capacities.flatMap(({ agentId, capacity }) => [agentId, capacity]),
      ...snapshot.queue.flatMap(({ conversationId, enqueuedAt, teamId }) => [conversationId, enqueuedAt, teamId ?? '']),
    ];
    return (await this.run<number>(presenceScripts.rebuild, tenantId, args)) === 1;
  }

  async offer(
    tenantId: string,
    conversationId: string,
    enqueuedAt: number,
    now: number,
    routing: { teamId?: string | null; teams?: TeamMembers } = {},
  ): Promise<OfferResult> {
    const args = [
      conversationId,
      enqueuedAt,
      now,
      this.options.defaultCapacity,
      routing.teamId ?? '',
      ...teamArgs(routing.teams ?? {}),
    ];
    const [kind, ...rest] = await this.run<[string, ...unknown[]]>(presenceScripts.offer, tenantId, args);
    return kind === 'assigned'
      ? { kind: 'assigned', agent: toPresence(rest as PresenceReply) }
      : { kind: 'queued', position: Number(rest[0]) };
  }

  async claim(tenantId: string, now: number, amongAgentIds?: readonly string[]): Promise<AgentPresence | null> {
    // An empty `among` must claim nobody, not everybody (no ids means "every agent" to the script).
    if (amongAgentIds?.length === 0) return null;
    const args = [now, this.options.defaultCapacity, ...(amongAgentIds ?? [])];
    const reply = await this.run<PresenceReply | null>(presenceScripts.claim, tenantId, args);
    return reply ? toPresence(reply) : null;
  }

  async claimNext(tenantId: string, now: number, teams: TeamMembers = {}): Promise<ClaimedConversation | null> {
    const args = [now, this.options.defaultCapacity, ...teamArgs(teams)];
    const reply = await this.run<[string, number, string, ...PresenceReply] | null>(
      presenceScripts.claimNext,
      tenantId,
      args,
    );
    if (!reply) return null;
    const [conversationId, enqueuedAt, teamId, ...presence] = reply;
    return { conversationId, enqueuedAt: Number(enqueuedAt), teamId: teamId || null, agent: toPresence(presence) };
  }

  async reserve(
    tenantId: string,
    agentId: string,
    now: number,
    options: { overCapacity: boolean },
  ): Promise<AgentPresence | null> {
    const args = [agentId, now, options.overCapacity ? 1 : 0, this.options.defaultCapacity];
    const reply = await this.run<PresenceReply | null>(presenceScripts.reserve, tenantId, args);
    return reply ? toPresence(reply) : null;
  }

  async release(tenantId: string, agentId: string, now: number): Promise<AgentPresence> {
    const args = [agentId, now, this.options.defaultCapacity];
    return toPresence(await this.run<PresenceReply>(presenceScripts.release, tenantId, args));
  }

  async enqueue(tenantId: string, conversationId: string, enqueuedAt: number, teamId?: string | null): Promise<number> {
    return this.run<number>(presenceScripts.enqueue, tenantId, [conversationId, enqueuedAt, teamId ?? '']);
  }

  async dequeue(tenantId: string, conversationId: string): Promise<boolean> {
    return (await this.run<number>(presenceScripts.dequeue, tenantId, [conversationId])) === 1;
  }

  async position(tenantId: string, conversationId: string): Promise<number | null> {
    return (await this.run<number | null>(presenceScripts.position, tenantId, [conversationId])) ?? null;
  }

  async queue(tenantId: string): Promise<QueuePosition[]> {
    const ids = await this.run<string[]>(presenceScripts.queue, tenantId, []);
    return ids.map((conversationId, i) => ({ conversationId, position: i + 1 }));
  }

  /** Runs a script by SHA1, loading it with EVAL when Redis does not know it (first use, restart, flush). */
  private async run<T>(script: LuaScript, tenantId: string, args: (string | number)[]): Promise<T> {
    const prefix = `aftercare:{${tenantId}}:`;
    const keys = [`${prefix}agents`, `${prefix}queue`, `${prefix}routing-ready`, `${prefix}queue-teams`];
    const tail = [String(keys.length), ...keys, prefix, ...args.map(String)];
    try {
      return await this.command<T>(tenantId, ['EVALSHA', script.sha1, ...tail]);
    } catch (error) {
      if (!(error instanceof ErrorReply && error.message.startsWith('NOSCRIPT'))) throw error;
      return this.command<T>(tenantId, ['EVAL', script.source, ...tail]);
    }
  }

  /** Sends one command, turning connection trouble into `PresenceUnavailableError`. */
  private async command<T>(tenantId: string, args: string[]): Promise<T> {
    if (!this.client.isReady) throw new PresenceUnavailableError('Redis is not connected');
    try {
      return await this.client.sendCommand<T>(args);
    } catch (error) {
      if (error instanceof ErrorReply) {
        if (error.message.startsWith(ROUTING_STATE_MISSING)) throw new RoutingStateMissingError(tenantId);
        // NOSCRIPT and script bugs: not an outage, so not retryable.
        throw error;
      }
      throw new PresenceUnavailableError('Redis did not answer', { cause: error });
    }
  }
}

/** Team members as script arguments: the number of teams, then per team its id, member count and members. */
function teamArgs(teams: TeamMembers): (string | number)[] {
  const entries = Object.entries(teams);
  return [entries.length, ...entries.flatMap(([teamId, members]) => [teamId, members.length, ...members])];
}

function toPresence(reply: unknown[]): AgentPresence {
  const [agentId, status, connections, capacity, load, idleSince] = reply;
  return {
    agentId: String(agentId),
    status: status as AgentStatus,
    connections: Number(connections),
    capacity: Number(capacity),
    load: Number(load),
    idleSince: Number(idleSince),
  };
}

function toChange(reply: unknown): PresenceChange {
  const values = reply as unknown[];
  return { presence: toPresence(values), changed: values[6] === 1 };
}

function byAgentId(a: AgentPresence, b: AgentPresence): number {
  return a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : 0;
}
