import type { Agent, CannedResponse } from '@aftercare/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../domain/agents/passwords.js';
import { type AgentClient, connectAgent, login, nextEvents, request, requestData } from '../../test-support/clients.js';
import { DEMO, startTestServer, type TestServer } from '../../test-support/test-server.js';

describe('agent directory and canned responses over sockets', () => {
  let server: TestServer;
  let admin: AgentClient;
  let ann: AgentClient;
  let sue: AgentClient;
  let stranger: AgentClient;
  const otherTenant = crypto.randomUUID();

  async function addAgent(name: string, role: Agent['role'], tenantId: string = DEMO.tenantId) {
    const email = `${name.toLowerCase()}-${crypto.randomUUID()}@shop.example`;
    await server.store.agents.create({
      id: crypto.randomUUID(),
      tenantId,
      email,
      name,
      role,
      active: true,
      avatarUrl: null,
      passwordHash: await hashPassword(`password-of-${name}`),
      createdAt: Date.now(),
    });
    return connectAgent(server.url, await login(server.url, email, `password-of-${name}`));
  }

  beforeAll(async () => {
    server = await startTestServer();
    admin = await connectAgent(server.url);
    ann = await addAgent('Ann', 'agent');
    sue = await addAgent('Sue', 'supervisor');
    stranger = await addAgent('Eve', 'admin', otherTenant);
  });
  afterAll(async () => {
    for (const socket of [admin, ann, sue, stranger]) socket?.close();
    await server?.close();
  });

  it('agent:list gives any role the names of its own tenant, without password hashes', async () => {
    const { agents } = await requestData<{ agents: Agent[] }>(ann, 'agent:list', {});
    expect(agents.map((a) => a.name).sort()).toEqual(expect.arrayContaining(['Ann', 'Sue']));
    expect(agents.every((a) => a.tenantId === DEMO.tenantId)).toBe(true);
    expect(agents.some((a) => a.name === 'Eve')).toBe(false);
    for (const agent of agents)
      expect(Object.keys(agent).sort()).toEqual([
        'active',
        'avatarUrl',
        'createdAt',
        'email',
        'id',
        'name',
        'role',
        'tenantId',
      ]);
    expect(JSON.stringify(agents)).not.toContain('scrypt');
    const theirs = await requestData<{ agents: Agent[] }>(stranger, 'agent:list', {});
    expect(theirs.agents.map((a) => a.name)).toEqual(['Eve']);
  });

  it('supervisors create, update and delete; every console of the tenant hears canned:changed', async () => {
    const heard = nextEvents<{ responses: CannedResponse[] }>(ann, 'canned:changed');
    const { response } = await requestData<{ response: CannedResponse }>(sue, 'canned:create', {
      shortcut: 'warranty',
      title: 'Warranty',
      text: 'Your kettle has a two-year warranty.',
    });
    expect(response).toMatchObject({ tenantId: DEMO.tenantId, shortcut: 'warranty' });
    expect((await heard)[0]?.responses).toEqual([response]);

    await requestData(admin, 'canned:create', { shortcut: 'baoxiu', title: '保修', text: '两年保修。' });
    const listed = await requestData<{ responses: CannedResponse[] }>(ann, 'canned:list', {});
    expect(listed.responses.map((r) => r.shortcut)).toEqual(['baoxiu', 'warranty']);

    // The update's and the delete's broadcasts, in order.
    const changes = nextEvents<{ responses: CannedResponse[] }>(ann, 'canned:changed', 2);
    const updated = await requestData<{ response: CannedResponse }>(admin, 'canned:update', {
      id: response.id,
      shortcut: 'warranty-2y',
      title: 'Warranty (2 years)',
      text: 'Two years, parts and labour.',
    });
    expect(updated.response).toMatchObject({ id: response.id, shortcut: 'warranty-2y', createdAt: response.createdAt });
    await requestData(sue, 'canned:delete', { id: response.id });
    const [afterUpdate, afterDelete] = await changes;
    expect(afterUpdate?.responses.map((r) => r.shortcut)).toEqual(['baoxiu', 'warranty-2y']);
    expect(afterDelete?.responses.map((r) => r.shortcut)).toEqual(['baoxiu']);
    expect(await request(sue, 'canned:delete', { id: response.id })).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('a taken shortcut is a CONFLICT; agents may read but not change', async () => {
    await requestData(admin, 'canned:create', { shortcut: 'returns', title: 'Returns', text: 'Seven days.' });
    expect(await request(sue, 'canned:create', { shortcut: 'returns', title: 'Again', text: 'Again.' })).toMatchObject({
      error: { code: 'CONFLICT' },
    });
    const { responses } = await requestData<{ responses: CannedResponse[] }>(ann, 'canned:list', {});
    const returns = responses.find((r) => r.shortcut === 'returns')!;
    expect(await request(ann, 'canned:create', { shortcut: 'mine', title: 'Mine', text: 'x' })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    const edit = { id: returns.id, shortcut: 'returns', title: 'Hacked', text: 'x' };
    expect(await request(ann, 'canned:update', edit)).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(await request(ann, 'canned:delete', { id: returns.id })).toMatchObject({ error: { code: 'FORBIDDEN' } });
    const again = await requestData<{ responses: CannedResponse[] }>(ann, 'canned:list', {});
    expect(again.responses.find((r) => r.id === returns.id)).toEqual(returns);
  });

  it('another tenant neither sees nor changes these responses, and may reuse a shortcut', async () => {
    const { responses } = await requestData<{ responses: CannedResponse[] }>(admin, 'canned:list', {});
    const target = responses[0]!;
    expect(await requestData(stranger, 'canned:list', {})).toEqual({ responses: [] });
    const edit = { id: target.id, shortcut: 'x', title: 'x', text: 'x' };
    expect(await request(stranger, 'canned:update', edit)).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect(await request(stranger, 'canned:delete', { id: target.id })).toMatchObject({ error: { code: 'NOT_FOUND' } });
    await requestData(stranger, 'canned:create', { shortcut: target.shortcut, title: 'Ours', text: 'Ours.' });
    const after = await requestData<{ responses: CannedResponse[] }>(admin, 'canned:list', {});
    expect(after.responses).toEqual(responses);
  });

  it('refuses hostile and malformed payloads and writes nothing', async () => {
    const before = await requestData<{ responses: CannedResponse[] }>(admin, 'canned:list', {});
    const valid = { shortcut: 'ok', title: 'Ok', text: 'Ok.' };
    const cases: [unknown, string][] = [
      [{ ...valid, shortcut: 'Has Spaces' }, 'INVALID_PAYLOAD'],
      [{ ...valid, shortcut: 'UPPER' }, 'INVALID_PAYLOAD'],
      [{ ...valid, shortcut: '' }, 'INVALID_PAYLOAD'],
      [{ ...valid, shortcut: 'a'.repeat(33) }, 'PAYLOAD_TOO_LARGE'],
      [{ ...valid, text: 'x'.repeat(5_001) }, 'PAYLOAD_TOO_LARGE'],
      [{ ...valid, text: '   ' }, 'INVALID_PAYLOAD'],
      [{ ...valid, title: { $ne: null } }, 'INVALID_PAYLOAD'],
      [{ ...valid, tenantId: 'someone-else' }, 'INVALID_PAYLOAD'],
      [JSON.parse(`{"shortcut":"ok","title":"Ok","text":"Ok.","__proto__":{"admin":true}}`), 'INVALID_PAYLOAD'],
      [null, 'INVALID_PAYLOAD'],
      ['warranty', 'INVALID_PAYLOAD'],
    ];
    for (const [payload, code] of cases) {
      expect(await request(admin, 'canned:create', payload), JSON.stringify(payload)).toMatchObject({
        error: { code },
      });
    }
    const id = before.responses[0]!.id;
    expect(await request(admin, 'canned:update', { ...valid, id: { $ne: null } })).toMatchObject({
      error: { code: 'INVALID_PAYLOAD' },
    });
    expect(await request(admin, 'canned:delete', { id: { $gt: '' } })).toMatchObject({
      error: { code: 'INVALID_PAYLOAD' },
    });
    expect(await request(admin, 'canned:delete', { id, extra: 1 })).toMatchObject({
      error: { code: 'INVALID_PAYLOAD' },
    });
    expect(await request(admin, 'agent:list', { tenantId: 'other' })).toMatchObject({
      error: { code: 'INVALID_PAYLOAD' },
    });
    expect(await requestData(admin, 'canned:list', {})).toEqual(before);
  });
});
