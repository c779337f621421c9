import type { AgentRepository } from '../agents/agent-repository.js';
import type { Clock } from '../clock.js';
import type { ConversationRepository } from '../conversations/conversation-repository.js';
import type { TeamRepository } from '../teams/team-repository.js';
import type { AgentPresence, PresencePort, RoutingSnapshot, TeamMembers } from './presence-port.js';
import { RoutingStateMissingError } from './routing-errors.js';
import type { OutcomeCollector, RoutingOutcome } from './routing-outcome.js';
import { readRoutingSnapshot } from './routing-snapshot.js';

/** Answer of `unlessRebuilt` when the state rebuilt from the store already holds the change. */
export const REBUILT = Symbol('rebuilt');
/** Most conversations one drain hands out; the next event drains the rest. Bounds a single call. */
const MAX_DRAIN = 100;

/**
 * The steps routing operations are made of: keeping presence's load and queue in step with the
 * store (rebuilding when missing), storing assignments, and draining the queue.
 */
export function createRoutingSteps({
  presence,
  conversations,
  agents,
  teams,
  clock,
}: {
  presence: PresencePort;
  conversations: ConversationRepository;
  agents: AgentRepository;
  teams: TeamRepository;
  clock: Clock;
}) {
  /** Who may take team-bound conversations, read fresh from the store (teams are few and small). */
  async function teamMembers(tenantId: string): Promise<TeamMembers> {
    return Object.fromEntries((await teams.listByTenant(tenantId)).map((team) => [team.id, team.memberIds]));
  }

  /** Runs a routing operation; when the tenant's state is missing, rebuilds it from the store once and retries. */
  async function withRoutingState<T>(tenantId: string, operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (!(error instanceof RoutingStateMissingError)) throw error;
      await rebuildFromStore(tenantId, { onlyIfMissing: true });
      return operation();
    }
  }

  /**
   * Runs a routing operation whose change the store already holds (a chat created, resolved or
   * reopened). When the tenant's state is missing, our rebuild reads the store after that change,
   * so it includes it and the operation must not run on top of it: answers `REBUILT`.
   *
   * But when another caller's rebuild got there first (several race after a flush), its snapshot
   * may have been read before our change was stored, and answering `REBUILT` would lose the change
   * (60 chats started at once on a fresh Redis left a third of them out of the line). Then
   * `reconcile` brings the change in, given our snapshot (which does include it); by default the
   * operation runs again, which is right for operations that are idempotent (enqueue, dequeue,
   * offer of a chat already queued).
   */
  async function unlessRebuilt<T>(
    tenantId: string,
    operation: () => Promise<T>,
    reconcile: (snapshot: RoutingSnapshot) => Promise<T | typeof REBUILT> = operation,
  ): Promise<T | typeof REBUILT> {
    try {
      return await operation();
    } catch (error) {
      if (!(error instanceof RoutingStateMissingError)) throw error;
      const snapshot = await readRoutingSnapshot({ conversations, agents }, tenantId);
      if (await presence.rebuild(tenantId, snapshot, { onlyIfMissing: true })) return REBUILT;
      return reconcile(snapshot);
    }
  }

  /**
   * Gives back the slot of a chat the store no longer counts (resolved, or handed back to the
   * line). Release is not idempotent, so after another caller's rebuild it runs only when presence
   * still counts more than our snapshot does, i.e. when the rebuild applied predates our change.
   * (A claim for the same agent in flight meanwhile can blur this; it is a post-flush corner case.)
   */
  function releaseUnlessRebuilt(tenantId: string, agentId: string) {
    const release = () => presence.release(tenantId, agentId, clock.now());
    return unlessRebuilt(tenantId, release, async (snapshot) => {
      const counted = (await presence.get(tenantId, agentId, clock.now())).load;
      return counted > loadIn(snapshot, agentId) ? release() : REBUILT;
    });
  }

  /** Rebuilds a tenant's load, queue and capacities from the store; see `PresencePort.rebuild`. */
  async function rebuildFromStore(tenantId: string, options: { onlyIfMissing: boolean }): Promise<boolean> {
    return presence.rebuild(tenantId, await readRoutingSnapshot({ conversations, agents }, tenantId), options);
  }

  /**
   * Makes sure the tenant's routing state exists (rebuilding it when missing), so presence read
   * next carries the stored capacities rather than the default.
   */
  async function ensureRoutingState(tenantId: string): Promise<void> {
    await withRoutingState(tenantId, () => presence.queue(tenantId));
  }

  function finish(tenantId: string, collector: OutcomeCollector): Promise<RoutingOutcome> {
    return collector.finish(() => withRoutingState(tenantId, () => presence.queue(tenantId)));
  }

  /**
   * Stores an assignment presence already counted; on failure gives the load back (and puts a
   * conversation taken from the queue back, for the same team) and rethrows.
   */
  async function storeAssignment(
    tenantId: string,
    conversationId: string,
    agent: AgentPresence,
    requeue?: { enqueuedAt: number; teamId: string | null },
  ) {
    const now = clock.now();
    try {
      const write = await conversations.setAssignee(conversationId, agent.agentId, null, now);
      // Only our own write counts: another process may have given it to the same agent meanwhile.
      return write.changed ? write.conversation : null;
    } catch (error) {
      await presence.release(tenantId, agent.agentId, clock.now());
      if (requeue) await presence.enqueue(tenantId, conversationId, requeue.enqueuedAt, requeue.teamId);
      throw error;
    }
  }

  /** Hands queued conversations to eligible agents (team members for team-bound ones) until either runs out. */
  async function drainQueue(tenantId: string, collector: OutcomeCollector): Promise<void> {
    const members = await teamMembers(tenantId);
    for (let i = 0; i < MAX_DRAIN; i++) {
      const claimed = await withRoutingState(tenantId, () => presence.claimNext(tenantId, clock.now(), members));
      if (!claimed) return;
      collector.queueMoved = true;
      const stored = await storeAssignment(tenantId, claimed.conversationId, claimed.agent, claimed);
      if (stored) collector.assign(stored, claimed.agent);
      // Resolved or assigned meanwhile: it no longer waits, and the agent gets the slot back.
      else collector.agent(await presence.release(tenantId, claimed.agent.agentId, clock.now()));
    }
  }

  return {
    withRoutingState,
    unlessRebuilt,
    releaseUnlessRebuilt,
    rebuildFromStore,
    ensureRoutingState,
    finish,
    storeAssignment,
    drainQueue,
    teamMembers,
  };
}

/** An agent's load in a snapshot (agents not listed have none). */
export function loadIn(snapshot: RoutingSnapshot, agentId: string): number {
  return snapshot.loads.find((entry) => entry.agentId === agentId)?.load ?? 0;
}
