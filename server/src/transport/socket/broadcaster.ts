import type { Conversation, Customer, Message, ReceiptUpdatedEvent, TypingChangedEvent } from '@aftercare/shared';
import type { AgentNamespace, VisitorNamespace } from './namespaces.js';

/** Room of every widget tab of one shopper. */
export const customerRoom = (customerId: string) => `customer:${customerId}`;
/** Room of every console of one tenant. */
export const tenantRoom = (tenantId: string) => `tenant:${tenantId}`;
/** Room of the console tabs of one sign-in session (for signing out). */
export const sessionRoom = (sessionKey: string) => `session:${sessionKey}`;
/** Room of every console tab of one agent (for signing out everywhere). */
export const agentRoom = (agentId: string) => `agent:${agentId}`;

/**
 * Tells both sides of a conversation what changed. `exceptSocketId` is the socket that caused
 * the change: it already has the result in its ack, so it is skipped (its other tabs are not).
 */
export function createBroadcaster(visitors: VisitorNamespace, agents: AgentNamespace) {
  const toVisitors = (conversation: Conversation, exceptSocketId?: string) =>
    visitors.to(customerRoom(conversation.customerId)).except(exceptSocketId ?? []);
  const toAgents = (conversation: Conversation, exceptSocketId?: string) =>
    agents.to(tenantRoom(conversation.tenantId)).except(exceptSocketId ?? []);

  return {
    messageCreated(conversation: Conversation, message: Message, exceptSocketId?: string) {
      toVisitors(conversation, exceptSocketId).emit('message:created', { message });
      toAgents(conversation, exceptSocketId).emit('message:created', { message });
    },

    /** Internal notes go to the tenant's consoles only, never to the shopper's widget. */
    noteCreated(conversation: Conversation, message: Message, exceptSocketId?: string) {
      toAgents(conversation, exceptSocketId).emit('message:created', { message });
    },

    conversationCreated(conversation: Conversation, customer: Customer, exceptSocketId?: string) {
      toVisitors(conversation, exceptSocketId).emit('conversation:updated', { conversation });
      toAgents(conversation, exceptSocketId).emit('conversation:created', { conversation, customer });
    },

    conversationUpdated(conversation: Conversation, exceptSocketId?: string) {
      toVisitors(conversation, exceptSocketId).emit('conversation:updated', { conversation });
      toAgents(conversation, exceptSocketId).emit('conversation:updated', { conversation });
    },

    /** Typing is shown to the other side and to the author's other tabs; it is never stored. */
    typingChanged(conversation: Conversation, event: TypingChangedEvent, exceptSocketId: string) {
      if (event.author.kind === 'visitor') toAgents(conversation).emit('typing:changed', event);
      else toVisitors(conversation).emit('typing:changed', event);
      // Other agents see a colleague typing too (avoids two agents answering at once).
      if (event.author.kind === 'agent') toAgents(conversation, exceptSocketId).emit('typing:changed', event);
    },

    receiptUpdated(conversation: Conversation, event: ReceiptUpdatedEvent, exceptSocketId: string) {
      toVisitors(conversation, exceptSocketId).emit('receipt:updated', event);
      toAgents(conversation, exceptSocketId).emit('receipt:updated', event);
    },
  };
}

export type Broadcaster = ReturnType<typeof createBroadcaster>;
