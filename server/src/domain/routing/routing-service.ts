import type { Agent, AgentRole, Conversation } from '@aftercare/shared';
import { AGENT_ROLES } from '@aftercare/shared';
import type { AgentRepository } from '../agents/agent-repository.js';
import type { Clock } from '../clock.js';
import type { ConversationRepository, RoutingWrite } from '../conversations/conversation-repository.js';
import { AftercareError } from '../errors.js';
import type { TeamRepository } from '../teams/team-repository.js';
import type { AgentPresence, AgentStatus, PresenceChange, PresencePort } from './presence-port.js';
import { OutcomeCollector, type RoutingOutcome } from './routing-outcome.js';
import { createRoutingSteps, loadIn, REBUILT } from './routing-steps.js';
import { createTeamRouting } from './team-routing.js';

export interface RoutingServiceDeps {
  presence: PresencePort;
  conversations: ConversationRepository;
  agents: AgentRepository;
  teams: TeamRepository;
  clock: Clock;
}

/** Highest capacity an admin may set. */
export const MAX_CAPACITY = 100;

/**
 * Routing (who answers which chat) and agent presence. New conversations go to the best eligible
 * agent (online, live console, load below capacity; least load, then longest idle) or wait in a
 * FIFO queue; whenever capacity appears (a chat resolved or moved, an agent online, capacity
 * raised) the queue is drained. The store is the truth (`assigneeId` for load, the agent's
 * `capacity`); presence holds load, queue and capacity as a cache, rebuilt from the store when
 * missing (see `PresencePort.rebuild`).
 *
 * Decisions: an agent who goes away or offline keeps their conversations (a reload or a short
 * break must not reshuffle chats; supervisors move them with `reassign`). An agent's `transfer`
 * needs a target who is online with free capacity; a supervisor's `reassign` may go over capacity
 * (their explicit choice outranks the automatic limit) but never to an offline agent.
 */
export function createRoutingService({ presence, conversations, agents, teams, clock }: RoutingServiceDeps) {
  const steps = createRoutingSteps({ presence, conversations, agents, teams, clock });
  const { withRoutingState, unlessRebuilt, rebuildFromStore, finish, storeAssignment, drainQueue, teamMembers } = steps;
  const { releaseUnlessRebuilt, ensureRoutingState } = steps;

  async function loadConversation(actor: Agent, conversationId: string): Promise<Conversation> {
    const conversation = await conversations.getById(conversationId);
    if (!conversation || conversation.tenantId !== actor.tenantId) {
      throw new AftercareError('NOT_FOUND', 'No such conversation');
    }
    if (conversation.status !== 'open') {
      throw new AftercareError('CONVERSATION_CLOSED', 'This conversation is resolved');
    }
    return conversation;
  }

  /** A transfer target must be of the tenant and active (a deactivated agent gets no chats). */
  async function assertAgentOfTenant(agentId: string, tenantId: string, options = { mustBeActive: true }) {
    const agent = await agents.getById(agentId);
    if (!agent || agent.tenantId !== tenantId) throw new AftercareError('NOT_FOUND', 'No such agent');
    if (options.mustBeActive && !agent.active) throw new AftercareError('CONFLICT', 'That agent is deactivated.');
  }

  /** Moves an open conversation to `toAgentId` (out of any team), keeping every agent's load exact. */
  async function moveConversation(conversation: Conversation, toAgentId: string, overCapacity: boolean) {
    const { tenantId, id } = conversation;
    const previous = conversation.assigneeId;
    const collector = new OutcomeCollector();
    if (previous === toAgentId) return finish(tenantId, collector);
    const now = clock.now();
    const reserved = await withRoutingState(tenantId, () =>
      presence.reserve(tenantId, toAgentId, now, { overCapacity }),
    );
    if (!reserved) {
      const why = overCapacity ? 'is offline' : 'is not online or has no free capacity';
      throw new AftercareError('CONFLICT', `That agent ${why}.`);
    }
    const wasQueued = previous === null && (await presence.dequeue(tenantId, id));
    const undo = async () => {
      await presence.release(tenantId, toAgentId, clock.now());
      if (wasQueued) await presence.enqueue(tenantId, id, conversation.createdAt, conversation.teamId);
    };
    let write: RoutingWrite;
    try {
      write = await conversations.setRouting(id, { assigneeId: toAgentId, teamId: null }, previous, now);
    } catch (error) {
      await undo();
      throw error;
    }
    if (!write.changed) {
      await undo();
      throw new AftercareError('CONFLICT', 'The conversation changed meanwhile; reload it.');
    }
    collector.assign(write.conversation, reserved);
    collector.queueMoved = wasQueued;
    if (previous !== null) {
      collector.agent(await presence.release(tenantId, previous, clock.now()));
      await drainQueue(tenantId, collector);
    }
    return finish(tenantId, collector);
  }

  /** After a presence change: reports it when real, and drains the queue when the agent is online. */
  async function afterPresenceChange(tenantId: string, presenceNow: AgentPresence, changed: boolean) {
    const collector = new OutcomeCollector();
    if (changed) collector.agent(presenceNow);
    if (presenceNow.status === 'online') await drainQueue(tenantId, collector);
    return finish(tenantId, collector);
  }

  /** Whether the store still has the conversation open and unassigned. */
  async function stillWaiting(conversationId: string): Promise<boolean> {
    const current = await conversations.getById(conversationId);
    return current?.status === 'open' && current.assigneeId === null;
  }

  /**
   * Routes a conversation just created (call it only when `start` answered `created: true`): to
   * the best eligible agent when nobody waits, else into the queue. `position` is the shopper's
   * place in the queue, or null when assigned.
   */
  async function routeConversation(conversation: Conversation): Promise<RoutingOutcome & { position: number | null }> {
    const { tenantId, id } = conversation;
    const collector = new OutcomeCollector();
    if (conversation.status !== 'open' || conversation.assigneeId !== null) {
      return { ...(await finish(tenantId, collector)), position: null };
    }
    const members = await teamMembers(tenantId);
    const offer = () =>
      presence.offer(tenantId, id, conversation.createdAt, clock.now(), {
        teamId: conversation.teamId,
        teams: members,
      });
    // After another caller's rebuild, offering again is safe: a chat its snapshot queued keeps its
    // place (and is not given out ahead of the line), one it missed is offered as new.
    const offered = await unlessRebuilt(tenantId, offer, async () => {
      const again = await offer();
      return again.kind === 'queued' ? REBUILT : again;
    });
    if (offered === REBUILT) {
      // The rebuilt queue holds this chat (the store says open and unassigned): drain, then look.
      await drainQueue(tenantId, collector);
      const assigned = collector.assigned.some((c) => c.id === id);
      let position = assigned ? null : await presence.position(tenantId, id);
      if (position !== null && !(await stillWaiting(id))) {
        // Another caller's drain gave it out before our offer queued it again: it does not wait.
        await presence.dequeue(tenantId, id);
        position = null;
      }
      return { ...(await finish(tenantId, collector)), position };
    }
    if (offered.kind === 'queued') return { ...(await finish(tenantId, collector)), position: offered.position };
    const stored = await storeAssignment(tenantId, id, offered.agent, {
      enqueuedAt: conversation.createdAt,
      teamId: conversation.teamId,
    });
    if (stored) {
      collector.assign(stored, offered.agent);
    } else {
      collector.agent(await presence.release(tenantId, offered.agent.agentId, clock.now()));
      await drainQueue(tenantId, collector);
    }
    return { ...(await finish(tenantId, collector)), position: null };
  }

  return {
    routeConversation,
    ...createTeamRouting({ presence, conversations, teams, clock }, steps, { loadConversation, hasRole }),

    /**
     * A conversation was resolved (call once, when `setStatus` answered `changed: true`). Its agent
     * keeps the assignment on record but gets the slot back, and the queue moves on.
     */
    async conversationResolved(conversation: Conversation): Promise<RoutingOutcome> {
      const { tenantId, assigneeId } = conversation;
      const collector = new OutcomeCollector();
      const done =
        assigneeId === null
          ? await unlessRebuilt(tenantId, () => presence.dequeue(tenantId, conversation.id))
          : await releaseUnlessRebuilt(tenantId, assigneeId);
      if (done === REBUILT || done === true) collector.queueMoved = true;
      else if (done !== false) collector.agent(done);
      await drainQueue(tenantId, collector);
      return finish(tenantId, collector);
    },

    /**
     * A resolved conversation was reopened: it goes back to its agent (even over capacity: they know
     * the case) unless they are offline, in which case it is routed like a new one.
     */
    async conversationReopened(conversation: Conversation): Promise<RoutingOutcome & { position: number | null }> {
      const { tenantId, assigneeId } = conversation;
      if (assigneeId === null) return routeConversation(conversation);
      const now = clock.now();
      const reserve = () => presence.reserve(tenantId, assigneeId, now, { overCapacity: true });
      // After another caller's rebuild, reserve only when presence counts less than the store does
      // (the rebuild applied predates the reopening); otherwise it is counted already.
      const kept = await unlessRebuilt(tenantId, reserve, async (snapshot) => {
        const counted = (await presence.get(tenantId, assigneeId, clock.now())).load;
        return counted < loadIn(snapshot, assigneeId) ? reserve() : REBUILT;
      });
      if (kept) {
        // After a rebuild the store's assignment is already counted.
        const collector = new OutcomeCollector();
        if (kept !== REBUILT) collector.agent(kept);
        return { ...(await finish(tenantId, collector)), position: null };
      }
      const unassigned = await conversations.setAssignee(conversation.id, null, assigneeId, now);
      // Not ours: deleted or changed meanwhile, and whoever changed it routed it.
      if (!unassigned.changed) return { assigned: [], agents: [], queue: null, position: null };
      return routeConversation(unassigned.conversation);
    },

    /** An agent hands their chat to a colleague who is online with free capacity (CONFLICT otherwise). */
    async transfer(actor: Agent, conversationId: string, toAgentId: string): Promise<RoutingOutcome> {
      const conversation = await loadConversation(actor, conversationId);
      if (conversation.assigneeId !== actor.id && !hasRole(actor, 'supervisor')) {
        throw new AftercareError('FORBIDDEN', 'Only the assigned agent or a supervisor may transfer this conversation');
      }
      await assertAgentOfTenant(toAgentId, actor.tenantId);
      return moveConversation(conversation, toAgentId, false);
    },

    /** A supervisor gives a chat (assigned or waiting) to any agent who is not offline, even over capacity. */
    async reassign(supervisor: Agent, conversationId: string, toAgentId: string): Promise<RoutingOutcome> {
      if (!hasRole(supervisor, 'supervisor')) throw new AftercareError('FORBIDDEN', 'Supervisors only');
      const conversation = await loadConversation(supervisor, conversationId);
      await assertAgentOfTenant(toAgentId, supervisor.tenantId);
      return moveConversation(conversation, toAgentId, true);
    },

    /** A console connected (after authentication). An agent who is online again gets queued chats. */
    async connect(agent: Agent, connectionId: string) {
      // After a restart or a Redis flush, rebuild first: the presence reported below then carries
      // the stored capacity, not the default.
      await ensureRoutingState(agent.tenantId);
      const now = clock.now();
      const before = await presence.get(agent.tenantId, agent.id, now);
      const after = await presence.connect(agent.tenantId, agent.id, connectionId, now);
      return { presence: after, ...(await afterPresenceChange(agent.tenantId, after, after.status !== before.status)) };
    },

    /** Keeps a console connection alive; call every `connectionTtlMs / 3`. False: it had expired. */
    heartbeat(agent: Agent, connectionId: string): Promise<boolean> {
      return presence.heartbeat(agent.tenantId, agent.id, connectionId, clock.now());
    },

    /** A console disconnected; the agent goes away when it was their last connection. */
    async disconnect(agent: Agent, connectionId: string): Promise<PresenceChange> {
      return presence.disconnect(agent.tenantId, agent.id, connectionId, clock.now());
    },

    /** The agent chose a status; going online drains the queue to them. */
    async setStatus(agent: Agent, status: AgentStatus) {
      const change = await presence.setStatus(agent.tenantId, agent.id, status, clock.now());
      return { change, ...(await afterPresenceChange(agent.tenantId, change.presence, change.changed)) };
    },

    /**
     * An admin sets an agent's capacity; raising it drains the queue. The store is written first:
     * it is what presence's capacity is rebuilt from after a restart.
     */
    async setCapacity(admin: Agent, agentId: string, capacity: number): Promise<RoutingOutcome> {
      if (!hasRole(admin, 'admin')) throw new AftercareError('FORBIDDEN', 'Admins only');
      if (!Number.isInteger(capacity) || capacity < 0 || capacity > MAX_CAPACITY) {
        throw new AftercareError('INVALID_PAYLOAD', `Capacity must be an integer from 0 to ${MAX_CAPACITY}`);
      }
      // Capacity stays editable while deactivated: it applies again once the agent is back.
      await assertAgentOfTenant(agentId, admin.tenantId, { mustBeActive: false });
      if (!(await agents.setCapacity(admin.tenantId, agentId, capacity))) {
        throw new AftercareError('NOT_FOUND', 'No such agent');
      }
      // After a flush, another caller may be rebuilding from a snapshot read before the line above:
      // applied after ours, it would put the old capacity back. Once the state exists no rebuild
      // applies, so make sure it does (rebuilding it ourselves, with the new capacity) before setting.
      await ensureRoutingState(admin.tenantId);
      const updated = await presence.setCapacity(admin.tenantId, agentId, capacity, clock.now());
      return afterPresenceChange(admin.tenantId, updated, true);
    },

    /** Marks agents of dead processes away; run every few seconds in every process (idempotent). */
    async sweepExpiredConnections(): Promise<{ tenantId: string; agents: AgentPresence[] }[]> {
      const swept = [];
      for (const tenantId of await presence.listTenants()) {
        const wentAway = await presence.expireConnections(tenantId, clock.now());
        if (wentAway.length > 0) swept.push({ tenantId, agents: wentAway });
      }
      return swept;
    },

    /** Every agent's presence and load, for the console's team view. */
    listPresence(tenantId: string): Promise<AgentPresence[]> {
      return presence.list(tenantId, clock.now());
    },

    /** The tenant's waiting line, in order. */
    queueOf(tenantId: string) {
      return withRoutingState(tenantId, () => presence.queue(tenantId));
    },

    /** A waiting conversation's position (1-based), or null. */
    positionOf(conversation: Conversation): Promise<number | null> {
      return withRoutingState(conversation.tenantId, () => presence.position(conversation.tenantId, conversation.id));
    },

    rebuildFromStore,
  };
}

export type RoutingService = ReturnType<typeof createRoutingService>;

function hasRole(agent: Agent, role: AgentRole): boolean {
  return AGENT_ROLES.indexOf(agent.role) >= AGENT_ROLES.indexOf(role);
}
