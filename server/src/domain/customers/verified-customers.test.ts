import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../lib/tokens.js';
import { newCustomer, newSite, newToken, T0 } from '../../store/contract/fixtures.js';
import { openSqliteStore, type SqliteStore } from '../../store/sqlite/index.js';
import { attachVerifiedCustomer } from './verified-customers.js';

describe('attachVerifiedCustomer (over a real SQLite store)', () => {
  let dataDir: string;
  let store: SqliteStore;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'aftercare-verified-'));
    store = openSqliteStore({ dataDir });
  });

  afterAll(async () => {
    await store?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('gives browsers racing to attach a new user one customer, each with its own working token', async () => {
    const site = await store.sites.create(newSite());
    // Started together, every attach reads "no customer yet" before any has written one.
    const attached = await Promise.all(
      Array.from({ length: 4 }, () => attachVerifiedCustomer(store.customers, site, 'user-race', null, T0)),
    );
    const ids = new Set(attached.map((attachment) => attachment.customer.id));
    expect(ids.size).toBe(1);
    const tokens = attached.map((attachment) => attachment.issuedToken!);
    expect(new Set(tokens).size).toBe(4);
    for (const token of tokens) {
      expect((await store.customers.getByTokenHash(hashToken(token)))?.id).toBe([...ids][0]);
    }
  });

  it("claims the holder's anonymous customer, keeping its token, unless the user already has one", async () => {
    const site = await store.sites.create(newSite());
    const anonymous = newCustomer(site);
    await store.customers.createWithToken(anonymous, newToken(anonymous));
    const claimed = await attachVerifiedCustomer(store.customers, site, 'user-ann', anonymous, T0 + 5);
    expect(claimed).toEqual({
      customer: { ...anonymous, externalId: 'user-ann', verifiedAt: T0 + 5, updatedAt: T0 + 5 },
    });

    // Another anonymous browser of the same user joins the existing customer and stays anonymous itself.
    const other = newCustomer(site);
    await store.customers.createWithToken(other, newToken(other));
    const joined = await attachVerifiedCustomer(store.customers, site, 'user-ann', other, T0 + 6);
    expect(joined.customer.id).toBe(anonymous.id);
    expect(joined.issuedToken).toEqual(expect.any(String));
    expect((await store.customers.getById(other.id))?.externalId).toBeUndefined();
  });

  it("never takes over another verified user's customer", async () => {
    const site = await store.sites.create(newSite());
    const verified = newCustomer(site, { externalId: 'user-a', verifiedAt: T0 });
    await store.customers.createWithToken(verified, newToken(verified));
    const attached = await attachVerifiedCustomer(store.customers, site, 'user-b', verified, T0 + 1);
    expect(attached.customer).toMatchObject({ externalId: 'user-b' });
    expect(attached.customer.id).not.toBe(verified.id);
    expect(await store.customers.getById(verified.id)).toEqual(verified);
  });
});
