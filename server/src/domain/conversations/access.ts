import type { Agent, Conversation, Customer, MessageAuthor } from '@aftercare/shared';
import { AftercareError } from '../errors.js';

/** Who is acting: a shopper through the widget, or an agent through the console. */
export type Actor = { kind: 'visitor'; customer: Customer } | { kind: 'agent'; agent: Agent };

/**
 * A visitor reaches only their own conversations; an agent only their tenant's.
 * Both failures answer NOT_FOUND, so ids of other people's conversations cannot be probed.
 */
export function assertCanAccess(actor: Actor, conversation: Conversation | null): asserts conversation is Conversation {
  const allowed =
    conversation !== null &&
    (actor.kind === 'visitor'
      ? conversation.customerId === actor.customer.id
      : conversation.tenantId === actor.agent.tenantId);
  if (!allowed) throw new AftercareError('NOT_FOUND', 'No such conversation');
}

/** The author snapshot stored with a message written by `actor`. */
export function authorOf(actor: Actor): MessageAuthor {
  return actor.kind === 'visitor'
    ? { kind: 'visitor', id: actor.customer.id, name: actor.customer.name ?? null }
    : {
        kind: 'agent',
        id: actor.agent.id,
        name: actor.agent.name,
        ...(actor.agent.avatarUrl ? { avatarUrl: actor.agent.avatarUrl } : {}),
      };
}

/** Which receipts an actor moves: a visitor's reading moves the visitor side. */
export function sideOf(actor: Actor): 'visitor' | 'agent' {
  return actor.kind;
}
