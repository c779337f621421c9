import type {
  Agent,
  AgentCreatePayload,
  AgentUpdatePayload,
  Site,
  SiteInput,
  SiteUpdatePayload,
  Team,
  TeamInput,
} from '@aftercare/shared';
import { type ClientError, request } from '../agent-socket.js';
import type { WorkspaceContext } from './context.js';
import { storeAgent, storeSite, storeTeam, storeTeams } from './directory.js';

/** What a settings change answers: the stored record, or the server's refusal (shown beside the form). */
export type SettingsResult<T> = { ok: true; value: T } | { ok: false; error: ClientError };

/** The settings screens' requests. Each applies its answer to the store at once; broadcasts tell other consoles. */
export interface SettingsActions {
  createSite(input: SiteInput): Promise<SettingsResult<Site>>;
  updateSite(payload: SiteUpdatePayload): Promise<SettingsResult<Site>>;
  createAgent(payload: AgentCreatePayload): Promise<SettingsResult<Agent>>;
  updateAgent(payload: AgentUpdatePayload): Promise<SettingsResult<Agent>>;
  createTeam(input: TeamInput): Promise<SettingsResult<Team>>;
  updateTeam(teamId: string, input: TeamInput): Promise<SettingsResult<Team>>;
  deleteTeam(teamId: string): Promise<SettingsResult<null>>;
}

/** Builds the settings actions of one workspace. */
export function createSettingsActions(ctx: WorkspaceContext): SettingsActions {
  const { socket, store } = ctx;
  return {
    async createSite(input) {
      const res = await request(socket, 'site:create', input);
      if ('error' in res) return { ok: false, error: res.error };
      store.set((state) => storeSite(state, res.data.site));
      return { ok: true, value: res.data.site };
    },
    async updateSite(payload) {
      const res = await request(socket, 'site:update', payload);
      if ('error' in res) return { ok: false, error: res.error };
      store.set((state) => storeSite(state, res.data.site));
      return { ok: true, value: res.data.site };
    },
    async createAgent(payload) {
      const res = await request(socket, 'agent:create', payload);
      if ('error' in res) return { ok: false, error: res.error };
      store.set((state) => storeAgent(state, res.data.agent));
      return { ok: true, value: res.data.agent };
    },
    async updateAgent(payload) {
      const res = await request(socket, 'agent:update', payload);
      if ('error' in res) return { ok: false, error: res.error };
      store.set((state) => storeAgent(state, res.data.agent));
      return { ok: true, value: res.data.agent };
    },
    async createTeam(input) {
      const res = await request(socket, 'team:create', input);
      if ('error' in res) return { ok: false, error: res.error };
      store.set((state) => storeTeam(state, res.data.team));
      return { ok: true, value: res.data.team };
    },
    async updateTeam(teamId, input) {
      const res = await request(socket, 'team:update', { teamId, ...input });
      if ('error' in res) return { ok: false, error: res.error };
      store.set((state) => storeTeam(state, res.data.team));
      return { ok: true, value: res.data.team };
    },
    async deleteTeam(teamId) {
      const res = await request(socket, 'team:delete', { teamId });
      // Already gone is what the admin wanted.
      if ('error' in res && res.error.code !== 'NOT_FOUND') return { ok: false, error: res.error };
      store.set((state) =>
        storeTeams(
          state,
          state.directory.teams.filter((team) => team.id !== teamId),
        ),
      );
      return { ok: true, value: null };
    },
  };
}
