import type { AgentPresence } from '@aftercare/shared';
import type { ConversationRepository } from '../../domain/conversations/conversation-repository.js';
import type { RoutingOutcome } from '../../domain/routing/routing-outcome.js';
import type { Logger } from '../../lib/logger.js';
import { type Broadcaster, customerRoom, tenantRoom } from './broadcaster.js';
import type { AgentNamespace, VisitorNamespace } from './namespaces.js';

export interface RoutingBroadcastDeps {
  broadcaster: Broadcaster;
  visitors: VisitorNamespace;
  agents: AgentNamespace;
  conversations: ConversationRepository;
  logger: Logger;
}

/**
 * Tells everyone what a routing call changed: new assignees (both sides), agents' presence and
 * load (the tenant's consoles), and every waiting shopper's new place in the line.
 */
export function createRoutingBroadcasts({
  broadcaster,
  visitors,
  agents,
  conversations,
  logger,
}: RoutingBroadcastDeps) {
  function presenceChanged(tenantId: string, presence: AgentPresence): void {
    agents.to(tenantRoom(tenantId)).emit('presence:changed', { presence });
  }

  return {
    presenceChanged,

    /** Broadcasts an outcome. Queue positions need a lookup each, so they go out asynchronously. */
    publish(tenantId: string, outcome: RoutingOutcome): void {
      for (const conversation of outcome.assigned) {
        broadcaster.conversationUpdated(conversation);
        visitors
          .to(customerRoom(conversation.customerId))
          .emit('queue:position', { conversationId: conversation.id, position: null });
      }
      for (const presence of outcome.agents) presenceChanged(tenantId, presence);
      if (!outcome.queue) return;
      const queue = outcome.queue;
      void Promise.all(
        queue.map(async ({ conversationId, position }) => {
          const conversation = await conversations.getById(conversationId);
          if (conversation)
            visitors.to(customerRoom(conversation.customerId)).emit('queue:position', { conversationId, position });
        }),
      ).catch((error: unknown) => logger.warn('queue positions not sent', { tenantId, error }));
    },
  };
}

export type RoutingBroadcasts = ReturnType<typeof createRoutingBroadcasts>;
