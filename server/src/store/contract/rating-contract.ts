import type { Rating, RatingSubject } from '@aftercare/shared';
import { expect, it } from 'vitest';
import type { RatingRequestRecord } from '../../domain/ratings/rating-repository.js';
import type { Store } from '../../domain/store.js';
import { newId, T0 } from './fixtures.js';

function newRating(overrides: Partial<Rating> = {}): Rating {
  return {
    id: newId(),
    tenantId: newId(),
    siteId: newId(),
    customerId: newId(),
    subject: { kind: 'conversation', id: newId() },
    score: 2,
    comment: 'Took three days',
    agentId: 'agent-1',
    technicianId: null,
    product: { name: 'Aurora X2 espresso machine', sku: 'AX2-220' },
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

function newRequest(overrides: Partial<RatingRequestRecord> = {}): RatingRequestRecord {
  return {
    tenantId: newId(),
    siteId: newId(),
    customerId: newId(),
    subject: { kind: 'ticket', id: newId() },
    requestedAt: T0,
    requestedBy: null,
    ticketNumber: 'R-000007',
    product: { name: 'Kettle', sku: 'K2', price: 30, currency: 'EUR' },
    agentId: 'agent-1',
    agentName: 'Ada',
    technicianId: 'tech-1',
    ...overrides,
  };
}

/** Ratings: one per subject, updates only within the window, per-customer lists; rating requests. */
export function describeRatingContract(getStore: () => Store): void {
  it('ratings: stores one per subject and refuses a second with CONFLICT', async () => {
    const { ratings } = getStore();
    const rating = newRating();
    expect(await ratings.create(rating)).toEqual(rating);
    expect(await ratings.getBySubject(rating.tenantId, rating.subject)).toEqual(rating);
    await expect(
      ratings.create(newRating({ tenantId: rating.tenantId, subject: rating.subject })),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    // Another tenant never sees it.
    expect(await ratings.getBySubject(newId(), rating.subject)).toBeNull();
  });

  it('ratings: racing creates leave exactly one', async () => {
    const { ratings } = getStore();
    const subject: RatingSubject = { kind: 'ticket', id: newId() };
    const tenantId = newId();
    const results = await Promise.allSettled(
      [1, 2, 3, 4].map((score) => ratings.create(newRating({ tenantId, subject, score }))),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(await ratings.getBySubject(tenantId, subject)).not.toBeNull();
  });

  it('ratings: updates only a rating created within the window', async () => {
    const { ratings } = getStore();
    const rating = newRating({ comment: null });
    await ratings.create(rating);
    const changed = await ratings.update(
      rating.tenantId,
      rating.subject,
      { score: 4, comment: 'Fixed after all', updatedAt: T0 + 60_000 },
      T0,
    );
    expect(changed).toEqual({ ...rating, score: 4, comment: 'Fixed after all', updatedAt: T0 + 60_000 });
    // The window opened after the rating was given: it is final.
    expect(
      await ratings.update(rating.tenantId, rating.subject, { score: 1, comment: null, updatedAt: T0 + 1 }, T0 + 1),
    ).toBeNull();
    expect(await ratings.update(newId(), rating.subject, { score: 1, comment: null, updatedAt: T0 }, 0)).toBeNull();
    expect((await ratings.getBySubject(rating.tenantId, rating.subject))?.score).toBe(4);
  });

  it('ratings: lists a customer’s ratings newest first, keeping ticket and technician', async () => {
    const { ratings } = getStore();
    const tenantId = newId();
    const customerId = newId();
    const older = newRating({ tenantId, customerId, createdAt: T0, updatedAt: T0 });
    const newer = newRating({
      tenantId,
      customerId,
      subject: { kind: 'ticket', id: newId() },
      technicianId: 'tech-1',
      product: null,
      createdAt: T0 + 5,
      updatedAt: T0 + 5,
    });
    await ratings.create(older);
    await ratings.create(newer);
    await ratings.create(newRating({ tenantId }));
    expect(await ratings.listByCustomer(tenantId, customerId, 10)).toEqual([newer, older]);
    expect(await ratings.listByCustomer(tenantId, customerId, 1)).toEqual([newer]);
    expect(await ratings.listByCustomer(newId(), customerId, 10)).toEqual([]);
  });

  it('rating requests: one per subject; asking again only moves its time', async () => {
    const { ratings } = getStore();
    const request = newRequest();
    expect(await ratings.saveRequest(request)).toEqual(request);
    const again = await ratings.saveRequest({
      ...request,
      requestedAt: T0 + 10,
      requestedBy: 'agent-2',
      agentName: 'Other',
    });
    expect(again).toEqual({ ...request, requestedAt: T0 + 10, requestedBy: 'agent-2' });
    expect(await ratings.getRequest(request.tenantId, request.subject)).toEqual(again);
    expect(await ratings.getRequest(newId(), request.subject)).toBeNull();

    const second = newRequest({
      tenantId: request.tenantId,
      customerId: request.customerId,
      subject: { kind: 'conversation', id: newId() },
      requestedAt: T0 + 20,
      ticketNumber: null,
      product: null,
      technicianId: null,
    });
    await ratings.saveRequest(second);
    expect(await ratings.listRequestsByCustomer(request.customerId, 10)).toEqual([second, again]);
    expect(await ratings.listRequestsByCustomer(newId(), 10)).toEqual([]);
  });
}
