import type { Agent, Team, TeamInput } from '@aftercare/shared';
import { LIMITS } from '@aftercare/shared';
import { newId } from '../../lib/tokens.js';
import type { AgentRepository } from '../agents/agent-repository.js';
import { assertRole } from '../agents/roles.js';
import type { Clock } from '../clock.js';
import { AftercareError } from '../errors.js';
import type { RoutingOutcome } from '../routing/routing-outcome.js';
import type { RequeueOutcome } from '../routing/team-routing.js';
import type { TeamRepository } from './team-repository.js';

export interface TeamServiceDeps {
  teams: TeamRepository;
  agents: AgentRepository;
  /** The routing service's reactions to team changes. */
  routing: {
    teamChanged(tenantId: string): Promise<RoutingOutcome>;
    teamDeleted(tenantId: string, teamId: string): Promise<RequeueOutcome>;
  };
  clock: Clock;
}

/** What a change returns: its result, the tenant's teams after it (for `team:changed`) and what routing did. */
export interface TeamChange<T> {
  result: T;
  teams: Team[];
  routed: RequeueOutcome;
}

/**
 * Teams of agents ("Repairs", "Refunds") that conversations can be transferred to. Every agent
 * reads them (the transfer menu); admins change them. Members must be agents of the tenant.
 */
export function createTeamService({ teams, agents, routing, clock }: TeamServiceDeps) {
  async function assertMembers(tenantId: string, memberIds: readonly string[]): Promise<void> {
    const known = new Set((await agents.listByTenant(tenantId)).map((agent) => agent.id));
    if (memberIds.some((id) => !known.has(id))) {
      // NOT_FOUND, as for any id of another tenant: nobody probes which agent ids exist.
      throw new AftercareError('NOT_FOUND', 'No such agent');
    }
  }

  const changed = async <T>(tenantId: string, result: T, routed: RequeueOutcome): Promise<TeamChange<T>> => ({
    result,
    teams: await teams.listByTenant(tenantId),
    routed,
  });

  return {
    /** The caller's tenant's teams, by name. */
    list(agent: Agent): Promise<Team[]> {
      return teams.listByTenant(agent.tenantId);
    },

    async create(admin: Agent, input: TeamInput): Promise<TeamChange<Team>> {
      assertRole(admin, 'admin');
      await assertMembers(admin.tenantId, input.memberIds);
      if ((await teams.listByTenant(admin.tenantId)).length >= LIMITS.teamsPerTenant) {
        throw new AftercareError('CONFLICT', `A shop may have at most ${LIMITS.teamsPerTenant} teams`);
      }
      const team = await teams.create({
        id: newId(),
        tenantId: admin.tenantId,
        name: input.name,
        memberIds: input.memberIds,
        createdAt: clock.now(),
      });
      return changed(admin.tenantId, team, { outcome: emptyOutcome(), updated: [] });
    },

    /** Replaces name and members; chats waiting for the team may go to a new member at once. */
    async update(admin: Agent, teamId: string, input: TeamInput): Promise<TeamChange<Team>> {
      assertRole(admin, 'admin');
      await assertMembers(admin.tenantId, input.memberIds);
      const team = await teams.update(admin.tenantId, teamId, input);
      if (!team) throw new AftercareError('NOT_FOUND', 'No such team');
      return changed(admin.tenantId, team, { outcome: await routing.teamChanged(admin.tenantId), updated: [] });
    },

    /** Chats waiting for the team go back to the general queue, keeping their place. */
    async remove(admin: Agent, teamId: string): Promise<TeamChange<null>> {
      assertRole(admin, 'admin');
      if (!(await teams.delete(admin.tenantId, teamId))) throw new AftercareError('NOT_FOUND', 'No such team');
      return changed(admin.tenantId, null, await routing.teamDeleted(admin.tenantId, teamId));
    },
  };
}

export type TeamService = ReturnType<typeof createTeamService>;

function emptyOutcome(): RoutingOutcome {
  return { assigned: [], agents: [], queue: null };
}
