import type { Agent, Conversation, Customer, MessageHit, SearchCursor, SearchResult } from '@aftercare/shared';
import type { ConversationRepository } from '../conversations/conversation-repository.js';
import type { CustomerRepository } from '../customers/customer-repository.js';
import type { SearchRepository } from './search-repository.js';
import { searchTerms } from './search-terms.js';
import { snippetOf } from './snippet.js';

export interface SearchServiceDeps {
  search: SearchRepository;
  conversations: ConversationRepository;
  customers: CustomerRepository;
}

/** Message hits per page when the console does not say. */
const DEFAULT_PAGE = 20;
/** Customer hits on the first page. */
const CUSTOMER_HITS = 10;

/** The console's search: the caller's tenant only, messages (notes included) and customers. */
export function createSearchService({ search, conversations, customers }: SearchServiceDeps) {
  return {
    async query(agent: Agent, input: { query: string; limit?: number; cursor?: SearchCursor }): Promise<SearchResult> {
      const terms = searchTerms(input.query);
      const limit = input.limit ?? DEFAULT_PAGE;
      const tenantId = agent.tenantId;
      const [messages, customerHits] = await Promise.all([
        // One more than the page, to learn whether another page follows.
        search.searchMessages({ tenantId, terms, limit: limit + 1, after: input.cursor }),
        input.cursor ? Promise.resolve([]) : search.searchCustomers({ tenantId, terms, limit: CUSTOMER_HITS }),
      ]);
      const page = messages.slice(0, limit);
      const byId = await loadAll(
        page.map((message) => message.conversationId),
        (id) => conversations.getById(id),
      );
      const hits: MessageHit[] = [];
      for (const message of page) {
        const conversation = byId.get(message.conversationId);
        // The adapters scope by tenant already; this guards the answer against a racing change.
        if (!conversation || conversation.tenantId !== tenantId) continue;
        hits.push({
          messageId: message.id,
          seq: message.seq,
          authorKind: message.author.kind,
          internal: message.internal,
          createdAt: message.createdAt,
          snippet: snippetOf(message.text, terms),
          conversation,
        });
      }
      const owners = await loadAll(
        hits.map((hit) => hit.conversation.customerId),
        (id) => customers.getById(id),
      );
      const last = page.at(-1);
      return {
        messages: hits,
        customerHits,
        customers: [...owners.values()],
        nextCursor: messages.length > limit && last ? { createdAt: last.createdAt, messageId: last.id } : null,
      };
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;

/** Loads each distinct id once; unknown ids are left out. */
async function loadAll<T extends Conversation | Customer>(
  ids: readonly string[],
  load: (id: string) => Promise<T | null>,
): Promise<Map<string, T>> {
  const unique = [...new Set(ids)];
  const found = await Promise.all(unique.map(load));
  const map = new Map<string, T>();
  for (const item of found) if (item) map.set(item.id, item);
  return map;
}
