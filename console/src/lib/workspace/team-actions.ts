import type { Agent } from '@aftercare/shared';
import { request } from '../agent-socket.js';
import type { WorkspaceContext } from './context.js';
import { storeAgents } from './directory.js';

/**
 * Names by id once the directory answered: the directory adds and corrects names, but never
 * forgets one learnt live (a colleague added after the list was read has written since).
 */
export function mergeAgentNames(names: Record<string, string>, agents: readonly Agent[]): Record<string, string> {
  const merged = { ...names };
  for (const agent of agents) merged[agent.id] = agent.name;
  return merged;
}

/**
 * Loads the agent directory (after every connect) so rows, headers, the team panel and the
 * transfer menu show colleagues' names rather than short ids.
 */
export async function loadAgentDirectory(ctx: WorkspaceContext): Promise<void> {
  const res = await request(ctx.socket, 'agent:list', {});
  if ('error' in res) return; // offline or refused: the next connect asks again
  ctx.store.set((state) =>
    storeAgents({ ...state, agentNames: mergeAgentNames(state.agentNames, res.data.agents) }, res.data.agents),
  );
}
