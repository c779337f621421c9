import type { Agent, Customer, CustomerFile, CustomerUpdatePayload } from '@aftercare/shared';
import type { Clock } from '../clock.js';
import type { ConversationRepository } from '../conversations/conversation-repository.js';
import { AftercareError } from '../errors.js';
import type { CustomerRepository } from './customer-repository.js';
import { productsMentioned } from './products-mentioned.js';

export interface CustomerFileServiceDeps {
  customers: CustomerRepository;
  conversations: ConversationRepository;
  clock: Clock;
}

/**
 * Most conversations a customer file lists. Far more than one shopper has in practice; the bound
 * only keeps a pathological customer from producing a huge answer.
 */
export const CUSTOMER_FILE_CONVERSATIONS = 1_000;

/** The customer file (客户档案) agents see beside every chat, and their edits to it. */
export function createCustomerFileService({ customers, conversations, clock }: CustomerFileServiceDeps) {
  /** The customer if `agent` may see them; another tenant's customer is NOT_FOUND, so ids cannot be probed. */
  async function loadCustomer(agent: Agent, customerId: string): Promise<Customer> {
    const customer = await customers.getById(customerId);
    if (!customer || customer.tenantId !== agent.tenantId) throw new AftercareError('NOT_FOUND', 'No such customer');
    return customer;
  }

  return {
    /** The profile, every conversation (newest first) and the products they were about. */
    async get(agent: Agent, customerId: string): Promise<CustomerFile> {
      const customer = await loadCustomer(agent, customerId);
      const list = await conversations.listByCustomer(customer.id, CUSTOMER_FILE_CONVERSATIONS);
      return { customer, conversations: list, productsMentioned: productsMentioned(list) };
    },

    /**
     * Edits contact details (any agent) or the tier (supervisors and admins only, since service
     * promises follow it).
     * @throws AftercareError NOT_FOUND (unknown or another tenant's), FORBIDDEN (an agent setting the tier)
     */
    async update(agent: Agent, payload: CustomerUpdatePayload): Promise<Customer> {
      const { customerId, ...changes } = payload;
      await loadCustomer(agent, customerId);
      if (changes.tier !== undefined && agent.role === 'agent') {
        throw new AftercareError('FORBIDDEN', 'Only supervisors and admins set a customer tier');
      }
      const updated = await customers.updateProfile(customerId, changes, clock.now());
      if (!updated) throw new AftercareError('NOT_FOUND', 'No such customer');
      return updated;
    },
  };
}

export type CustomerFileService = ReturnType<typeof createCustomerFileService>;
