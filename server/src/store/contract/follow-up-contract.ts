import type { FollowUp } from '@aftercare/shared';
import { expect, it } from 'vitest';
import type { Store } from '../../domain/store.js';
import { newId, T0 } from './fixtures.js';

const DAY = 86_400_000;

function newFollowUp(overrides: Partial<FollowUp> = {}): FollowUp {
  return {
    id: newId(),
    tenantId: newId(),
    siteId: newId(),
    ticketId: newId(),
    ticketNumber: 'R-000042',
    customerId: newId(),
    product: { name: 'Kettle', sku: 'K2' },
    sequence: 1,
    dueAt: T0 + 3 * DAY,
    lateAt: T0 + 7 * DAY,
    status: 'pending',
    outcome: null,
    note: null,
    doneBy: null,
    doneAt: null,
    createdAt: T0,
    ...overrides,
  };
}

/** Follow-ups: scheduled once per ticket and sequence, listed by view against the clock, completed once. */
export function describeFollowUpContract(getStore: () => Store): void {
  it('follow-ups: scheduling twice keeps the first ones', async () => {
    const { followUps } = getStore();
    const first = newFollowUp();
    const second = newFollowUp({ ...first, id: newId(), sequence: 2, dueAt: T0 + 10 * DAY, lateAt: T0 + 14 * DAY });
    expect(await followUps.schedule([first, second])).toEqual([first, second]);
    const again = await followUps.schedule([{ ...first, id: newId(), dueAt: T0 }]);
    expect(again).toEqual([]);
    expect(await followUps.getById(first.tenantId, first.id)).toEqual(first);
    expect(await followUps.getById(newId(), first.id)).toBeNull();
  });

  it('follow-ups: lists due, upcoming and done as of a time, paged', async () => {
    const { followUps } = getStore();
    const tenantId = newId();
    const at = (days: number, sequence: 1 | 2 = 1) =>
      newFollowUp({ tenantId, sequence, dueAt: T0 + days * DAY, lateAt: T0 + (days + 4) * DAY });
    const [a, b, c] = [at(1), at(2), at(5)];
    await followUps.schedule([c, a, b, newFollowUp({ dueAt: T0 })]);
    const now = T0 + 2 * DAY;
    expect(await followUps.list(tenantId, 'due', now, { offset: 0, limit: 10 })).toEqual([a, b]);
    expect(await followUps.list(tenantId, 'due', now, { offset: 1, limit: 10 })).toEqual([b]);
    expect(await followUps.list(tenantId, 'upcoming', now, { offset: 0, limit: 10 })).toEqual([c]);
    expect(await followUps.list(tenantId, 'done', now, { offset: 0, limit: 10 })).toEqual([]);

    const result = { outcome: 'issue-persists' as const, note: 'Still leaks', doneBy: 'agent-1', doneAt: now };
    const done = await followUps.complete(tenantId, a.id, result);
    expect(done).toEqual({ ...a, status: 'done', ...result });
    // Only once; and never across tenants.
    expect(await followUps.complete(tenantId, a.id, { ...result, outcome: 'satisfied' })).toBeNull();
    expect(await followUps.complete(newId(), b.id, result)).toBeNull();
    expect(await followUps.list(tenantId, 'due', now, { offset: 0, limit: 10 })).toEqual([b]);
    expect(await followUps.list(tenantId, 'done', now, { offset: 0, limit: 10 })).toEqual([done]);
  });

  it('follow-ups: finds those that fell due in a span, across tenants', async () => {
    const { followUps } = getStore();
    // A far-off epoch, so other tests' follow-ups never fall in the span.
    const base = T0 + 10_000 * DAY + Math.floor(Math.random() * 1_000) * DAY;
    const inSpan = newFollowUp({ dueAt: base + 1 });
    const atEnd = newFollowUp({ dueAt: base + DAY });
    const before = newFollowUp({ dueAt: base });
    const done = newFollowUp({ dueAt: base + 2, status: 'done', outcome: 'other', doneBy: 'a', doneAt: base });
    await followUps.schedule([inSpan, atEnd, before, done]);
    expect(await followUps.listFallenDue(base, base + DAY, 10)).toEqual([inSpan, atEnd]);
    expect(await followUps.listFallenDue(base, base + DAY, 1)).toEqual([inSpan]);
  });
}
