import type { Conversation } from '../domain/types.js';

/**
 * An open, unassigned conversation with no messages, for the clients' unit tests (console and
 * widget); `overrides` set the rest. Not part of the runtime protocol: only tests import it.
 */
export function testConversation(id: string, overrides: Partial<Conversation> = {}): Conversation {
  return {
    id,
    tenantId: 't',
    siteId: 's',
    customerId: `cust-${id}`,
    status: 'open',
    assigneeId: null,
    teamId: null,
    product: null,
    lastSeq: 0,
    visitorReceipts: { deliveredSeq: 0, readSeq: 0 },
    agentReceipts: { deliveredSeq: 0, readSeq: 0 },
    createdAt: 0,
    updatedAt: 0,
    resolvedAt: null,
    awaitingReplyFrom: null,
    firstReplyAt: null,
    firstReplyDueAt: null,
    resolutionDueAt: null,
    escalateAt: null,
    escalatedAt: null,
    ...overrides,
  };
}
