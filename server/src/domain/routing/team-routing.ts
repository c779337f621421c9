import type { Agent, AgentRole, Conversation } from '@aftercare/shared';
import type { Clock } from '../clock.js';
import type { ConversationRepository, RoutingWrite } from '../conversations/conversation-repository.js';
import { AftercareError } from '../errors.js';
import type { TeamRepository } from '../teams/team-repository.js';
import type { PresencePort } from './presence-port.js';
import { OutcomeCollector, type RoutingOutcome } from './routing-outcome.js';
import { type createRoutingSteps, REBUILT } from './routing-steps.js';

/**
 * What a team or deactivation change did: the routing outcome, plus conversations whose team or
 * assignee changed without an agent getting them (now waiting): the transport tells consoles
 * and widgets with `conversation:updated`.
 */
export interface RequeueOutcome {
  outcome: RoutingOutcome;
  updated: Conversation[];
}

/** Most of one agent's open conversations handed back to routing per pass. */
const HAND_BACK_PAGE = 100;

/**
 * Routing decisions that involve teams or an agent leaving: transfers to a team, a team deleted or
 * changed, an agent deactivated. Part of the routing service (see `routing-service.ts`).
 *
 * A transfer to a team goes to the team's best eligible member other than the current assignee
 * (least load, then longest idle); when none is free the chat becomes unassigned, bound to the
 * team, and waits in the queue at its original place (creation time) for the first member with
 * room. If the transferring agent is a member and nobody else is free, the queue may hand the chat
 * straight back to them: they asked the team, and they are the team member with room.
 */
export function createTeamRouting(
  deps: { presence: PresencePort; conversations: ConversationRepository; teams: TeamRepository; clock: Clock },
  steps: ReturnType<typeof createRoutingSteps>,
  helpers: {
    loadConversation(actor: Agent, conversationId: string): Promise<Conversation>;
    hasRole(agent: Agent, role: AgentRole): boolean;
  },
) {
  const { presence, conversations, teams, clock } = deps;
  const { withRoutingState, unlessRebuilt, releaseUnlessRebuilt, finish, drainQueue } = steps;

  /** Puts a conversation the store now has unassigned back in the queue (for its team) and frees its agent's slot. */
  async function requeue(conversation: Conversation, previousAssignee: string | null, collector: OutcomeCollector) {
    const { tenantId, id } = conversation;
    if (previousAssignee !== null) {
      const released = await releaseUnlessRebuilt(tenantId, previousAssignee);
      if (released !== REBUILT) collector.agent(released);
    }
    // After a rebuild the store's state (unassigned, with its team) is already the queue's; after
    // another caller's, enqueuing again keeps an existing place (and sets the team).
    await unlessRebuilt(tenantId, () => presence.enqueue(tenantId, id, conversation.createdAt, conversation.teamId));
    collector.queueMoved = true;
  }

  async function finishWith(tenantId: string, collector: OutcomeCollector, updated: Conversation[]) {
    const outcome = await finish(tenantId, collector);
    const assignedIds = new Set(outcome.assigned.map((conversation) => conversation.id));
    return { outcome, updated: updated.filter((conversation) => !assignedIds.has(conversation.id)) };
  }

  return {
    /**
     * Transfers a conversation to a team: the assigned agent hands over their own chat; supervisors
     * and admins move any open chat. See above for who gets it.
     */
    async transferToTeam(actor: Agent, conversationId: string, teamId: string): Promise<RequeueOutcome> {
      const conversation = await helpers.loadConversation(actor, conversationId);
      if (conversation.assigneeId !== actor.id && !helpers.hasRole(actor, 'supervisor')) {
        throw new AftercareError('FORBIDDEN', 'Only the assigned agent or a supervisor may transfer this conversation');
      }
      const team = await teams.getById(actor.tenantId, teamId);
      if (!team) throw new AftercareError('NOT_FOUND', 'No such team');
      const { tenantId, id } = conversation;
      const previous = conversation.assigneeId;
      const collector = new OutcomeCollector();
      const now = clock.now();
      const candidates = team.memberIds.filter((memberId) => memberId !== previous);
      const claimed =
        candidates.length === 0
          ? null
          : await withRoutingState(tenantId, () => presence.claim(tenantId, now, candidates));
      const target = { assigneeId: claimed?.agentId ?? null, teamId };
      let write: RoutingWrite;
      try {
        write = await conversations.setRouting(id, target, previous, now);
      } catch (error) {
        if (claimed) await presence.release(tenantId, claimed.agentId, clock.now());
        throw error;
      }
      if (!write.changed) {
        if (claimed) await presence.release(tenantId, claimed.agentId, clock.now());
        throw new AftercareError('CONFLICT', 'The conversation changed meanwhile; reload it.');
      }
      const stored = write.conversation;
      const updated: Conversation[] = [];
      if (claimed) {
        if (previous === null) collector.queueMoved = await presence.dequeue(tenantId, id);
        collector.assign(stored, claimed);
        if (previous !== null) collector.agent(await presence.release(tenantId, previous, clock.now()));
      } else {
        updated.push(stored);
        await requeue(stored, previous, collector);
      }
      await drainQueue(tenantId, collector);
      return finishWith(tenantId, collector, updated);
    },

    /** A team's members changed: waiting conversations of the team may now have someone. */
    async teamChanged(tenantId: string): Promise<RoutingOutcome> {
      const collector = new OutcomeCollector();
      await drainQueue(tenantId, collector);
      return finish(tenantId, collector);
    },

    /** A team was deleted: its waiting conversations go back to the general queue (keeping their place). */
    async teamDeleted(tenantId: string, teamId: string): Promise<RequeueOutcome> {
      const collector = new OutcomeCollector();
      const released = await conversations.clearTeam(tenantId, teamId, clock.now());
      for (const conversation of released) {
        if (conversation.assigneeId === null) await requeue(conversation, null, collector);
      }
      await drainQueue(tenantId, collector);
      return finishWith(tenantId, collector, released);
    },

    /**
     * An agent was deactivated: offline for routing, and each of their open conversations
     * unassigned and routed again (to their team, if bound to one), in its original place.
     */
    async agentDeactivated(agent: Agent): Promise<RequeueOutcome> {
      const { tenantId, id: agentId } = agent;
      const collector = new OutcomeCollector();
      const change = await presence.setStatus(tenantId, agentId, 'offline', clock.now());
      if (change.changed) collector.agent(change.presence);
      const updated: Conversation[] = [];
      for (;;) {
        const page = await conversations.listByTenant({
          tenantId,
          status: 'open',
          assigneeId: agentId,
          limit: HAND_BACK_PAGE,
        });
        let moved = 0;
        for (const conversation of page) {
          const write = await conversations.setAssignee(conversation.id, null, agentId, clock.now());
          // Someone else moved or resolved it meanwhile: they routed it.
          if (!write.changed) continue;
          const stored = write.conversation;
          moved += 1;
          updated.push(stored);
          await requeue(stored, agentId, collector);
        }
        if (page.length < HAND_BACK_PAGE || moved === 0) break;
      }
      await drainQueue(tenantId, collector);
      return finishWith(tenantId, collector, updated);
    },
  };
}
