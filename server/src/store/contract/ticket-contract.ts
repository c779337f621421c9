import { checkWarranty, DEFAULT_WARRANTY_POLICY, type Ticket, type TicketEvent } from '@aftercare/shared';
import { expect, it } from 'vitest';
import type { Store } from '../../domain/store.js';
import { newId, T0 } from './fixtures.js';

type TicketDraft = Omit<Ticket, 'number'>;

function newTicket(overrides: Partial<TicketDraft> = {}): TicketDraft {
  return {
    id: newId(),
    tenantId: newId(),
    siteId: newId(),
    conversationId: newId(),
    customerId: newId(),
    product: { name: 'Aurora X2 espresso machine', sku: 'AX2-220' },
    serialNumber: 'SN-4411',
    purchaseDate: '2026-03-01',
    orderNumber: 'ORD_100%',
    fault: 'Pump makes a grinding noise',
    photos: [],
    remedy: 'repair',
    category: 'warranty',
    priority: 'normal',
    status: 'registered',
    assigneeId: null,
    technicianId: null,
    warranty: checkWarranty(DEFAULT_WARRANTY_POLICY, { purchaseDate: '2026-03-01', now: T0, timeZone: 'UTC' }),
    warrantyOverride: null,
    repairCard: { parts: [], labourMinutes: 0, technicianNotes: '' },
    promises: {
      answerDueAt: T0 + 1000,
      answeredAt: null,
      resolutionDueAt: T0 + 5000,
      resolvedAt: null,
      escalateAt: T0 + 10_000,
      escalatedAt: null,
    },
    version: 1,
    createdAt: T0,
    updatedAt: T0,
    closedAt: null,
    ...overrides,
  };
}

function newEvent(ticket: { id: string }, overrides: Partial<TicketEvent> = {}): TicketEvent {
  return {
    id: newId(),
    ticketId: ticket.id,
    kind: 'created',
    actor: { kind: 'agent', id: 'agent-1', name: 'Ada' },
    from: null,
    to: 'registered',
    note: null,
    at: T0,
    ...overrides,
  };
}

/** A changed copy of a stored ticket, one version on. */
function changed(ticket: Ticket, changes: Partial<Ticket>, at = ticket.updatedAt + 1): Ticket {
  return { ...ticket, ...changes, version: ticket.version + 1, updatedAt: at };
}

/** Repair tickets: numbering, one per conversation, optimistic changes with timeline, lists. */
export function describeTicketContract(getStore: () => Store): void {
  it('tickets: numbers them per tenant in order and stores them whole', async () => {
    const { tickets } = getStore();
    const first = newTicket();
    const stored = await tickets.create(first, newEvent(first));
    expect(stored).toEqual({ ...first, number: 'R-000001' });
    const second = newTicket({ tenantId: first.tenantId });
    expect((await tickets.create(second, newEvent(second))).number).toBe('R-000002');
    // Another shop starts its own sequence.
    const elsewhere = newTicket();
    expect((await tickets.create(elsewhere, newEvent(elsewhere))).number).toBe('R-000001');

    expect(await tickets.getById(first.tenantId, first.id)).toEqual(stored);
    expect(await tickets.getByConversation(first.tenantId, first.conversationId as string)).toEqual(stored);
    expect(await tickets.getById(elsewhere.tenantId, first.id)).toBeNull();
  });

  it('tickets: one ticket per conversation, even when two creates race', async () => {
    const { tickets } = getStore();
    const a = newTicket();
    const b = newTicket({ tenantId: a.tenantId, conversationId: a.conversationId });
    const results = await Promise.allSettled([tickets.create(a, newEvent(a)), tickets.create(b, newEvent(b))]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((result) => result.status === 'rejected')).toMatchObject({ reason: { code: 'CONFLICT' } });
    const winner = await tickets.getByConversation(a.tenantId, a.conversationId as string);
    const loser = winner?.id === a.id ? b : a;
    expect(await tickets.getById(a.tenantId, loser.id)).toBeNull();
    expect(await tickets.timeline(a.tenantId, loser.id)).toEqual([]);
    // Tickets without a conversation never clash with each other.
    const walkIn1 = newTicket({ tenantId: a.tenantId, conversationId: null });
    const walkIn2 = newTicket({ tenantId: a.tenantId, conversationId: null });
    await tickets.create(walkIn1, newEvent(walkIn1));
    await expect(tickets.create(walkIn2, newEvent(walkIn2))).resolves.toMatchObject({ conversationId: null });
  });

  it('tickets: a change applies only to the version it was based on, with its events, in order', async () => {
    const { tickets } = getStore();
    const draft = newTicket();
    const created = newEvent(draft);
    const ticket = await tickets.create(draft, created);

    const diagnosed = changed(ticket, { status: 'diagnosed' });
    const events = [
      newEvent(ticket, { kind: 'status-changed', from: 'registered', to: 'diagnosed', at: T0 + 1 }),
      newEvent(ticket, { kind: 'note-added', note: 'Pump seal worn', to: null, at: T0 + 1 }),
    ];
    expect(await tickets.replace(diagnosed, events)).toEqual(diagnosed);

    // A second agent's change based on version 1 loses and writes nothing.
    const stale = changed(ticket, { status: 'cancelled' });
    expect(await tickets.replace(stale, [newEvent(ticket, { kind: 'status-changed', to: 'cancelled' })])).toBeNull();
    expect(await tickets.getById(ticket.tenantId, ticket.id)).toEqual(diagnosed);
    expect(await tickets.timeline(ticket.tenantId, ticket.id)).toEqual([created, ...events]);
    // Another tenant can neither change nor read it.
    expect(await tickets.replace({ ...changed(diagnosed, {}), tenantId: newId() }, [])).toBeNull();
    expect(await tickets.timeline(newId(), ticket.id)).toEqual([]);
  });

  it('tickets: lists filter by status, people, customer, overdue, escalated and text, newest first, paged', async () => {
    const { tickets } = getStore();
    const tenantId = newId();
    const make = async (overrides: Partial<TicketDraft>) => {
      const draft = newTicket({ tenantId, ...overrides });
      return tickets.create(draft, newEvent(draft));
    };
    const waiting = await make({ status: 'awaiting_parts', technicianId: 'tech-1', updatedAt: T0 + 30 });
    const mine = await make({ assigneeId: 'agent-1', updatedAt: T0 + 20, fault: '屏幕碎了', customerId: 'c-1' });
    const done = await make({
      status: 'closed',
      updatedAt: T0 + 10,
      promises: { ...newTicket().promises, resolvedAt: T0 + 9, escalatedAt: T0 + 8 },
      orderNumber: 'A_1',
    });
    const late = await make({
      updatedAt: T0 + 10,
      promises: { ...newTicket().promises, resolutionDueAt: T0 + 1, escalatedAt: T0 + 2 },
    });
    const all = await tickets.list(tenantId, {}, { limit: 10 });
    // Same updatedAt: the id breaks the tie, descending.
    const tied = [done, late].sort((x, y) => (x.id < y.id ? 1 : -1));
    expect(all.map((t) => t.id)).toEqual([waiting.id, mine.id, ...tied.map((t) => t.id)]);

    const ids = async (filter: Parameters<typeof tickets.list>[1]) =>
      (await tickets.list(tenantId, filter, { limit: 10 })).map((t) => t.id).sort();
    expect(await ids({ statuses: ['awaiting_parts', 'closed'] })).toEqual([waiting.id, done.id].sort());
    expect(await ids({ statuses: [] })).toEqual([]);
    expect(await ids({ assigneeId: 'agent-1' })).toEqual([mine.id]);
    expect(await ids({ technicianId: 'tech-1' })).toEqual([waiting.id]);
    expect(await ids({ customerId: 'c-1' })).toEqual([mine.id]);
    expect(await ids({ overdueAt: T0 + 2 })).toEqual([late.id]);
    expect(await ids({ escalated: true })).toEqual([late.id]);
    expect(await ids({ text: '屏幕' })).toEqual([mine.id]);
    expect(await ids({ text: 'r-000001' })).toEqual([waiting.id]);
    // LIKE and regular-expression wildcards in the text are literal.
    expect(await ids({ text: 'a_1' })).toEqual([done.id]);
    expect(await ids({ text: '100%' })).toEqual([waiting.id, mine.id, late.id].sort());
    expect(await ids({ text: '.*' })).toEqual([]);

    const page1 = await tickets.list(tenantId, {}, { limit: 3 });
    const last = page1.at(-1) as Ticket;
    const page2 = await tickets.list(tenantId, {}, { limit: 3, after: { updatedAt: last.updatedAt, id: last.id } });
    expect([...page1, ...page2].map((t) => t.id)).toEqual(all.map((t) => t.id));
  });

  it('tickets: finds unresolved, unescalated tickets whose escalation time has passed', async () => {
    const { tickets } = getStore();
    const base = T0 + 1e9; // far from other tests' data, which share the store
    const make = async (promises: Partial<Ticket['promises']>) => {
      const draft = newTicket({ promises: { ...newTicket().promises, ...promises } });
      return tickets.create(draft, newEvent(draft));
    };
    const due = await make({ escalateAt: base + 1 });
    await make({ escalateAt: base + 2, resolvedAt: base });
    await make({ escalateAt: base + 3, escalatedAt: base + 3 });
    await make({ escalateAt: base + 100 });
    const found = (await tickets.listDueForEscalation(base + 50, 1000)).filter((t) => t.promises.escalateAt > base);
    expect(found.map((t) => t.id)).toEqual([due.id]);
  });
}
