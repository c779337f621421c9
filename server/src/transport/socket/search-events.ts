import { schemas } from '@aftercare/shared/schemas';
import type { SearchService } from '../../domain/search/search-service.js';
import { defineHandler, type HandlerContext } from './define-handler.js';
import type { AgentSocket } from './namespaces.js';

export interface SearchEventDeps {
  search: SearchService;
  context: HandlerContext;
}

/**
 * The console's search box (`search:query`): any role, the caller's tenant only. Registered on
 * the agent namespace alone, so shoppers can never search.
 */
export function registerSearchEvents(socket: AgentSocket, { search, context }: SearchEventDeps): void {
  const on = socket as unknown as Parameters<typeof defineHandler>[0];
  const { agent } = socket.data;

  defineHandler(on, context, 'search:query', schemas.searchQuery, async (payload) => ({
    data: await search.query(agent, payload),
  }));
}
