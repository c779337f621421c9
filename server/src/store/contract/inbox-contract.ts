import type { Conversation } from '@aftercare/shared';
import { expect, it } from 'vitest';
import type { Store } from '../../domain/store.js';
import { newId, newMessage, newSite, seedConversation, T0 } from './fixtures.js';

const agentAuthor = { kind: 'agent' as const, id: 'agent-1', name: 'Ada' };

/** Whose turn it is, the first reply, and the inbox listing's filters and cursor. */
export function describeInboxContract(getStore: () => Store): void {
  it('append: a public message sets whose turn it is; notes and system messages do not; first reply once', async () => {
    const store = getStore();
    const conversation = await seedConversation(store);
    expect(conversation).toMatchObject({ awaitingReplyFrom: null, firstReplyAt: null });
    const ids = conversation.id;

    const asked = await store.messages.append(newMessage(ids, { createdAt: T0 + 1 }));
    expect(asked?.conversation).toMatchObject({ awaitingReplyFrom: 'agent', firstReplyAt: null });
    const note = await store.messages.append(
      newMessage(ids, { author: agentAuthor, internal: true, createdAt: T0 + 2 }),
    );
    expect(note?.conversation).toMatchObject({ awaitingReplyFrom: 'agent', firstReplyAt: null });
    const replied = await store.messages.append(newMessage(ids, { author: agentAuthor, createdAt: T0 + 3 }));
    expect(replied?.conversation).toMatchObject({ awaitingReplyFrom: 'customer', firstReplyAt: T0 + 3 });
    const system = await store.messages.append(
      newMessage(ids, { author: { kind: 'system', id: '', name: null }, createdAt: T0 + 4 }),
    );
    expect(system?.conversation).toMatchObject({ awaitingReplyFrom: 'customer', firstReplyAt: T0 + 3 });
    const answered = await store.messages.append(newMessage(ids, { createdAt: T0 + 5 }));
    expect(answered?.conversation).toMatchObject({ awaitingReplyFrom: 'agent', firstReplyAt: T0 + 3 });
    const again = await store.messages.append(newMessage(ids, { author: agentAuthor, createdAt: T0 + 6 }));
    expect(again?.conversation).toMatchObject({ awaitingReplyFrom: 'customer', firstReplyAt: T0 + 3 });
    // A retry changes nothing, and what the append answered is what is stored.
    const retry = await store.messages.append({ ...newMessage(ids), clientId: asked!.message.clientId });
    expect(retry?.created).toBe(false);
    expect(await store.conversations.getById(ids)).toEqual(again?.conversation);
  });

  it('listByTenant: filters by site, assignee, unassigned, status, waiting on and product', async () => {
    const store = getStore();
    const site = newSite();
    const other = newSite({ tenantId: site.tenantId });
    const seed = (overrides: Partial<Conversation>, on = site) =>
      seedConversation(store, { site: on, overrides: { updatedAt: T0, ...overrides } });
    const kettle = await seed({ product: { name: 'Steam Kettle K2', sku: 'K2-BLK' } });
    const phone = await seed({ product: { name: '手机 屏幕 Pro', sku: 'P9' }, assigneeId: 'agent-1' }, other);
    const resolved = await seed({ status: 'resolved', assigneeId: 'agent-1', resolvedAt: T0 });
    const waiting = await seed({ assigneeId: 'agent-2' });
    await store.messages.append(newMessage(waiting.id, { author: agentAuthor, createdAt: T0 + 10 }));
    const asking = await seed({});
    await store.messages.append(newMessage(asking.id, { createdAt: T0 + 20 }));
    await seedConversation(store, { overrides: { product: { name: 'Steam Kettle K2', sku: 'K2-BLK' } } });

    const list = async (filters: Record<string, unknown>) =>
      (await store.conversations.listByTenant({ tenantId: site.tenantId, limit: 50, ...filters }))
        .map((c) => c.id)
        .sort();
    const sorted = (...items: Conversation[]) => items.map((c) => c.id).sort();
    expect(await list({})).toEqual(sorted(kettle, phone, resolved, waiting, asking));
    expect(await list({ siteId: other.id })).toEqual(sorted(phone));
    expect(await list({ assigneeId: 'agent-1' })).toEqual(sorted(phone, resolved));
    expect(await list({ assigneeId: 'agent-1', status: 'open' })).toEqual(sorted(phone));
    expect(await list({ assigneeId: null, status: 'open' })).toEqual(sorted(kettle, asking));
    expect(await list({ waitingOn: 'customer' })).toEqual(sorted(waiting));
    expect(await list({ waitingOn: 'agent' })).toEqual(sorted(asking));
    expect(await list({ waitingOn: 'customer', status: 'resolved' })).toEqual([]);
    // SKU exactly (any case), or part of the name (any case, any script); wildcards are text.
    expect(await list({ product: 'k2-blk' })).toEqual(sorted(kettle));
    expect(await list({ product: 'K2' })).toEqual(sorted(kettle));
    expect(await list({ product: 'steam KETTLE' })).toEqual(sorted(kettle));
    expect(await list({ product: '屏幕' })).toEqual(sorted(phone));
    expect(await list({ product: 'P' })).toEqual(sorted(phone));
    expect(await list({ product: '%' })).toEqual([]);
    expect(await list({ product: '.*' })).toEqual([]);
    expect(await list({ product: 'K2', siteId: other.id })).toEqual([]);
  });

  it('listByTenant: the (updatedAt, id) cursor pages through rows sharing a millisecond, each once', async () => {
    const store = getStore();
    const site = newSite();
    await store.sites.create(site);
    const same = await Promise.all(
      Array.from({ length: 7 }, () => seedConversation(store, { site, overrides: { updatedAt: T0 + 5 } })),
    );
    const newer = await seedConversation(store, { site, overrides: { updatedAt: T0 + 9 } });
    const older = await seedConversation(store, { site, overrides: { updatedAt: T0 + 1 } });
    const seen: Conversation[] = [];
    let after: { updatedAt: number; id: string } | undefined;
    for (let page = 0; page < 10; page++) {
      const rows = await store.conversations.listByTenant({ tenantId: site.tenantId, limit: 3, after });
      seen.push(...rows);
      const last = rows.at(-1);
      if (rows.length < 3 || !last) break;
      after = { updatedAt: last.updatedAt, id: last.id };
    }
    const tied = same.map((c) => c.id).sort((a, b) => (a < b ? 1 : -1));
    expect(seen.map((c) => c.id)).toEqual([newer.id, ...tied, older.id]);
    // `before` still works as it did (exclusive, by time only).
    const before = await store.conversations.listByTenant({ tenantId: site.tenantId, limit: 50, before: T0 + 5 });
    expect(before.map((c) => c.id)).toEqual([older.id]);
    expect(await store.conversations.listByTenant({ tenantId: newId(), limit: 5 })).toEqual([]);
  });
}
