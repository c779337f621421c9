import type { Agent, AgentCreatePayload, AgentUpdatePayload } from '@aftercare/shared';
import { newId } from '../../lib/tokens.js';
import type { Clock } from '../clock.js';
import { AftercareError } from '../errors.js';
import type { RequeueOutcome } from '../routing/team-routing.js';
import { toPublicAgent } from './agent-directory.js';
import type { AgentChanges, AgentRepository, SessionRepository } from './agent-repository.js';
import { hashPassword } from './passwords.js';
import { assertRole, hasRole } from './roles.js';

export interface AgentAdminDeps {
  agents: AgentRepository;
  sessions: SessionRepository;
  /** Hands a deactivated agent's conversations back to routing (the routing service's `agentDeactivated`). */
  agentDeactivated(agent: Agent): Promise<RequeueOutcome>;
  clock: Clock;
}

/** What an update did, so the transport knows whom to sign out and what to broadcast. */
export interface AgentUpdateResult {
  agent: Agent;
  /**
   * The agent's sessions were ended (deactivated, new password or new role): their consoles must be
   * disconnected. A new role needs a new sign-in because each console connection keeps the role it
   * signed in with.
   */
  signedOut: boolean;
  /** Set when the agent was deactivated: their conversations, routed again. */
  handedBack: RequeueOutcome | null;
}

/** Fields an agent may change on their own profile; the rest is for admins. */
const SELF_SERVICE = new Set(['agentId', 'name', 'avatarUrl', 'password']);

/**
 * Console users managed by admins: create, rename, change role, deactivate, reset a password.
 * Every agent may change their own name, picture and password. An admin can neither demote nor
 * deactivate themselves, so a tenant never loses its last admin by accident.
 */
export function createAgentAdminService({ agents, sessions, agentDeactivated, clock }: AgentAdminDeps) {
  return {
    /** Admins. A taken email (in any tenant) answers `CONFLICT`. */
    async create(admin: Agent, input: AgentCreatePayload): Promise<Agent> {
      assertRole(admin, 'admin');
      const record = await agents.create({
        id: newId(),
        tenantId: admin.tenantId,
        email: input.email,
        name: input.name,
        role: input.role,
        active: true,
        avatarUrl: null,
        passwordHash: await hashPassword(input.password),
        createdAt: clock.now(),
      });
      return toPublicAgent(record);
    },

    async update(actor: Agent, { agentId, password, ...fields }: AgentUpdatePayload): Promise<AgentUpdateResult> {
      const self = actor.id === agentId;
      const admin = hasRole(actor, 'admin');
      if (!admin) {
        const adminOnly = Object.keys({ agentId, password, ...fields }).some((key) => !SELF_SERVICE.has(key));
        if (!self || adminOnly)
          throw new AftercareError('FORBIDDEN', 'Agents may change only their own name, picture and password');
      }
      const demotes = fields.role !== undefined && fields.role !== 'admin';
      if (self && admin && (demotes || fields.active === false)) {
        throw new AftercareError('FORBIDDEN', 'An admin cannot demote or deactivate themselves');
      }
      const current = await agents.getById(agentId);
      if (!current || current.tenantId !== actor.tenantId) throw new AftercareError('NOT_FOUND', 'No such agent');

      const changes: AgentChanges = { ...fields };
      if (password !== undefined) changes.passwordHash = await hashPassword(password);
      const updated = await agents.update(actor.tenantId, agentId, changes);
      if (!updated) throw new AftercareError('NOT_FOUND', 'No such agent');

      const deactivated = current.active && !updated.active;
      const signedOut = deactivated || password !== undefined || current.role !== updated.role;
      if (signedOut) await sessions.deleteAllForAgent(agentId);
      const agent = toPublicAgent(updated);
      return { agent, signedOut, handedBack: deactivated ? await agentDeactivated(agent) : null };
    },
  };
}

export type AgentAdminService = ReturnType<typeof createAgentAdminService>;
