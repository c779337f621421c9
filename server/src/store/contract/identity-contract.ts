import { expect, it } from 'vitest';
import { AftercareError } from '../../domain/errors.js';
import type { Store } from '../../domain/store.js';
import { newCustomer, newId, newSite, newToken, T0 } from './fixtures.js';

const SECRET_A = 'a'.repeat(64);
const SECRET_B = 'b'.repeat(64);

/** Identity verification: sites' secrets and switches, and customers the shop verified. */
export function describeIdentityContract(getStore: () => Store): void {
  it('identity: a site has no settings until ensured; the first ensure wins', async () => {
    const store = getStore();
    const site = await store.sites.create(newSite());
    expect(await store.siteIdentities.get(site.id)).toBeNull();
    expect(await store.siteIdentities.update(site.id, { required: true })).toBeNull();

    const first = { siteId: site.id, secret: SECRET_A, required: false, rotatedAt: T0 };
    expect(await store.siteIdentities.ensure(first)).toEqual(first);
    // A second admin racing the first reads the stored secret, not their own.
    expect(await store.siteIdentities.ensure({ ...first, secret: SECRET_B, rotatedAt: T0 + 1 })).toEqual(first);
    expect(await store.siteIdentities.get(site.id)).toEqual(first);
  });

  it('identity: update changes the named fields only', async () => {
    const store = getStore();
    const site = await store.sites.create(newSite());
    await store.siteIdentities.ensure({ siteId: site.id, secret: SECRET_A, required: false, rotatedAt: T0 });
    const required = await store.siteIdentities.update(site.id, { required: true });
    expect(required).toEqual({ siteId: site.id, secret: SECRET_A, required: true, rotatedAt: T0 });
    const rotated = await store.siteIdentities.update(site.id, { secret: SECRET_B, rotatedAt: T0 + 5 });
    expect(rotated).toEqual({ siteId: site.id, secret: SECRET_B, required: true, rotatedAt: T0 + 5 });
    expect(await store.siteIdentities.get(site.id)).toEqual(rotated);
    // Sites themselves never carry the secret.
    expect(JSON.stringify(await store.sites.getById(site.id))).not.toContain(SECRET_B);
  });

  it('identity: a verified customer is found by (site, user id) and by each of its tokens', async () => {
    const store = getStore();
    const site = await store.sites.create(newSite());
    const other = await store.sites.create(newSite({ tenantId: site.tenantId }));
    const verified = newCustomer(site, { externalId: 'user-42', verifiedAt: T0 });
    const first = newToken(verified);
    await store.customers.createWithToken(verified, first);
    expect(await store.customers.getByExternalId(site.id, 'user-42')).toEqual(verified);
    expect(await store.customers.getByExternalId(other.id, 'user-42')).toBeNull();
    expect(await store.customers.getByExternalId(site.id, 'user-43')).toBeNull();

    const second = newToken(verified);
    await store.customers.addToken(second);
    expect(await store.customers.getByTokenHash(first.tokenHash)).toEqual(verified);
    expect(await store.customers.getByTokenHash(second.tokenHash)).toEqual(verified);
    await expect(store.customers.addToken(second)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('identity: at most one customer per site has a user id, while other sites may reuse it', async () => {
    const store = getStore();
    const site = await store.sites.create(newSite());
    const other = await store.sites.create(newSite({ tenantId: site.tenantId }));
    const first = newCustomer(site, { externalId: 'user-7', verifiedAt: T0 });
    await store.customers.createWithToken(first, newToken(first));
    const twin = newCustomer(site, { externalId: 'user-7', verifiedAt: T0 });
    const refused = store.customers.createWithToken(twin, newToken(twin));
    await expect(refused).rejects.toBeInstanceOf(AftercareError);
    await expect(refused).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await store.customers.getById(twin.id)).toBeNull();
    const elsewhere = newCustomer(other, { externalId: 'user-7', verifiedAt: T0 });
    await store.customers.createWithToken(elsewhere, newToken(elsewhere));
    expect(await store.customers.getByExternalId(other.id, 'user-7')).toEqual(elsewhere);
  });

  it('identity: markVerified claims an anonymous customer once and never another user id', async () => {
    const store = getStore();
    const site = await store.sites.create(newSite());
    const anonymous = newCustomer(site, { name: 'Ann' });
    const token = newToken(anonymous);
    await store.customers.createWithToken(anonymous, token);

    const claimed = await store.customers.markVerified(anonymous.id, 'user-9', T0 + 10);
    const expected = { ...anonymous, externalId: 'user-9', verifiedAt: T0 + 10, updatedAt: T0 + 10 };
    expect(claimed).toEqual(expected);
    expect(await store.customers.getByTokenHash(token.tokenHash)).toEqual(expected);
    expect(await store.customers.getByExternalId(site.id, 'user-9')).toEqual(expected);

    // Already verified: neither the same nor another user id changes it.
    expect(await store.customers.markVerified(anonymous.id, 'user-10', T0 + 20)).toBeNull();
    expect(await store.customers.getById(anonymous.id)).toEqual(expected);
    expect(await store.customers.markVerified(newId(), 'user-11', T0)).toBeNull();

    // A user id another customer of the site holds is a conflict, and changes nothing.
    const second = newCustomer(site);
    await store.customers.createWithToken(second, newToken(second));
    await expect(store.customers.markVerified(second.id, 'user-9', T0 + 30)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await store.customers.getById(second.id)).toEqual(second);
  });

  it('identity: contact edits keep the verification', async () => {
    const store = getStore();
    const site = await store.sites.create(newSite());
    const verified = newCustomer(site, { externalId: 'user-5', verifiedAt: T0 });
    await store.customers.createWithToken(verified, newToken(verified));
    const updated = await store.customers.updateContact(verified.id, { name: 'Vera' }, T0 + 1);
    expect(updated).toEqual({ ...verified, name: 'Vera', updatedAt: T0 + 1 });
    const profiled = await store.customers.updateProfile(verified.id, { tier: 'gold', name: null }, T0 + 2);
    expect(profiled).toEqual({ ...verified, tier: 'gold', updatedAt: T0 + 2 });
  });
}
