import type { Agent } from '@aftercare/shared';
import type { AgentRecord, AgentRepository } from './agent-repository.js';

/**
 * An agent as colleagues see it: the stored record without its password hash. Capacity stays
 * server-side too: consoles read it from presence, which is rebuilt from the store.
 */
export function toPublicAgent({ passwordHash: _hash, capacity: _capacity, ...agent }: AgentRecord): Agent {
  return agent;
}

/**
 * Who is on the team: names and roles for the console's rows, headers and team panel. Only the
 * caller's tenant, and never a password hash.
 */
export function createAgentDirectory({ agents }: { agents: AgentRepository }) {
  return {
    async list(tenantId: string): Promise<Agent[]> {
      return (await agents.listByTenant(tenantId)).map(toPublicAgent);
    },
  };
}

export type AgentDirectory = ReturnType<typeof createAgentDirectory>;
