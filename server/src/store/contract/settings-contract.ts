import { DEFAULT_SITE_SETTINGS, type SiteSettings, type Team } from '@aftercare/shared';
import { expect, it } from 'vitest';
import type { Store } from '../../domain/store.js';
import { newAgent, newId, newMessage, newSite, seedConversation, T0 } from './fixtures.js';

const shanghaiHours: SiteSettings['businessHours'] = {
  timeZone: 'Asia/Shanghai',
  intervals: [
    { day: 1, open: '09:00', close: '12:00' },
    { day: 1, open: '13:00', close: '18:00' },
  ],
  closedDates: ['2026-10-01'],
};

function newTeam(overrides: Partial<Team> = {}): Team {
  return { id: newId(), tenantId: newId(), name: 'Repairs', memberIds: [], createdAt: T0, ...overrides };
}

/** Site settings, agent profiles and deactivation, teams, and conversations bound to a team. */
export function describeSettingsContract(getStore: () => Store): void {
  it('sites: settings are stored whole and update merges them setting by setting', async () => {
    const store = getStore();
    const settings: SiteSettings = {
      ...DEFAULT_SITE_SETTINGS,
      color: '#ff0000',
      greeting: { en: 'Hi', 'zh-CN': '您好' },
      businessHours: shanghaiHours,
    };
    const site = await store.sites.create(newSite({ settings }));
    expect(site.settings).toEqual(settings);
    expect(await store.sites.getByKey(site.key)).toEqual(site);

    const renamed = await store.sites.update(site.tenantId, site.id, { name: 'Kettles', allowedOrigins: [] });
    expect(renamed).toEqual({ ...site, name: 'Kettles', allowedOrigins: [] });

    // Only the named settings change; a whole localized text is replaced, not merged.
    const changed = await store.sites.update(site.tenantId, site.id, {
      settings: { greeting: { en: 'Hello' }, businessHours: null, expectedReplyMinutes: 30 },
    });
    const expected = {
      ...site,
      name: 'Kettles',
      allowedOrigins: [],
      settings: { ...settings, greeting: { en: 'Hello' }, businessHours: null, expectedReplyMinutes: 30 },
    };
    expect(changed).toEqual(expected);
    expect(await store.sites.getById(site.id)).toEqual(expected);
    expect(await store.sites.listByTenant(site.tenantId)).toEqual([expected]);
  });

  it('sites: update stays in its tenant and answers null for an unknown site', async () => {
    const store = getStore();
    const site = await store.sites.create(newSite());
    expect(await store.sites.update(newId(), site.id, { name: 'Hijacked' })).toBeNull();
    expect(await store.sites.update(site.tenantId, newId(), { name: 'Nobody' })).toBeNull();
    expect(await store.sites.getById(site.id)).toEqual(site);
  });

  it('sites: two updates of different settings at once both stay', async () => {
    const store = getStore();
    const site = await store.sites.create(newSite());
    await Promise.all([
      store.sites.update(site.tenantId, site.id, { settings: { color: '#123456' } }),
      store.sites.update(site.tenantId, site.id, { settings: { expectedReplyMinutes: 60 } }),
    ]);
    expect((await store.sites.getById(site.id))?.settings).toMatchObject({
      color: '#123456',
      expectedReplyMinutes: 60,
    });
  });

  it('agents: new agents are active; update changes the named fields in the tenant only', async () => {
    const store = getStore();
    const agent = await store.agents.create(newAgent({ avatarUrl: 'https://cdn.example/a.png' }));
    expect(agent).toMatchObject({ active: true, avatarUrl: 'https://cdn.example/a.png' });

    const changed = await store.agents.update(agent.tenantId, agent.id, {
      name: 'Ada Lovelace',
      role: 'supervisor',
      active: false,
      passwordHash: 'scrypt$new$hash',
    });
    const expected = {
      ...agent,
      name: 'Ada Lovelace',
      role: 'supervisor' as const,
      active: false,
      passwordHash: 'scrypt$new$hash',
    };
    expect(changed).toEqual(expected);
    expect(await store.agents.getByEmail(agent.email)).toEqual(expected);

    // `null` removes the picture; absent fields stay.
    expect(await store.agents.update(agent.tenantId, agent.id, { avatarUrl: null, active: true })).toEqual({
      ...expected,
      avatarUrl: null,
      active: true,
    });
    expect(await store.agents.update(newId(), agent.id, { name: 'Hijacked' })).toBeNull();
    expect(await store.agents.update(agent.tenantId, newId(), { name: 'Nobody' })).toBeNull();
    expect((await store.agents.getById(agent.id))?.name).toBe('Ada Lovelace');
    // Deactivated agents are still listed (their names stay on old conversations).
    await store.agents.update(agent.tenantId, agent.id, { active: false });
    expect((await store.agents.listByTenant(agent.tenantId)).map((a) => a.active)).toEqual([false]);
  });

  it('teams: create, find, list by name, update and delete within the tenant', async () => {
    const store = getStore();
    const repairs = newTeam({ memberIds: ['a1', 'a2'] });
    const { tenantId } = repairs;
    const billing = newTeam({ tenantId, name: 'billing', memberIds: [] });
    expect(await store.teams.create(repairs)).toEqual(repairs);
    await store.teams.create(billing);
    await store.teams.create(newTeam());

    expect(await store.teams.getById(tenantId, repairs.id)).toEqual(repairs);
    expect(await store.teams.getById(newId(), repairs.id)).toBeNull();
    expect(await store.teams.listByTenant(tenantId)).toEqual([billing, repairs]);

    const renamed = await store.teams.update(tenantId, repairs.id, { name: 'Repairs & returns', memberIds: ['a2'] });
    expect(renamed).toEqual({ ...repairs, name: 'Repairs & returns', memberIds: ['a2'] });
    expect(await store.teams.update(newId(), repairs.id, { name: 'x', memberIds: [] })).toBeNull();

    expect(await store.teams.delete(newId(), repairs.id)).toBe(false);
    expect(await store.teams.delete(tenantId, repairs.id)).toBe(true);
    expect(await store.teams.delete(tenantId, repairs.id)).toBe(false);
    expect(await store.teams.listByTenant(tenantId)).toEqual([billing]);
  });

  it('teams: a name is unique per tenant whatever its case (CONFLICT), not across tenants', async () => {
    const store = getStore();
    const repairs = await store.teams.create(newTeam());
    const { tenantId } = repairs;
    await expect(store.teams.create(newTeam({ tenantId, name: 'REPAIRS' }))).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const billing = await store.teams.create(newTeam({ tenantId, name: 'Billing' }));
    await expect(store.teams.update(tenantId, billing.id, { name: 'repairs', memberIds: [] })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await store.teams.getById(tenantId, billing.id)).toEqual(billing);
    expect(await store.teams.create(newTeam({ name: 'Repairs' }))).toMatchObject({ name: 'Repairs' });
  });

  it('conversations: setRouting sets assignee and team together, compare-and-set on the assignee', async () => {
    const store = getStore();
    const conversation = await seedConversation(store);
    expect(conversation.teamId).toBeNull();
    const route = (target: { assigneeId: string | null; teamId: string | null }, expected: string | null, at: number) =>
      store.conversations.setRouting(conversation.id, target, expected, at);
    const toTeam = await route({ assigneeId: null, teamId: 't1' }, null, T0 + 1);
    expect(toTeam).toMatchObject({
      changed: true,
      conversation: { assigneeId: null, teamId: 't1', updatedAt: T0 + 1 },
    });
    const toMember = await route({ assigneeId: 'a1', teamId: 't1' }, null, T0 + 2);
    expect(toMember).toMatchObject({
      changed: true,
      conversation: { assigneeId: 'a1', teamId: 't1', updatedAt: T0 + 2 },
    });
    // The wrong expected assignee changes nothing.
    const refused = await route({ assigneeId: 'a2', teamId: null }, 'a9', T0 + 3);
    expect(refused).toMatchObject({
      changed: false,
      conversation: { assigneeId: 'a1', teamId: 't1', updatedAt: T0 + 2 },
    });
    // The same routing again is no change: `updatedAt` stays.
    const same = await route({ assigneeId: 'a1', teamId: 't1' }, 'a1', T0 + 4);
    expect(same).toMatchObject({ changed: false, conversation: { updatedAt: T0 + 2 } });
    // setAssignee keeps the team.
    expect(await store.conversations.setAssignee(conversation.id, 'a2', 'a1', T0 + 5)).toMatchObject({
      changed: true,
      conversation: { assigneeId: 'a2', teamId: 't1' },
    });
    const toAgent = await route({ assigneeId: 'a3', teamId: null }, 'a2', T0 + 6);
    expect(toAgent).toMatchObject({
      changed: true,
      conversation: { assigneeId: 'a3', teamId: null, updatedAt: T0 + 6 },
    });
    expect(await store.conversations.getById(conversation.id)).toEqual(toAgent.conversation);
    expect(await store.conversations.setRouting(newId(), { assigneeId: null, teamId: null }, null, T0)).toEqual({
      changed: false,
      conversation: null,
    });
  });

  it('messages: an agent’s picture is stored with the message, like the name; none means initials', async () => {
    const store = getStore();
    const conversation = await seedConversation(store);
    const author = { kind: 'agent' as const, id: 'a1', name: 'Ada', avatarUrl: 'https://cdn.example/ada.png' };
    const withPicture = await store.messages.append(newMessage(conversation.id, { author }));
    const without = await store.messages.append(
      newMessage(conversation.id, { author: { kind: 'agent', id: 'a2', name: 'Bo', avatarUrl: null } }),
    );
    expect(withPicture?.message.author).toEqual(author);
    expect(without?.message.author).toEqual({ kind: 'agent', id: 'a2', name: 'Bo' });
    const listed = await store.messages.listAfter(conversation.id, 0, 10, 'agent');
    expect(listed.map((message) => message.author)).toEqual([author, { kind: 'agent', id: 'a2', name: 'Bo' }]);
  });

  it('conversations: clearTeam unbinds the tenant’s conversations and returns the open ones', async () => {
    const store = getStore();
    const site = await store.sites.create(newSite());
    const waiting = await seedConversation(store, { site, overrides: { teamId: 'team-x' } });
    const assigned = await seedConversation(store, { site, overrides: { teamId: 'team-x', assigneeId: 'a1' } });
    const resolved = await seedConversation(store, {
      site,
      overrides: { teamId: 'team-x', status: 'resolved', resolvedAt: T0 },
    });
    const otherTeam = await seedConversation(store, { site, overrides: { teamId: 'team-y' } });
    const otherTenant = await seedConversation(store, { overrides: { teamId: 'team-x' } });

    const cleared = await store.conversations.clearTeam(site.tenantId, 'team-x', T0 + 50);
    expect(cleared.map((c) => c.id).sort()).toEqual([waiting.id, assigned.id].sort());
    for (const conversation of cleared) expect(conversation).toMatchObject({ teamId: null, updatedAt: T0 + 50 });
    expect(await store.conversations.getById(resolved.id)).toMatchObject({
      teamId: null,
      updatedAt: resolved.updatedAt,
    });
    expect(await store.conversations.getById(otherTeam.id)).toMatchObject({ teamId: 'team-y' });
    expect(await store.conversations.getById(otherTenant.id)).toMatchObject({ teamId: 'team-x' });
    expect(await store.conversations.clearTeam(site.tenantId, 'team-x', T0 + 60)).toEqual([]);
  });
}
