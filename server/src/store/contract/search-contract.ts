import { expect, it } from 'vitest';
import { searchTerms } from '../../domain/search/search-terms.js';
import type { Store } from '../../domain/store.js';
import { newCustomer, newMessage, newSite, newToken, seedConversation, T0 } from './fixtures.js';

/** Full-text search: substrings in any script, every term, one tenant, literal text, newest first. */
export function describeSearchContract(getStore: () => Store): void {
  async function seedTenant(store: Store) {
    const site = newSite();
    const conversation = await seedConversation(store, { site });
    const texts = [
      '我的手机屏幕坏了，开不了机',
      'The SCREEN of my kettle display flickers',
      'Refund for order #A-100 "urgent" NEAR the * store',
      'Internal: check screen supplier batch',
      'ok',
    ];
    const messages = [];
    for (const [index, text] of texts.entries()) {
      const internal = text.startsWith('Internal');
      const author = internal ? { kind: 'agent' as const, id: 'agent-1', name: 'Ada' } : undefined;
      const result = await store.messages.append(
        newMessage(conversation.id, { text, internal, createdAt: T0 + index, ...(author ? { author } : {}) }),
      );
      messages.push(result!.message);
    }
    return { site, conversation, messages };
  }
  const search = (store: Store, tenantId: string, query: string, limit = 20) =>
    store.search.searchMessages({ tenantId, terms: searchTerms(query), limit });

  it('messages: substrings in Chinese and English, any case, every term, notes included, newest first', async () => {
    const store = getStore();
    const { site, messages } = await seedTenant(store);
    const texts = async (query: string) => (await search(store, site.tenantId, query)).map((m) => m.text);
    expect(await texts('屏幕')).toEqual([messages[0]!.text]);
    expect(await texts('屏幕坏了')).toEqual([messages[0]!.text]);
    expect(await texts('screen')).toEqual([messages[3]!.text, messages[1]!.text]);
    expect(await texts('SCREEN kettle')).toEqual([messages[1]!.text]);
    expect(await texts('kettle refund')).toEqual([]);
    expect(await texts('cre')).toEqual([messages[3]!.text, messages[1]!.text]);
    expect(await texts('ok')).toEqual([messages[4]!.text]);
    expect(await texts('k')).toHaveLength(3);
    const note = (await search(store, site.tenantId, 'supplier'))[0];
    expect(note).toMatchObject({ internal: true, seq: messages[3]!.seq });
  });

  it('messages: search syntax in a query is plain text and never an error', async () => {
    const store = getStore();
    const { site, messages } = await seedTenant(store);
    const texts = async (query: string) => (await search(store, site.tenantId, query)).map((m) => m.text);
    const refund = [messages[2]!.text];
    expect(await texts('"urgent"')).toEqual(refund);
    expect(await texts('NEAR')).toEqual(refund);
    expect(await texts('#A-100')).toEqual(refund);
    expect(await texts('*')).toEqual(refund);
    for (const hostile of [
      '"',
      '""',
      'a"b',
      'screen OR kettle',
      'NEAR(a b)',
      '-screen',
      '^screen',
      '%',
      '_',
      '\\',
      "'; DROP TABLE messages; --",
      '.*',
      '(',
    ]) {
      await expect(search(store, site.tenantId, hostile), hostile).resolves.toBeInstanceOf(Array);
    }
    expect(await texts('screen OR kettle')).toEqual([]);
    expect(await texts('%')).toEqual([]);
    expect(await texts('.*')).toEqual([]);
    expect(await store.messages.count(messages[0]!.conversationId)).toBe(5);
  });

  it("messages: never another tenant's, and pages by (createdAt, id)", async () => {
    const store = getStore();
    const mine = await seedTenant(store);
    const theirs = await seedTenant(store);
    const found = await search(store, mine.site.tenantId, 'screen');
    expect(found.every((m) => m.conversationId === mine.conversation.id)).toBe(true);
    expect((await search(store, theirs.site.tenantId, '屏幕'))[0]?.conversationId).toBe(theirs.conversation.id);

    const first = await store.search.searchMessages({ tenantId: mine.site.tenantId, terms: ['e'], limit: 2 });
    const last = first.at(-1)!;
    const next = await store.search.searchMessages({
      tenantId: mine.site.tenantId,
      terms: ['e'],
      limit: 10,
      after: { createdAt: last.createdAt, messageId: last.id },
    });
    expect([...first, ...next].map((m) => m.seq)).toEqual([4, 3, 2]);
  });

  it('customers: by name, email or phone, one tenant only, literal text', async () => {
    const store = getStore();
    const site = newSite();
    await store.sites.create(site);
    const add = async (contact: { name?: string; email?: string; phone?: string }, updatedAt: number) => {
      const customer = newCustomer(site, { ...contact, updatedAt });
      await store.customers.createWithToken(customer, newToken(customer));
      return customer;
    };
    const li = await add({ name: '李雷', email: 'li.lei@example.cn', phone: '+86 138 0000 1111' }, T0 + 1);
    const vera = await add({ name: 'Vera Kettle', email: 'vera@shop.example' }, T0 + 2);
    const rival = newSite();
    await store.sites.create(rival);
    const other = newCustomer(rival, { name: 'Vera Elsewhere', email: 'vera@rival.example' });
    await store.customers.createWithToken(other, newToken(other));

    const ids = async (query: string) =>
      (await store.search.searchCustomers({ tenantId: site.tenantId, terms: searchTerms(query), limit: 10 })).map(
        (c) => c.id,
      );
    expect(await ids('vera')).toEqual([vera.id]);
    expect(await ids('SHOP.example')).toEqual([vera.id]);
    expect(await ids('李雷')).toEqual([li.id]);
    expect(await ids('李')).toEqual([li.id]);
    expect(await ids('0000 1111')).toEqual([li.id]);
    expect(await ids('example')).toEqual([vera.id, li.id]);
    expect(await ids('vera example.cn')).toEqual([]);
    expect(await ids('%')).toEqual([]);
    expect(await ids('"')).toEqual([]);

    // An edited profile is found by its new details only.
    await store.customers.updateProfile(vera.id, { email: 'v.k@mail.example' }, T0 + 3);
    expect(await ids('shop.example')).toEqual([]);
    expect(await ids('mail.example')).toEqual([vera.id]);
  });
}
