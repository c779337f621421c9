import { schemas } from '@aftercare/shared/schemas';
import type { AgentDirectory } from '../../domain/agents/agent-directory.js';
import type { CannedResponseService } from '../../domain/canned/canned-response-service.js';
import { tenantRoom } from './broadcaster.js';
import { defineHandler, type HandlerContext } from './define-handler.js';
import type { AgentSocket } from './namespaces.js';

export interface CannedEventDeps {
  agentDirectory: AgentDirectory;
  cannedResponses: CannedResponseService;
  context: HandlerContext;
}

/**
 * The console's team directory (`agent:list`) and saved replies (`canned:*`). Changes are told to
 * the tenant's other consoles as the whole sorted list (`canned:changed`): it is short, and a
 * console that missed one event is right again after the next.
 */
export function registerCannedEvents(
  socket: AgentSocket,
  { agentDirectory, cannedResponses, context }: CannedEventDeps,
) {
  const on = socket as unknown as Parameters<typeof defineHandler>[0];
  const { agent } = socket.data;
  const announce = (responses: Awaited<ReturnType<CannedResponseService['list']>>) => () => {
    // The caller has the change in its ack; its other tabs and colleagues get the event.
    socket.to(tenantRoom(agent.tenantId)).emit('canned:changed', { responses });
  };

  defineHandler(on, context, 'agent:list', schemas.emptyPayload, async () => ({
    data: { agents: await agentDirectory.list(agent.tenantId) },
  }));

  defineHandler(on, context, 'canned:list', schemas.emptyPayload, async () => ({
    data: { responses: await cannedResponses.list(agent) },
  }));

  defineHandler(on, context, 'canned:create', schemas.cannedCreate, async (input) => {
    const change = await cannedResponses.create(agent, input);
    return { data: { response: change.result }, broadcast: announce(change.responses) };
  });

  defineHandler(on, context, 'canned:update', schemas.cannedUpdate, async ({ id, ...input }) => {
    const change = await cannedResponses.update(agent, id, input);
    return { data: { response: change.result }, broadcast: announce(change.responses) };
  });

  defineHandler(on, context, 'canned:delete', schemas.cannedRef, async ({ id }) => {
    const change = await cannedResponses.remove(agent, id);
    return { data: {}, broadcast: announce(change.responses) };
  });
}
