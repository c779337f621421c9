import type {
  Agent,
  ContactDetails,
  Conversation,
  ConversationListPayload,
  ConversationListResult,
  ConversationStatus,
  Customer,
  Message,
  MessageAuthor,
  ProductContext,
} from '@aftercare/shared';
import { LIMITS } from '@aftercare/shared';
import { newId, newTimeOrderedId } from '../../lib/tokens.js';
import type { AttachmentService } from '../attachments/attachment-service.js';
import type { Clock } from '../clock.js';
import type { CustomerRepository } from '../customers/customer-repository.js';
import { AftercareError } from '../errors.js';
import { conversationDueTimes } from '../service-promises/due-times.js';
import type { SitePromises } from '../service-promises/site-promises.js';
import { type Actor, assertCanAccess, authorOf, sideOf } from './access.js';
import type { ConversationRepository, MessageRepository } from './conversation-repository.js';

export interface ConversationServiceDeps {
  conversations: ConversationRepository;
  messages: MessageRepository;
  customers: CustomerRepository;
  /** Claims uploaded files for the messages that name them. */
  attachments: Pick<AttachmentService, 'claimForMessage'>;
  /** The site's service promises and business hours, which fix a new chat's due times. */
  promisesFor: (siteId: string) => Promise<SitePromises>;
  clock: Clock;
}

export interface StartInput extends ContactDetails {
  requestId: string;
  product?: ProductContext;
}

export interface SendResult {
  message: Message;
  /** False for a retry: the message was already stored and must not be broadcast again. */
  created: boolean;
  conversation: Conversation;
}

/** Conversations and messages: starting chats, sending, catching up, receipts, resolving. */
export function createConversationService({
  conversations,
  messages,
  customers,
  attachments,
  promisesFor,
  clock,
}: ConversationServiceDeps) {
  async function load(actor: Actor, conversationId: string): Promise<Conversation> {
    const conversation = await conversations.getById(conversationId);
    assertCanAccess(actor, conversation);
    return conversation;
  }

  return {
    load,

    /**
     * Starts a chat for a shopper, or returns the one already open (a retried or repeated start
     * never makes a second one). Contact details given here fill in the customer's profile.
     */
    async start(customer: Customer, input: StartInput) {
      const now = clock.now();
      const { requestId, product, ...contact } = input;
      const updatedCustomer = hasAny(contact)
        ? ((await customers.updateContact(customer.id, contact, now)) ?? customer)
        : customer;
      // Fixed now from the customer's tier at the start; a later tier change keeps them (the promise was made).
      const due = conversationDueTimes({
        ...(await promisesFor(customer.siteId)),
        tier: updatedCustomer.tier,
        since: now,
      });
      const result = await conversations.start({
        requestId,
        conversation: {
          id: newId(),
          tenantId: customer.tenantId,
          siteId: customer.siteId,
          customerId: customer.id,
          status: 'open',
          assigneeId: null,
          teamId: null,
          product: product ?? null,
          lastSeq: 0,
          visitorReceipts: { deliveredSeq: 0, readSeq: 0 },
          agentReceipts: { deliveredSeq: 0, readSeq: 0 },
          createdAt: now,
          updatedAt: now,
          resolvedAt: null,
          awaitingReplyFrom: null,
          firstReplyAt: null,
          ...due,
          escalatedAt: null,
        },
      });
      return { ...result, customer: updatedCustomer };
    },

    /** A shopper's own conversations, newest first. */
    listForVisitor(customer: Customer): Promise<Conversation[]> {
      return conversations.listByCustomer(customer.id, LIMITS.listPageMax);
    },

    /** The tenant's conversations for the console, newest activity first, with their customers. */
    async listForAgent(agent: Agent, query: ConversationListPayload): Promise<ConversationListResult> {
      const { cursor, limit = 50, ...filters } = query;
      const list = await conversations.listByTenant({
        ...filters,
        tenantId: agent.tenantId,
        ...(cursor ? { after: cursor } : {}),
        limit,
      });
      const customerIds = [...new Set(list.map((conversation) => conversation.customerId))];
      const found = await Promise.all(customerIds.map((id) => customers.getById(id)));
      const last = list.at(-1);
      return {
        conversations: list,
        customers: found.filter((customer) => customer !== null),
        // A full page may have a next one; the client asks and gets an empty page at worst.
        nextCursor: list.length >= limit && last ? { updatedAt: last.updatedAt, id: last.id } : null,
      };
    },

    /** Everything the console shows when an agent opens a chat. */
    async openForAgent(agent: Agent, conversationId: string) {
      const conversation = await load({ kind: 'agent', agent }, conversationId);
      const [customer, latest] = await Promise.all([
        customers.getById(conversation.customerId),
        messages.listLatest(conversation.id, LIMITS.syncPageDefault, 'agent'),
      ]);
      if (!customer) throw new AftercareError('INTERNAL', 'Conversation without customer');
      return { conversation, customer, messages: latest };
    },

    /**
     * Stores a message once per client id and returns it with its sequence number. A retry of a
     * stored message is answered with the stored message, even after the chat was resolved.
     */
    async send(
      actor: Actor,
      input: { conversationId: string; clientId: string; text: string; attachmentIds?: string[]; internal?: boolean },
    ): Promise<SendResult> {
      const conversation = await load(actor, input.conversationId);
      const author = authorOf(actor);
      // Only agents write internal notes; the transport offers notes on the agent namespace only.
      const internal = actor.kind === 'agent' && input.internal === true;
      if (conversation.status !== 'open' && !internal) {
        const stored = await messages.findByClientId(conversation.id, input.clientId);
        if (stored) return { message: assertOwnRetry(stored, author), created: false, conversation };
        throw new AftercareError('CONVERSATION_CLOSED', 'This conversation is resolved');
      }
      const attachmentIds = input.attachmentIds ?? [];
      if (attachmentIds.length > 0) {
        // A retry of a stored message is answered before its files are looked at again.
        const stored = await messages.findByClientId(conversation.id, input.clientId);
        if (stored) return { message: assertOwnRetry(stored, author), created: false, conversation };
      }
      // Claimed before the append, keyed by the message's client id: if the append then fails, a
      // retry with the same client id claims the same files again instead of finding them taken.
      const claimed =
        attachmentIds.length > 0
          ? await attachments.claimForMessage(actor, conversation, attachmentIds, input.clientId)
          : [];
      const createdAt = clock.now();
      const result = await messages.append({
        id: newTimeOrderedId(createdAt),
        conversationId: conversation.id,
        clientId: input.clientId,
        author,
        text: input.text,
        internal,
        attachments: claimed,
        createdAt,
      });
      if (!result) throw new AftercareError('NOT_FOUND', 'No such conversation');
      if (!result.created) assertOwnRetry(result.message, author);
      return result;
    },

    /** Messages after `afterSeq` (what a reconnecting client missed), oldest first. */
    async sync(actor: Actor, input: { conversationId: string; afterSeq: number; limit?: number }) {
      const conversation = await load(actor, input.conversationId);
      const limit = input.limit ?? LIMITS.syncPageDefault;
      // Ask for one more than the page to learn whether another page follows.
      const page = await messages.listAfter(conversation.id, input.afterSeq, limit + 1, actor.kind);
      return { messages: page.slice(0, limit), hasMore: page.length > limit, conversation };
    },

    /** Moves the caller's side's delivered or read marker forward. */
    async markReceipt(actor: Actor, input: { conversationId: string; kind: 'delivered' | 'read'; seq: number }) {
      const conversation = await load(actor, input.conversationId);
      const updated = await conversations.advanceReceipt(
        conversation.id,
        sideOf(actor),
        input.kind,
        input.seq,
        clock.now(),
      );
      if (!updated) throw new AftercareError('NOT_FOUND', 'No such conversation');
      return updated;
    },

    /** Resolves or reopens a chat (agents only). Changing to the current status is a no-op. */
    async setStatus(agent: Agent, conversationId: string, status: ConversationStatus) {
      const conversation = await load({ kind: 'agent', agent }, conversationId);
      if (conversation.status === status) return { conversation, changed: false };
      const updated = await conversations.setStatus(conversation.id, status, clock.now());
      if (!updated) throw new AftercareError('NOT_FOUND', 'No such conversation');
      return { conversation: updated, changed: true };
    },
  };
}

export type ConversationService = ReturnType<typeof createConversationService>;

/**
 * A client id answers with its stored message only to the one who wrote it: otherwise a shopper who
 * guessed an agent's client id would be handed that message, an internal note included.
 */
function assertOwnRetry(stored: Message, author: MessageAuthor): Message {
  if (stored.author.kind !== author.kind || stored.author.id !== author.id) {
    throw new AftercareError('CONFLICT', 'This client id was already used for another message');
  }
  return stored;
}

function hasAny(contact: ContactDetails): boolean {
  return contact.name !== undefined || contact.email !== undefined || contact.phone !== undefined;
}
