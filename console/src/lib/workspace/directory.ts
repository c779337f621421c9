import type { Agent, Site, Team } from '@aftercare/shared';
import { request } from '../agent-socket.js';
import type { WorkspaceContext } from './context.js';
import type { WorkspaceState } from './state.js';

/**
 * The tenant's people and places as the settings screens, the team panel and the transfer menu
 * show them: every agent (with role, active flag and picture), the teams and the sites. Loaded
 * after every connect and kept live by `agent:changed`, `team:changed` and `site:changed`.
 */
export interface DirectoryState {
  /** Every agent of the tenant by id, from `agent:list`. */
  agents: Record<string, Agent>;
  /** Teams sorted by name. */
  teams: Team[];
  /** Sites, oldest first (the server's order). */
  sites: Site[];
  /** Which lists have answered at least once (a screen shows "loading" until then). */
  loaded: { agents: boolean; teams: boolean; sites: boolean };
}

/** The directory of a freshly signed-in workspace. */
export function emptyDirectory(): DirectoryState {
  return { agents: {}, teams: [], sites: [], loaded: { agents: false, teams: false, sites: false } };
}

function withDirectory(state: WorkspaceState, patch: Partial<DirectoryState>): WorkspaceState {
  return { ...state, directory: { ...state.directory, ...patch } };
}

const byName = (a: Team, b: Team) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

/** Stores the whole agent list (from `agent:list`), replacing what was held. */
export function storeAgents(state: WorkspaceState, agents: readonly Agent[]): WorkspaceState {
  const byId: Record<string, Agent> = {};
  for (const agent of agents) byId[agent.id] = agent;
  return withDirectory(state, { agents: byId, loaded: { ...state.directory.loaded, agents: true } });
}

/**
 * Applies one changed agent everywhere it shows: the directory, the names, and — when it is the
 * signed-in agent — the session's own record, so a changed role hides or shows controls at once.
 */
export function storeAgent(state: WorkspaceState, agent: Agent): WorkspaceState {
  const next = withDirectory(state, { agents: { ...state.directory.agents, [agent.id]: agent } });
  return {
    ...next,
    agent: state.agent?.id === agent.id ? agent : state.agent,
    agentNames: { ...state.agentNames, [agent.id]: agent.name },
  };
}

export function storeTeams(state: WorkspaceState, teams: readonly Team[]): WorkspaceState {
  return withDirectory(state, { teams: [...teams].sort(byName), loaded: { ...state.directory.loaded, teams: true } });
}

export function storeTeam(state: WorkspaceState, team: Team): WorkspaceState {
  return storeTeams(state, [...state.directory.teams.filter((item) => item.id !== team.id), team]);
}

/** Replaces a site in place (keeping the list's order) or appends a new one. */
export function storeSite(state: WorkspaceState, site: Site): WorkspaceState {
  const { sites } = state.directory;
  const known = sites.some((item) => item.id === site.id);
  return withDirectory(state, {
    sites: known ? sites.map((item) => (item.id === site.id ? site : item)) : [...sites, site],
  });
}

/** Loads teams and sites (after every connect); the agents come with the agent directory. */
export async function loadDirectory(ctx: WorkspaceContext): Promise<void> {
  const [teams, sites] = await Promise.all([
    request(ctx.socket, 'team:list', {}),
    request(ctx.socket, 'site:list', {}),
  ]);
  if (!('error' in teams)) ctx.store.set((state) => storeTeams(state, teams.data.teams));
  if (!('error' in sites)) {
    ctx.store.set((state) =>
      withDirectory(state, { sites: sites.data.sites, loaded: { ...state.directory.loaded, sites: true } }),
    );
  }
}

/** Listens for other consoles' settings changes; returns the unbinding function. */
export function bindDirectoryEvents(ctx: WorkspaceContext): () => void {
  const agentChanged = ({ agent }: { agent: Agent }) => ctx.store.set((state) => storeAgent(state, agent));
  const teamChanged = ({ teams }: { teams: Team[] }) => ctx.store.set((state) => storeTeams(state, teams));
  const siteChanged = ({ site }: { site: Site }) => ctx.store.set((state) => storeSite(state, site));
  ctx.socket.on('agent:changed', agentChanged);
  ctx.socket.on('team:changed', teamChanged);
  ctx.socket.on('site:changed', siteChanged);
  return () => {
    ctx.socket.off('agent:changed', agentChanged);
    ctx.socket.off('team:changed', teamChanged);
    ctx.socket.off('site:changed', siteChanged);
  };
}
