import type { Alert } from '@aftercare/shared';
import { expect, it } from 'vitest';
import type { StoredAlert } from '../../domain/alerts/alert-repository.js';
import type { Store } from '../../domain/store.js';
import { newId, newSite, seedConversation, T0 } from './fixtures.js';

const HOUR = 3600_000;

/** Ids of `conversations` among the listed ones, in list order (other tests' rows share the store). */
const idsAmong = (listed: { id: string }[], ...ours: { id: string }[]) =>
  listed.map((item) => item.id).filter((id) => ours.some((own) => own.id === id));

function newAlert(tenantId: string, overrides: Partial<StoredAlert> = {}): StoredAlert {
  return {
    id: newId(),
    kind: 'escalation',
    tenantId,
    siteId: newId(),
    subject: { kind: 'conversation', id: newId() },
    label: 'Vera Shopper',
    escalateAt: T0,
    createdAt: T0,
    ...overrides,
  } as StoredAlert;
}

/** Service promises on conversations, escalation's compare-and-set, and supervisors' alerts. */
export function describeEscalationContract(getStore: () => Store): void {
  it('stores and returns a conversation’s due times and escalation', async () => {
    const store = getStore();
    const due = { firstReplyDueAt: T0 + HOUR, resolutionDueAt: T0 + 72 * HOUR, escalateAt: T0 + 48 * HOUR };
    const conversation = await seedConversation(store, { overrides: { ...due, escalatedAt: null } });
    expect(conversation).toMatchObject({ ...due, escalatedAt: null });
    expect(await store.conversations.getById(conversation.id)).toMatchObject({ ...due, escalatedAt: null });
    const none = await seedConversation(store);
    expect(await store.conversations.getById(none.id)).toMatchObject({
      firstReplyDueAt: null,
      resolutionDueAt: null,
      escalateAt: null,
      escalatedAt: null,
    });
  });

  it('lists open, unescalated conversations whose escalation time has come, oldest due first', async () => {
    const store = getStore();
    const late = await seedConversation(store, { overrides: { escalateAt: T0 - 2 * HOUR } });
    const later = await seedConversation(store, { overrides: { escalateAt: T0 - HOUR } });
    const now = await seedConversation(store, { overrides: { escalateAt: T0 } });
    const future = await seedConversation(store, { overrides: { escalateAt: T0 + 1 } });
    const resolved = await seedConversation(store, { overrides: { escalateAt: T0 - HOUR } });
    await store.conversations.setStatus(resolved.id, 'resolved', T0);
    const done = await seedConversation(store, { overrides: { escalateAt: T0 - HOUR, escalatedAt: T0 - 1 } });
    const noPromise = await seedConversation(store);

    const due = await store.conversations.listDueForEscalation(T0, 10_000);
    expect(idsAmong(due, late, later, now, future, resolved, done, noPromise)).toEqual([late.id, later.id, now.id]);
    for (const conversation of [late, later, now, future]) await store.conversations.markEscalated(conversation.id, T0);
  });

  it('escalates once: the second of two racing escalations gets null; resolved chats never escalate', async () => {
    const store = getStore();
    const conversation = await seedConversation(store, { overrides: { escalateAt: T0, updatedAt: T0 } });
    const results = await Promise.all([
      store.conversations.markEscalated(conversation.id, T0 + 5),
      store.conversations.markEscalated(conversation.id, T0 + 6),
    ]);
    const winners = results.filter((result) => result !== null);
    expect(winners).toHaveLength(1);
    expect(winners[0]).toMatchObject({ id: conversation.id, escalatedAt: expect.any(Number), updatedAt: T0 });
    expect(await store.conversations.markEscalated(conversation.id, T0 + 7)).toBeNull();
    expect((await store.conversations.getById(conversation.id))?.escalatedAt).toBe(winners[0]?.escalatedAt);

    const resolved = await seedConversation(store, { overrides: { escalateAt: T0 } });
    await store.conversations.setStatus(resolved.id, 'resolved', T0 + 1);
    expect(await store.conversations.markEscalated(resolved.id, T0 + 2)).toBeNull();
    expect(await store.conversations.markEscalated(newId(), T0)).toBeNull();
  });

  it('lists the escalated view: open escalated conversations of the tenant only', async () => {
    const store = getStore();
    const site = newSite();
    const escalated = await seedConversation(store, { site, overrides: { escalateAt: T0, updatedAt: T0 + 1 } });
    const calm = await seedConversation(store, { site, overrides: { escalateAt: T0 + HOUR, updatedAt: T0 + 2 } });
    const closed = await seedConversation(store, { site, overrides: { escalateAt: T0, updatedAt: T0 + 3 } });
    await store.conversations.markEscalated(escalated.id, T0 + 10);
    await store.conversations.markEscalated(closed.id, T0 + 10);
    await store.conversations.setStatus(closed.id, 'resolved', T0 + 11);
    const other = await seedConversation(store, { overrides: { escalateAt: T0 } });
    await store.conversations.markEscalated(other.id, T0 + 10);

    const listed = await store.conversations.listByTenant({ tenantId: site.tenantId, escalated: true, limit: 50 });
    expect(listed.map((conversation) => conversation.id)).toEqual([escalated.id]);
    const resolvedAndEscalated = await store.conversations.listByTenant({
      tenantId: site.tenantId,
      status: 'resolved',
      escalated: true,
      limit: 50,
    });
    expect(resolvedAndEscalated).toEqual([]);
    expect(calm.escalatedAt).toBeNull();
  });

  it('alerts: newest first, read marks per agent, unread counts, tenant-scoped marking', async () => {
    const store = getStore();
    const tenantId = newId();
    const older = newAlert(tenantId, { createdAt: T0 });
    const newer = newAlert(tenantId, {
      createdAt: T0 + 1,
      subject: { kind: 'ticket', id: newId() },
      label: 'R-000042',
    });
    const foreign = newAlert(newId(), { createdAt: T0 + 2 });
    for (const alert of [older, newer, foreign]) await store.alerts.create(alert);

    const [ada, bo] = [newId(), newId()];
    const listed = await store.alerts.listForAgent(tenantId, ada, 10);
    expect(listed).toEqual([
      { ...newer, read: false },
      { ...older, read: false },
    ] satisfies Alert[]);
    expect(await store.alerts.listForAgent(tenantId, ada, 1)).toHaveLength(1);
    expect(await store.alerts.countUnread(tenantId, ada)).toBe(2);

    // Another tenant's alert id is ignored; marking twice is harmless.
    await store.alerts.markRead(tenantId, ada, [older.id, foreign.id], T0 + 5);
    await store.alerts.markRead(tenantId, ada, [older.id], T0 + 6);
    expect((await store.alerts.listForAgent(tenantId, ada, 10)).map((alert) => alert.read)).toEqual([false, true]);
    expect(await store.alerts.countUnread(tenantId, ada)).toBe(1);
    expect(await store.alerts.countUnread(tenantId, bo)).toBe(2);
    expect((await store.alerts.listForAgent(foreign.tenantId, ada, 10))[0]?.read).toBe(false);

    await store.alerts.markRead(tenantId, bo, null, T0 + 7);
    expect(await store.alerts.countUnread(tenantId, bo)).toBe(0);
    expect(await store.alerts.countUnread(tenantId, ada)).toBe(1);
    expect(await store.alerts.countUnread(foreign.tenantId, bo)).toBe(1);
  });
}
