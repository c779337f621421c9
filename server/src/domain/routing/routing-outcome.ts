import type { Conversation } from '@aftercare/shared';
import type { AgentPresence, QueuePosition } from './presence-port.js';

/**
 * What a routing call changed, so the transport knows what to broadcast. Every mutating function
 * of the routing service answers with one.
 */
export interface RoutingOutcome {
  /** Conversations whose assignee changed, as now stored: broadcast `conversation:updated`. */
  assigned: Conversation[];
  /** Agents whose status or load changed: broadcast their presence to the tenant's consoles. */
  agents: AgentPresence[];
  /**
   * The whole waiting line when it moved (someone left it), else null: tell each waiting shopper
   * their new position.
   */
  queue: QueuePosition[] | null;
}

/** Collects changes while one routing call runs; the last presence seen of an agent wins. */
export class OutcomeCollector {
  readonly assigned: Conversation[] = [];
  private readonly agents = new Map<string, AgentPresence>();
  queueMoved = false;

  assign(conversation: Conversation, agent: AgentPresence): void {
    this.assigned.push(conversation);
    this.agent(agent);
  }

  agent(agent: AgentPresence): void {
    this.agents.set(agent.agentId, agent);
  }

  /** The outcome, with the queue read only when it moved. */
  async finish(readQueue: () => Promise<QueuePosition[]>): Promise<RoutingOutcome> {
    return {
      assigned: this.assigned,
      agents: [...this.agents.values()],
      queue: this.queueMoved ? await readQueue() : null,
    };
  }
}
