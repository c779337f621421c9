import { randomUUID } from 'node:crypto';
import { type Conversation, type Customer, DEFAULT_SITE_SETTINGS, type Site } from '@aftercare/shared';
import type { AgentRecord } from '../../domain/agents/agent-repository.js';
import type { AppendMessageInput } from '../../domain/conversations/conversation-repository.js';
import type { VisitorToken } from '../../domain/customers/customer-repository.js';
import type { Store } from '../../domain/store.js';

/** A fixed epoch for test data, so expectations can name exact times. */
export const T0 = 1_700_000_000_000;

/** A fresh id; every test makes its own tenant, so tests sharing one store never see each other's rows. */
export const newId = (): string => randomUUID();

export function newSite(overrides: Partial<Site> = {}): Site {
  return {
    id: newId(),
    tenantId: newId(),
    key: `key-${newId()}`,
    name: 'Demo shop',
    allowedOrigins: ['https://shop.example'],
    settings: structuredClone(DEFAULT_SITE_SETTINGS),
    createdAt: T0,
    ...overrides,
  };
}

export function newAgent(overrides: Partial<AgentRecord> = {}): AgentRecord {
  return {
    id: newId(),
    tenantId: newId(),
    email: `agent-${newId()}@shop.example`,
    name: 'Ada Agent',
    role: 'agent',
    passwordHash: 'scrypt$salt$hash',
    active: true,
    avatarUrl: null,
    capacity: null,
    createdAt: T0,
    ...overrides,
  };
}

export function newCustomer(site: Site, overrides: Partial<Customer> = {}): Customer {
  return {
    id: newId(),
    siteId: site.id,
    tenantId: site.tenantId,
    tier: 'standard',
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

export function newToken(customer: Customer): VisitorToken {
  return { tokenHash: newId(), customerId: customer.id, siteId: customer.siteId, createdAt: customer.createdAt };
}

export function newConversation(customer: Customer, overrides: Partial<Conversation> = {}): Conversation {
  return {
    id: newId(),
    tenantId: customer.tenantId,
    siteId: customer.siteId,
    customerId: customer.id,
    status: 'open',
    assigneeId: null,
    teamId: null,
    product: null,
    lastSeq: 0,
    visitorReceipts: { deliveredSeq: 0, readSeq: 0 },
    agentReceipts: { deliveredSeq: 0, readSeq: 0 },
    createdAt: T0,
    updatedAt: T0,
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

export function newMessage(conversationId: string, overrides: Partial<AppendMessageInput> = {}): AppendMessageInput {
  return {
    id: newId(),
    conversationId,
    clientId: newId(),
    author: { kind: 'visitor', id: 'visitor-1', name: 'Vera' },
    text: 'My kettle stopped heating.',
    internal: false,
    createdAt: T0 + 1000,
    ...overrides,
  };
}

/** A site and one customer of it, stored. */
export async function seedCustomer(store: Store, site: Site = newSite()): Promise<{ site: Site; customer: Customer }> {
  if (!(await store.sites.getById(site.id))) await store.sites.create(site);
  const customer = newCustomer(site);
  await store.customers.createWithToken(customer, newToken(customer));
  return { site, customer };
}

/** A stored open conversation of a new customer (of `site` when given). */
export async function seedConversation(
  store: Store,
  options: { site?: Site; overrides?: Partial<Conversation> } = {},
): Promise<Conversation> {
  const { customer } = await seedCustomer(store, options.site);
  const result = await store.conversations.start({
    conversation: newConversation(customer, options.overrides),
    requestId: newId(),
  });
  return result.conversation;
}
