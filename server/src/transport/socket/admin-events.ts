import type { Team } from '@aftercare/shared';
import { schemas } from '@aftercare/shared/schemas';
import type { AgentAdminService } from '../../domain/agents/agent-admin-service.js';
import type { RequeueOutcome } from '../../domain/routing/team-routing.js';
import type { SiteService } from '../../domain/sites/site-service.js';
import type { TeamService } from '../../domain/teams/team-service.js';
import { agentRoom, type Broadcaster, tenantRoom } from './broadcaster.js';
import { defineHandler, type HandlerContext } from './define-handler.js';
import type { AgentSocket } from './namespaces.js';
import { refreshProfileEverywhere } from './profile-sync.js';
import type { RoutingBroadcasts } from './routing-broadcasts.js';

export interface AdminEventDeps {
  sites: SiteService;
  agentAdmin: AgentAdminService;
  teams: TeamService;
  broadcaster: Broadcaster;
  routingBroadcasts: RoutingBroadcasts;
  context: HandlerContext;
}

/**
 * The console's settings screens: sites (`site:*`), agents (`agent:create|update`; `agent:list` is
 * in `canned-events.ts`) and teams (`team:*`). Reading is open to every role; the services refuse
 * changes to non-admins. Each change is told to the tenant's other consoles (`site:changed`,
 * `agent:changed`, `team:changed` with the whole list), so no settings screen shows stale data.
 */
export function registerAdminEvents(socket: AgentSocket, deps: AdminEventDeps) {
  const { sites, agentAdmin, teams, broadcaster, routingBroadcasts, context } = deps;
  const on = socket as unknown as Parameters<typeof defineHandler>[0];
  const { agent } = socket.data;
  // The caller has the change in its ack; its other tabs and colleagues get the event.
  const toTenant = () => socket.to(tenantRoom(agent.tenantId));

  /** Tells both sides about conversations that went back to waiting, then what routing did. */
  const publishRequeue = ({ outcome, updated }: RequeueOutcome) => {
    for (const conversation of updated) broadcaster.conversationUpdated(conversation);
    routingBroadcasts.publish(agent.tenantId, outcome);
  };

  defineHandler(on, context, 'site:list', schemas.emptyPayload, async () => ({
    data: { sites: await sites.list(agent) },
  }));

  defineHandler(on, context, 'site:create', schemas.siteCreate, async (input) => {
    const site = await sites.create(agent, input);
    return { data: { site }, broadcast: () => toTenant().emit('site:changed', { site }) };
  });

  defineHandler(on, context, 'site:update', schemas.siteUpdate, async (input) => {
    const site = await sites.update(agent, input);
    return { data: { site }, broadcast: () => toTenant().emit('site:changed', { site }) };
  });

  defineHandler(on, context, 'agent:create', schemas.agentCreate, async (input) => {
    const created = await agentAdmin.create(agent, input);
    return { data: { agent: created }, broadcast: () => toTenant().emit('agent:changed', { agent: created }) };
  });

  defineHandler(on, context, 'agent:update', schemas.agentUpdate, async (input) => {
    const result = await agentAdmin.update(agent, input);
    return {
      data: { agent: result.agent },
      broadcast: () => {
        toTenant().emit('agent:changed', { agent: result.agent });
        const theirSockets = socket.nsp.in(agentRoom(result.agent.id));
        // Their sessions are gone: close their consoles (the caller's too, when it was their own password).
        if (result.signedOut) theirSockets.disconnectSockets(true);
        else refreshProfileEverywhere(socket.nsp, result.agent.id, result.agent);
        if (result.handedBack) publishRequeue(result.handedBack);
      },
    };
  });

  const announceTeams = (change: { teams: Team[]; routed: RequeueOutcome }) => () => {
    toTenant().emit('team:changed', { teams: change.teams });
    publishRequeue(change.routed);
  };

  defineHandler(on, context, 'team:list', schemas.emptyPayload, async () => ({
    data: { teams: await teams.list(agent) },
  }));

  defineHandler(on, context, 'team:create', schemas.teamCreate, async (input) => {
    const change = await teams.create(agent, input);
    return { data: { team: change.result }, broadcast: announceTeams(change) };
  });

  defineHandler(on, context, 'team:update', schemas.teamUpdate, async ({ teamId, ...input }) => {
    const change = await teams.update(agent, teamId, input);
    return { data: { team: change.result }, broadcast: announceTeams(change) };
  });

  defineHandler(on, context, 'team:delete', schemas.teamRef, async ({ teamId }) => {
    const change = await teams.remove(agent, teamId);
    return { data: {}, broadcast: announceTeams(change) };
  });
}
