import type { CannedResponse } from '@aftercare/shared';
import { expect, it } from 'vitest';
import type { Store } from '../../domain/store.js';
import { newId, T0 } from './fixtures.js';

function newCannedResponse(overrides: Partial<CannedResponse> = {}): CannedResponse {
  return {
    id: newId(),
    tenantId: newId(),
    shortcut: 'warranty',
    title: 'Warranty terms',
    text: 'Your product has a two-year warranty.',
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

/** Canned responses: one shortcut per tenant, listed by shortcut, never across tenants. */
export function describeCannedResponseContract(getStore: () => Store): void {
  it('canned responses: creates, finds and lists a tenant’s responses sorted by shortcut', async () => {
    const store = getStore();
    const warranty = newCannedResponse();
    const tenantId = warranty.tenantId;
    const returns = newCannedResponse({ tenantId, shortcut: 'returns', title: '退货', text: '七天无理由退货。' });
    const address = newCannedResponse({ tenantId, shortcut: 'address-2', title: 'Address' });
    expect(await store.cannedResponses.create(warranty)).toEqual(warranty);
    await store.cannedResponses.create(returns);
    await store.cannedResponses.create(address);
    await store.cannedResponses.create(newCannedResponse());

    expect(await store.cannedResponses.getById(tenantId, returns.id)).toEqual(returns);
    expect(await store.cannedResponses.listByTenant(tenantId)).toEqual([address, returns, warranty]);
    expect(await store.cannedResponses.listByTenant(newId())).toEqual([]);
  });

  it('canned responses: a shortcut is unique per tenant (CONFLICT), not across tenants', async () => {
    const store = getStore();
    const first = await store.cannedResponses.create(newCannedResponse());
    const clash = newCannedResponse({ tenantId: first.tenantId, title: 'Other' });
    await expect(store.cannedResponses.create(clash)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await store.cannedResponses.getById(first.tenantId, clash.id)).toBeNull();
    // Another shop may use the same shortcut.
    const elsewhere = newCannedResponse();
    expect(await store.cannedResponses.create(elsewhere)).toEqual(elsewhere);
  });

  it('canned responses: update replaces the fields, refuses a taken shortcut and stays in its tenant', async () => {
    const store = getStore();
    const response = await store.cannedResponses.create(newCannedResponse());
    const sibling = await store.cannedResponses.create(
      newCannedResponse({ tenantId: response.tenantId, shortcut: 'returns' }),
    );
    const changes = { shortcut: 'warranty-2', title: 'Warranty (2 years)', text: 'Two years.', updatedAt: T0 + 5 };
    const updated = await store.cannedResponses.update(response.tenantId, response.id, changes);
    expect(updated).toEqual({ ...response, ...changes });
    expect(await store.cannedResponses.getById(response.tenantId, response.id)).toEqual(updated);

    await expect(
      store.cannedResponses.update(response.tenantId, response.id, { ...changes, shortcut: sibling.shortcut }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await store.cannedResponses.getById(response.tenantId, response.id)).toEqual(updated);

    expect(await store.cannedResponses.update(newId(), response.id, changes)).toBeNull();
    expect(await store.cannedResponses.update(response.tenantId, newId(), changes)).toBeNull();
    expect(await store.cannedResponses.getById(newId(), response.id)).toBeNull();
  });

  it('canned responses: delete removes only the tenant’s own response', async () => {
    const store = getStore();
    const response = await store.cannedResponses.create(newCannedResponse());
    expect(await store.cannedResponses.delete(newId(), response.id)).toBe(false);
    expect(await store.cannedResponses.getById(response.tenantId, response.id)).toEqual(response);
    expect(await store.cannedResponses.delete(response.tenantId, response.id)).toBe(true);
    expect(await store.cannedResponses.getById(response.tenantId, response.id)).toBeNull();
    expect(await store.cannedResponses.delete(response.tenantId, response.id)).toBe(false);
    // The shortcut is free again.
    await store.cannedResponses.create(newCannedResponse({ tenantId: response.tenantId }));
  });
}
