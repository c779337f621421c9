import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Agent, AgentRole, Conversation, Site } from '@aftercare/shared';
import { afterAll, afterEach, beforeAll, beforeEach, describe } from 'vitest';
import type { PresenceOptions, PresencePort } from '../domain/routing/presence-port.js';
import { createRoutingService, type RoutingService } from '../domain/routing/routing-service.js';
import { MemoryPresence } from '../presence/memory/memory-presence.js';
import { RedisPresence } from '../presence/redis/redis-presence.js';
import { newAgent, newId, newSite, seedConversation, T0 } from '../store/contract/fixtures.js';
import { openSqliteStore, type SqliteStore } from '../store/sqlite/sqlite-store.js';
import { connectTestClient, hasRedisServer, REDIS_SERVER_BINARY, startRedisServer } from './redis-server.js';

export const routingTestOptions: PresenceOptions = { defaultCapacity: 1, connectionTtlMs: 30_000 };

/** A clock the test moves by hand. */
export class FakeClock {
  constructor(private time: number) {}
  now = (): number => this.time;
  advance(ms: number): void {
    this.time += ms;
  }
}

/** Where presence lives: `fresh` empties it (a restart without persistence), `peer` is another process's view. */
interface PresenceBackend {
  fresh(): Promise<PresencePort>;
  peer(): PresencePort;
}

/**
 * A routing service over a real SQLite store and a real presence adapter, with a fake clock, and
 * the steps the transport would take (an agent signs in, a shopper starts a chat, a chat is resolved).
 */
export class RoutingHarness {
  readonly clock = new FakeClock(T0);
  routing!: RoutingService;
  presence!: PresencePort;

  private constructor(
    private readonly backend: PresenceBackend,
    readonly store: SqliteStore,
    readonly site: Site,
    private readonly dataDir: string,
  ) {}

  static async open(backend: PresenceBackend): Promise<RoutingHarness> {
    const dataDir = await mkdtemp(join(tmpdir(), 'aftercare-routing-'));
    const store = openSqliteStore({ dataDir });
    const harness = new RoutingHarness(backend, store, await store.sites.create(newSite()), dataDir);
    await harness.losePresence();
    return harness;
  }

  /** Presence loses its state (process restart, Redis restart without persistence); routing starts over it. */
  async losePresence(): Promise<void> {
    this.presence = await this.backend.fresh();
    this.routing = this.otherProcess(this.presence);
  }

  /** The routing service of another server process, over the same presence state. */
  otherProcess(presence: PresencePort = this.backend.peer()): RoutingService {
    const { store, clock } = this;
    return createRoutingService({
      presence,
      conversations: store.conversations,
      agents: store.agents,
      teams: store.teams,
      clock,
    });
  }

  /** A console user of the site's tenant; `online` connects a console and sets them online. */
  async addAgent(role: AgentRole = 'agent', online = true): Promise<Agent> {
    const { passwordHash: _, ...agent } = await this.store.agents.create(
      newAgent({ tenantId: this.site.tenantId, role }),
    );
    if (online) {
      await this.routing.connect(agent, newId());
      await this.routing.setStatus(agent, 'online');
    }
    this.clock.advance(1000);
    return agent;
  }

  /** A shopper starts a chat now, and the transport routes it. */
  async startChat() {
    const now = this.clock.now();
    const conversation = await seedConversation(this.store, {
      site: this.site,
      overrides: { createdAt: now, updatedAt: now },
    });
    this.clock.advance(10);
    return { conversation, ...(await this.routing.routeConversation(conversation)) };
  }

  /** An agent resolves the chat, and the transport tells routing. */
  async resolve(conversation: Conversation) {
    const resolved = await this.store.conversations.setStatus(conversation.id, 'resolved', this.clock.now());
    if (!resolved) throw new Error(`No conversation ${conversation.id}`);
    return this.routing.conversationResolved(resolved);
  }

  async assigneeOf(conversation: Conversation): Promise<string | null | undefined> {
    return (await this.store.conversations.getById(conversation.id))?.assigneeId;
  }

  async loadOf(agent: Agent): Promise<number> {
    return (await this.presence.get(this.site.tenantId, agent.id, this.clock.now())).load;
  }

  async close(): Promise<void> {
    await this.store.close();
    await rm(this.dataDir, { recursive: true, force: true });
  }
}

/**
 * Runs `tests` once with in-process presence and once with a real `redis-server` (started for the
 * file, skipped with a message when the binary is missing), each test on a fresh harness.
 */
export function describeWithEachPresence(title: string, tests: (harness: () => RoutingHarness) => void): void {
  let current: RoutingHarness | undefined;
  const harness = (): RoutingHarness => {
    if (!current) throw new Error('The harness did not open; see the beforeEach error.');
    return current;
  };
  const withHarness = (backend: () => PresenceBackend) => {
    beforeEach(async () => {
      current = await RoutingHarness.open(backend());
    });
    afterEach(async () => {
      await current?.close();
      current = undefined;
    });
    tests(harness);
  };

  describe(`${title} (memory presence)`, () => {
    let memory: MemoryPresence;
    withHarness(() => ({
      fresh: async () => {
        memory = new MemoryPresence(routingTestOptions);
        return memory;
      },
      peer: () => memory,
    }));
  });

  if (!hasRedisServer()) {
    describe.skip(`${title} (redis presence): skipped, ${REDIS_SERVER_BINARY} is missing`, () => {});
    return;
  }
  describe(`${title} (redis presence)`, () => {
    // Two clients are two server processes sharing one Redis.
    let clients: Awaited<ReturnType<typeof connectTestClient>>[] = [];
    let stopServer = async () => {};
    beforeAll(async () => {
      const server = await startRedisServer();
      stopServer = () => server.close();
      clients = [await connectTestClient(server.url), await connectTestClient(server.url)];
    });
    afterAll(async () => {
      for (const client of clients) client.destroy();
      await stopServer();
    });
    withHarness(() => ({
      fresh: async () => {
        await clients[0]!.flushAll();
        return new RedisPresence(clients[0]!, routingTestOptions);
      },
      peer: () => new RedisPresence(clients[1]!, routingTestOptions),
    }));
  });
}
