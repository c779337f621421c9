import type { Conversation, Customer, CustomerTier, ProductContext } from '../domain/types.js';

/**
 * The customer file (客户档案) the console shows beside a conversation.
 * @example
 * socket.emit('customer:get', { customerId }, (res) => {
 *   if ('data' in res) render(res.data.customer, res.data.conversations, res.data.productsMentioned);
 * });
 */
export interface CustomerFile {
  customer: Customer;
  /** Every conversation of this customer, newest first (the current one included). */
  conversations: Conversation[];
  /** Products the customer's conversations were about, newest first, each once (by SKU, else by name). */
  productsMentioned: ProductContext[];
}

/**
 * Changes to a customer's profile. An absent field keeps its value; `null` clears a contact field
 * (the shopper withdrew it, or it was wrong). `tier` may be set by supervisors and admins only.
 */
export interface CustomerUpdatePayload {
  customerId: string;
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  tier?: CustomerTier;
}
