import type { Agent, AgentRole, CannedResponse, CannedResponseInput } from '@aftercare/shared';
import { AGENT_ROLES } from '@aftercare/shared';
import { newId } from '../../lib/tokens.js';
import type { Clock } from '../clock.js';
import { AftercareError } from '../errors.js';
import type { CannedResponseRepository } from './canned-response-repository.js';

export interface CannedResponseServiceDeps {
  cannedResponses: CannedResponseRepository;
  clock: Clock;
}

/** What a change returns: the changed response and the tenant's whole list after it (for `canned:changed`). */
export interface CannedChange<T> {
  result: T;
  responses: CannedResponse[];
}

/**
 * Saved replies per tenant. Every agent reads them; only supervisors and admins change them, so a
 * shop's wording (warranty terms, return policy) stays under the control of whoever answers for it.
 */
export function createCannedResponseService({ cannedResponses, clock }: CannedResponseServiceDeps) {
  const changed = async <T>(tenantId: string, result: T): Promise<CannedChange<T>> => ({
    result,
    responses: await cannedResponses.listByTenant(tenantId),
  });

  return {
    /** The caller's tenant's responses, sorted by shortcut. */
    list(agent: Agent): Promise<CannedResponse[]> {
      return cannedResponses.listByTenant(agent.tenantId);
    },

    async create(agent: Agent, input: CannedResponseInput): Promise<CannedChange<CannedResponse>> {
      assertEditor(agent);
      const now = clock.now();
      const response = await cannedResponses.create({
        id: newId(),
        tenantId: agent.tenantId,
        shortcut: input.shortcut,
        title: input.title,
        text: input.text,
        createdAt: now,
        updatedAt: now,
      });
      return changed(agent.tenantId, response);
    },

    async update(agent: Agent, id: string, input: CannedResponseInput): Promise<CannedChange<CannedResponse>> {
      assertEditor(agent);
      const response = await cannedResponses.update(agent.tenantId, id, { ...input, updatedAt: clock.now() });
      if (!response) throw new AftercareError('NOT_FOUND', 'No such canned response');
      return changed(agent.tenantId, response);
    },

    async remove(agent: Agent, id: string): Promise<CannedChange<null>> {
      assertEditor(agent);
      if (!(await cannedResponses.delete(agent.tenantId, id))) {
        throw new AftercareError('NOT_FOUND', 'No such canned response');
      }
      return changed(agent.tenantId, null);
    },
  };
}

export type CannedResponseService = ReturnType<typeof createCannedResponseService>;

/** Supervisors and admins edit the shop's saved replies; agents only use them. */
function assertEditor(agent: Agent): void {
  const editor: AgentRole = 'supervisor';
  if (AGENT_ROLES.indexOf(agent.role) < AGENT_ROLES.indexOf(editor)) {
    throw new AftercareError('FORBIDDEN', 'Supervisors and admins only');
  }
}
