import type { AgentRepository } from '../agents/agent-repository.js';
import type { ConversationRepository } from '../conversations/conversation-repository.js';
import type { RoutingSnapshot } from './presence-port.js';

/** Open conversations read per page while rebuilding. */
const PAGE_SIZE = 500;

/**
 * What load, queue and capacities should be, read from the store (the source of truth): each
 * agent's load is their number of open assigned conversations; the queue is every open unassigned
 * conversation, in order of creation, with the team it waits for; capacities are the ones admins set.
 *
 * Pages go backwards by `updatedAt`. The next page starts at the oldest `updatedAt` seen, inclusive,
 * and ids already seen are skipped, so conversations sharing a timestamp across a page boundary are
 * not lost (only more than `PAGE_SIZE` of them sharing one millisecond could be).
 */
export async function readRoutingSnapshot(
  { conversations, agents }: { conversations: ConversationRepository; agents: AgentRepository },
  tenantId: string,
): Promise<RoutingSnapshot> {
  const seen = new Set<string>();
  const loads = new Map<string, number>();
  const queue: RoutingSnapshot['queue'] = [];
  let before: number | undefined;
  for (;;) {
    const page = await conversations.listByTenant({ tenantId, status: 'open', before, limit: PAGE_SIZE });
    const fresh = page.filter((conversation) => !seen.has(conversation.id));
    for (const conversation of fresh) {
      seen.add(conversation.id);
      if (conversation.assigneeId === null) {
        queue.push({
          conversationId: conversation.id,
          enqueuedAt: conversation.createdAt,
          teamId: conversation.teamId,
        });
      } else {
        loads.set(conversation.assigneeId, (loads.get(conversation.assigneeId) ?? 0) + 1);
      }
    }
    const oldest = page.at(-1);
    if (page.length < PAGE_SIZE || fresh.length === 0 || !oldest) break;
    before = oldest.updatedAt + 1;
  }
  const capacities = (await agents.listByTenant(tenantId)).flatMap(({ id, capacity }) =>
    capacity === null ? [] : [{ agentId: id, capacity }],
  );
  return { loads: [...loads].map(([agentId, load]) => ({ agentId, load })), queue, capacities };
}
