import type { Agent, Site, SiteSettings, Team } from '@aftercare/shared';
import { DEFAULT_SITE_SETTINGS } from '@aftercare/shared';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SITE_SETTINGS } from '../../demo/demo-data.js';
import { addAgent } from '../../test-support/agents.js';
import {
  type AgentClient,
  connectAgent,
  connectVisitor,
  login,
  nextEvents,
  request,
  requestData,
} from '../../test-support/clients.js';
import { DEMO, startTestServer, type TestServer } from '../../test-support/test-server.js';

const settings: SiteSettings = {
  ...DEFAULT_SITE_SETTINGS,
  color: '#AA3300',
  greeting: { en: '  Hello from the kettle shop  ', 'zh-CN': '' },
  businessHours: {
    timeZone: 'Asia/Shanghai',
    intervals: [
      { day: 1, open: '09:00', close: '12:00' },
      { day: 1, open: '12:00', close: '18:00' },
    ],
    closedDates: ['2026-10-01'],
  },
};

/**
 * The next `event` whose payload passes `match`: broadcasts of earlier requests may still be on their
 * way (the caller's ack goes out before colleagues are told).
 */
function nextMatching<T>(client: AgentClient, event: string, match: (payload: T) => boolean, timeoutMs = 5_000) {
  const socket = client as unknown as Socket;
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`timed out waiting for a matching ${event}`));
    }, timeoutMs);
    const listener = (payload: T) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}

/** Resolves when the socket is disconnected by the server. */
const disconnected = (socket: AgentClient) =>
  new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));

describe('settings events: sites, agents and teams over sockets', () => {
  let server: TestServer;
  let admin: AgentClient;
  let ann: AgentClient;
  let annId: string;
  let stranger: AgentClient;
  const sockets: AgentClient[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    admin = await connectAgent(server.url);
    sockets.push(admin);
    ({ socket: ann, id: annId } = await addAgent(server, { name: 'Ann', sockets }));
    ({ socket: stranger } = await addAgent(server, {
      name: 'Eve',
      role: 'admin',
      tenantId: crypto.randomUUID(),
      sockets,
    }));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await server?.close();
  });

  it('site:list gives every role its tenant’s sites with their settings', async () => {
    const { sites } = await requestData<{ sites: Site[] }>(ann, 'site:list', {});
    expect(sites).toEqual([expect.objectContaining({ key: DEMO.siteKey, settings: DEMO_SITE_SETTINGS })]);
    expect(await requestData(stranger, 'site:list', {})).toEqual({ sites: [] });
  });

  it('site:create makes an unguessable key, normalises settings and tells the tenant’s consoles', async () => {
    const heard = nextEvents<{ site: Site }>(ann, 'site:changed');
    const input = {
      name: 'Kettle shop',
      allowedOrigins: ['https://Kettles.example', 'http://localhost:8080'],
      settings,
    };
    const { site } = await requestData<{ site: Site }>(admin, 'site:create', input);
    expect(site.key).toMatch(/^site_[A-Za-z0-9_-]{22}$/);
    expect(site).toMatchObject({
      tenantId: DEMO.tenantId,
      allowedOrigins: ['https://kettles.example', 'http://localhost:8080'],
      // Colour lower-cased, texts trimmed, a blank language dropped.
      settings: { ...settings, color: '#aa3300', greeting: { en: 'Hello from the kettle shop' } },
    });
    expect((await heard)[0]?.site).toEqual(site);
    const again = await requestData<{ site: Site }>(admin, 'site:create', { ...input, name: 'Second' });
    expect(again.site.key).not.toBe(site.key);
    expect(await request(ann, 'site:create', input)).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });

  it('site:update changes only what it names, settings one by one, and only in the tenant', async () => {
    const { site } = await requestData<{ site: Site }>(admin, 'site:create', {
      name: 'Updatable',
      allowedOrigins: [],
      settings,
    });
    const heard = nextMatching<{ site: Site }>(
      ann,
      'site:changed',
      (e) => e.site.settings.expectedReplyMinutes === 120,
    );
    const { site: updated } = await requestData<{ site: Site }>(admin, 'site:update', {
      siteId: site.id,
      settings: { expectedReplyMinutes: 120, businessHours: null },
    });
    expect(updated).toEqual({
      ...site,
      settings: { ...site.settings, expectedReplyMinutes: 120, businessHours: null },
    });
    expect((await heard).site).toEqual(updated);
    expect(await request(stranger, 'site:update', { siteId: site.id, name: 'Mine now' })).toMatchObject({
      error: { code: 'NOT_FOUND' },
    });
    expect(await request(ann, 'site:update', { siteId: site.id, name: 'Mine now' })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(await request(admin, 'site:update', { siteId: site.id })).toMatchObject({
      error: { code: 'INVALID_PAYLOAD' },
    });
    expect((await server.store.sites.getById(site.id))?.name).toBe('Updatable');
  });

  it('refuses invalid settings and writes nothing', async () => {
    const { sites: before } = await requestData<{ sites: Site[] }>(admin, 'site:list', {});
    const valid = { name: 'Shop', allowedOrigins: [], settings };
    const hours = settings.businessHours!;
    const cases: [unknown, string][] = [
      [{ ...valid, settings: { ...settings, color: 'red' } }, 'INVALID_PAYLOAD'],
      [
        { ...valid, settings: { ...settings, businessHours: { ...hours, timeZone: 'Mars/Olympus' } } },
        'INVALID_PAYLOAD',
      ],
      [
        {
          ...valid,
          settings: {
            ...settings,
            businessHours: { ...hours, intervals: [{ day: 1, open: '18:00', close: '09:00' }] },
          },
        },
        'INVALID_PAYLOAD',
      ],
      [
        {
          ...valid,
          settings: {
            ...settings,
            businessHours: {
              ...hours,
              intervals: [
                { day: 2, open: '09:00', close: '13:00' },
                { day: 2, open: '12:00', close: '18:00' },
              ],
            },
          },
        },
        'INVALID_PAYLOAD',
      ],
      [
        {
          ...valid,
          settings: {
            ...settings,
            businessHours: { ...hours, intervals: [{ day: 7, open: '09:00', close: '10:00' }] },
          },
        },
        'INVALID_PAYLOAD',
      ],
      [
        { ...valid, settings: { ...settings, businessHours: { ...hours, closedDates: ['2026-02-30'] } } },
        'INVALID_PAYLOAD',
      ],
      [{ ...valid, settings: { ...settings, expectedReplyMinutes: 0 } }, 'INVALID_PAYLOAD'],
      [{ ...valid, settings: { ...settings, expectedReplyMinutes: 10_081 } }, 'INVALID_PAYLOAD'],
      [
        {
          ...valid,
          settings: {
            ...settings,
            preChatFields: [
              { field: 'email', required: true },
              { field: 'email', required: false },
            ],
          },
        },
        'INVALID_PAYLOAD',
      ],
      [{ ...valid, settings: { ...settings, greeting: { fr: 'Bonjour' } } }, 'INVALID_PAYLOAD'],
      [{ ...valid, settings: { ...settings, greeting: { en: 'x'.repeat(501) } } }, 'PAYLOAD_TOO_LARGE'],
      [{ ...valid, allowedOrigins: ['https://shop.example/path'] }, 'INVALID_PAYLOAD'],
      [{ ...valid, allowedOrigins: ['javascript:alert(1)'] }, 'INVALID_PAYLOAD'],
      [{ ...valid, allowedOrigins: ['*'] }, 'INVALID_PAYLOAD'],
      [
        { ...valid, allowedOrigins: Array.from({ length: 51 }, (_, i) => `https://s${i}.example`) },
        'PAYLOAD_TOO_LARGE',
      ],
      [{ ...valid, settings: { ...settings, businessHours: undefined } }, 'INVALID_PAYLOAD'],
      [{ ...valid, key: 'chosen-key' }, 'INVALID_PAYLOAD'],
    ];
    for (const [payload, code] of cases) {
      expect(await request(admin, 'site:create', payload), JSON.stringify(payload).slice(0, 200)).toMatchObject({
        error: { code },
      });
    }
    expect((await requestData<{ sites: Site[] }>(admin, 'site:list', {})).sites).toEqual(before);
  });

  it('agent:create adds a colleague who can sign in; a taken email is a CONFLICT', async () => {
    const heard = nextEvents<{ agent: Agent }>(ann, 'agent:changed');
    const email = `Newbie-${crypto.randomUUID()}@Shop.Example`;
    const payload = { email, name: 'Newbie', role: 'supervisor', password: 'correct horse' };
    const { agent } = await requestData<{ agent: Agent }>(admin, 'agent:create', payload);
    expect(agent).toMatchObject({ email: email.toLowerCase(), role: 'supervisor', active: true, avatarUrl: null });
    expect(JSON.stringify(agent)).not.toContain('scrypt');
    expect((await heard)[0]?.agent).toEqual(agent);
    await login(server.url, email, 'correct horse');
    expect(await request(admin, 'agent:create', payload)).toMatchObject({ error: { code: 'CONFLICT' } });
    expect(
      await request(admin, 'agent:create', { ...payload, email: 'x@shop.example', password: 'short' }),
    ).toMatchObject({
      error: { code: 'INVALID_PAYLOAD' },
    });
    expect(await request(ann, 'agent:create', { ...payload, email: 'y@shop.example' })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
  });

  it('any agent edits their own name and picture, and nothing else', async () => {
    const { agent } = await requestData<{ agent: Agent }>(ann, 'agent:update', {
      agentId: annId,
      name: 'Ann Lee',
      avatarUrl: 'https://cdn.example/ann.png',
    });
    expect(agent).toMatchObject({
      id: annId,
      name: 'Ann Lee',
      avatarUrl: 'https://cdn.example/ann.png',
      role: 'agent',
    });
    // The open console writes under the new name at once.
    const { agents } = await requestData<{ agents: Agent[] }>(ann, 'agent:list', {});
    expect(agents.find((a) => a.id === annId)?.name).toBe('Ann Lee');

    const adminId = (await server.store.agents.getByEmail(DEMO.agentEmail))!.id;
    for (const payload of [
      { agentId: annId, role: 'admin' },
      { agentId: annId, active: false },
      { agentId: adminId, name: 'Renamed by Ann' },
    ]) {
      expect(await request(ann, 'agent:update', payload)).toMatchObject({ error: { code: 'FORBIDDEN' } });
    }
    expect(await request(admin, 'agent:update', { agentId: adminId, role: 'agent' })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(await request(admin, 'agent:update', { agentId: adminId, active: false })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(await request(stranger, 'agent:update', { agentId: annId, name: 'x' })).toMatchObject({
      error: { code: 'NOT_FOUND' },
    });
    expect(await request(ann, 'agent:update', { agentId: annId, avatarUrl: 'javascript:alert(1)' })).toMatchObject({
      error: { code: 'INVALID_PAYLOAD' },
    });
    expect((await server.store.agents.getById(adminId))?.role).toBe('admin');
  });

  it('a new password signs the agent out everywhere; the new one works, the old one not', async () => {
    const bob = await addAgent(server, { name: 'Bob', sockets });
    const gone = disconnected(bob.socket);
    await requestData(bob.socket, 'agent:update', { agentId: bob.id, password: 'a brand new password' });
    expect(await gone).toBe('io server disconnect');
    await expect(login(server.url, bob.email, bob.password)).rejects.toThrow(/401/);
    await login(server.url, bob.email, 'a brand new password');
  });

  it('deactivating an agent signs them out, refuses their sign-in and hands their chats to routing', async () => {
    const carl = await addAgent(server, { name: 'Carl', sockets });
    await requestData(carl.socket, 'presence:set', { status: 'online' });
    const { socket: shopper } = await connectVisitor(server.url);
    try {
      const { conversation } = await requestData<{ conversation: { id: string; assigneeId: string | null } }>(
        shopper,
        'conversation:start',
        { requestId: crypto.randomUUID() },
      );
      expect(conversation.assigneeId).toBe(carl.id);

      const gone = disconnected(carl.socket);
      const handedBack = nextMatching<{ conversation: { id: string; assigneeId: string | null } }>(
        admin,
        'conversation:updated',
        (e) => e.conversation.id === conversation.id && e.conversation.assigneeId === null,
      );
      const { agent } = await requestData<{ agent: Agent }>(admin, 'agent:update', { agentId: carl.id, active: false });
      expect(agent).toMatchObject({ active: false });
      expect(await gone).toBe('io server disconnect');
      expect((await handedBack).conversation).toMatchObject({ id: conversation.id, assigneeId: null });
      expect((await server.store.conversations.getById(conversation.id))?.assigneeId).toBeNull();

      const response = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: carl.email, password: carl.password }),
      });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
      // Still listed, greyed out in the console.
      const { agents } = await requestData<{ agents: Agent[] }>(admin, 'agent:list', {});
      expect(agents.find((a) => a.id === carl.id)).toMatchObject({ active: false });
      // A deactivated agent is no transfer target.
      expect(
        await request(admin, 'conversation:transfer', { conversationId: conversation.id, toAgentId: carl.id }),
      ).toMatchObject({ error: { code: 'CONFLICT' } });
    } finally {
      shopper.close();
    }
  });

  it('teams: admins create, rename and delete; names are unique; members must be colleagues', async () => {
    const heard = nextEvents<{ teams: Team[] }>(ann, 'team:changed', 3);
    const { team } = await requestData<{ team: Team }>(admin, 'team:create', { name: 'Repairs', memberIds: [annId] });
    expect(team).toMatchObject({ tenantId: DEMO.tenantId, name: 'Repairs', memberIds: [annId] });
    expect(await request(admin, 'team:create', { name: 'repairs', memberIds: [] })).toMatchObject({
      error: { code: 'CONFLICT' },
    });
    expect(await request(admin, 'team:create', { name: 'Ghosts', memberIds: [crypto.randomUUID()] })).toMatchObject({
      error: { code: 'NOT_FOUND' },
    });
    expect(await request(admin, 'team:create', { name: 'Twice', memberIds: [annId, annId] })).toMatchObject({
      error: { code: 'INVALID_PAYLOAD' },
    });
    expect(await request(ann, 'team:create', { name: 'Mine', memberIds: [] })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    const billing = await requestData<{ team: Team }>(admin, 'team:create', { name: 'Billing', memberIds: [] });
    const renamed = await requestData<{ team: Team }>(admin, 'team:update', {
      teamId: team.id,
      name: 'Repairs & returns',
      memberIds: [],
    });
    expect(renamed.team).toMatchObject({ id: team.id, name: 'Repairs & returns', memberIds: [] });
    const [, , afterRename] = await heard;
    expect(afterRename?.teams.map((t) => t.name)).toEqual(['Billing', 'Repairs & returns']);

    expect(await request(stranger, 'team:delete', { teamId: team.id })).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect(await requestData(stranger, 'team:list', {})).toEqual({ teams: [] });
    await requestData(admin, 'team:delete', { teamId: billing.team.id });
    expect((await requestData<{ teams: Team[] }>(ann, 'team:list', {})).teams.map((t) => t.id)).toEqual([team.id]);
    await requestData(admin, 'team:delete', { teamId: team.id });
  });
});
