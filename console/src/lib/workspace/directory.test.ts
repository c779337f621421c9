import { type Agent, DEFAULT_SITE_SETTINGS, type Site, type Team } from '@aftercare/shared';
import { describe, expect, it } from 'vitest';
import { storeAgent, storeAgents, storeSite, storeTeam, storeTeams } from './directory.js';
import { initialWorkspaceState } from './state.js';

const agent = (id: string, extra: Partial<Agent> = {}): Agent => ({
  id,
  tenantId: 't',
  email: `${id}@shop.example`,
  name: id.toUpperCase(),
  role: 'agent',
  active: true,
  avatarUrl: null,
  createdAt: 0,
  ...extra,
});
const team = (id: string, name: string): Team => ({ id, tenantId: 't', name, memberIds: [], createdAt: 0 });
const site = (id: string, name: string): Site => ({
  id,
  tenantId: 't',
  key: id,
  name,
  allowedOrigins: [],
  settings: DEFAULT_SITE_SETTINGS,
  createdAt: 0,
});

describe('the directory', () => {
  it('applies a changed agent to the directory, the names and the signed-in agent', () => {
    const me = agent('me', { role: 'admin' });
    let state = storeAgents(initialWorkspaceState(me), [me, agent('bob')]);
    expect(state.directory.loaded.agents).toBe(true);
    state = storeAgent(state, agent('me', { role: 'agent', name: 'Renamed' }));
    expect(state.agent?.role).toBe('agent');
    expect(state.agentNames.me).toBe('Renamed');
    state = storeAgent(state, agent('bob', { active: false }));
    expect(state.directory.agents.bob?.active).toBe(false);
    expect(state.agent?.id).toBe('me');
  });

  it('keeps teams sorted by name and sites in their order, replacing in place', () => {
    let state = storeTeams(initialWorkspaceState(null), [team('2', 'Refunds'), team('1', 'Repairs')]);
    state = storeTeam(state, team('3', 'Billing'));
    expect(state.directory.teams.map((item) => item.name)).toEqual(['Billing', 'Refunds', 'Repairs']);
    state = storeSite(storeSite(state, site('a', 'First')), site('b', 'Second'));
    state = storeSite(state, site('a', 'First, renamed'));
    expect(state.directory.sites.map((item) => item.name)).toEqual(['First, renamed', 'Second']);
  });
});
