import { expect, it } from 'vitest';
import type { Store } from '../../domain/store.js';
import { newCustomer, newId, newSite, newToken, T0 } from './fixtures.js';

/** The customer file's edits: tier and contact details set, kept or cleared. */
export function describeCustomerContract(getStore: () => Store): void {
  it('customers: a new customer is standard tier unless stored otherwise', async () => {
    const store = getStore();
    const site = await store.sites.create(newSite());
    const plain = newCustomer(site);
    const gold = newCustomer(site, { tier: 'gold' });
    await store.customers.createWithToken(plain, newToken(plain));
    await store.customers.createWithToken(gold, newToken(gold));
    expect((await store.customers.getById(plain.id))?.tier).toBe('standard');
    expect((await store.customers.getById(gold.id))?.tier).toBe('gold');
  });

  it('customers: updateProfile sets named fields, keeps absent ones and clears nulls', async () => {
    const store = getStore();
    const site = await store.sites.create(newSite());
    const customer = newCustomer(site, { name: 'Vera', email: 'vera@example.com', phone: '12345' });
    const token = newToken(customer);
    await store.customers.createWithToken(customer, token);

    const first = await store.customers.updateProfile(customer.id, { tier: 'vip', name: 'Vera W.' }, T0 + 1000);
    expect(first).toEqual({ ...customer, tier: 'vip', name: 'Vera W.', updatedAt: T0 + 1000 });

    const second = await store.customers.updateProfile(customer.id, { email: null, phone: '+1 555 0100' }, T0 + 2000);
    const { email: _cleared, ...withoutEmail } = customer;
    const expected = { ...withoutEmail, tier: 'vip', name: 'Vera W.', phone: '+1 555 0100', updatedAt: T0 + 2000 };
    expect(second).toEqual(expected);
    expect(await store.customers.getById(customer.id)).toEqual(expected);
    expect(await store.customers.getByTokenHash(token.tokenHash)).toEqual(expected);

    // The shopper's own contact details still fill in without touching the tier.
    const third = await store.customers.updateContact(customer.id, { email: 'new@example.com' }, T0 + 3000);
    expect(third).toEqual({ ...expected, email: 'new@example.com', updatedAt: T0 + 3000 });
    expect(await store.customers.updateProfile(newId(), { tier: 'gold' }, T0)).toBeNull();
  });
}
