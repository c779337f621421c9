import type { Agent, AgentRole } from '@aftercare/shared';
import { AGENT_ROLES } from '@aftercare/shared';
import { AftercareError } from '../errors.js';

/** Whether the agent's role includes `role` (each role has the rights of the ones before it). */
export function hasRole(agent: Pick<Agent, 'role'>, role: AgentRole): boolean {
  return AGENT_ROLES.indexOf(agent.role) >= AGENT_ROLES.indexOf(role);
}

/** Throws `FORBIDDEN` unless the agent's role includes `role`. */
export function assertRole(agent: Pick<Agent, 'role'>, role: AgentRole): void {
  if (!hasRole(agent, role)) throw new AftercareError('FORBIDDEN', `Only ${role}s may do this`);
}
