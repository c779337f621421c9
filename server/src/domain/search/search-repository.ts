import type { Customer, Message } from '@aftercare/shared';

/**
 * A search, as the adapters receive it: `terms` are the query's words (no whitespace inside, at
 * least one), each of which must occur in the text as a substring, ignoring case. Adapters treat
 * terms as literal text, never as query syntax.
 */
export interface SearchTermsQuery {
  tenantId: string;
  terms: readonly string[];
  limit: number;
}

export interface SearchMessagesQuery extends SearchTermsQuery {
  /** Only messages after this one in the result order (`createdAt` desc, then id desc). */
  after?: { createdAt: number; messageId: string };
}

/**
 * Storage port for full-text search over one tenant's messages (internal notes included) and
 * customers (name, email, phone). Adapters may bound the work for very short terms (see each).
 */
export interface SearchRepository {
  /** Matching messages, newest first. */
  searchMessages(query: SearchMessagesQuery): Promise<Message[]>;
  /** Matching customers, most recently updated first. */
  searchCustomers(query: SearchTermsQuery): Promise<Customer[]>;
}
