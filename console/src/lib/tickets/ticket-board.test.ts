import { checkWarranty, DEFAULT_WARRANTY_POLICY, type Ticket, type TicketEvent } from '@aftercare/shared';
import { describe, expect, it } from 'vitest';
import { applyToOpen, DEFAULT_TICKET_FILTERS, listPayload, matchesFilters, upsertTicket } from './ticket-board.js';

function ticket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    id: 't1',
    tenantId: 'shop',
    siteId: 'site',
    number: 'R-000001',
    conversationId: 'c1',
    customerId: 'cu',
    product: null,
    serialNumber: null,
    purchaseDate: null,
    orderNumber: null,
    fault: 'Leak',
    photos: [],
    remedy: 'repair',
    category: 'paid',
    priority: 'normal',
    status: 'registered',
    assigneeId: 'me',
    technicianId: null,
    warranty: checkWarranty(DEFAULT_WARRANTY_POLICY, { purchaseDate: null, now: 0, timeZone: 'UTC' }),
    warrantyOverride: null,
    repairCard: { parts: [], labourMinutes: 0, technicianNotes: '' },
    promises: {
      answerDueAt: 1,
      answeredAt: null,
      resolutionDueAt: 2,
      resolvedAt: null,
      escalateAt: 3,
      escalatedAt: null,
    },
    version: 1,
    createdAt: 0,
    updatedAt: 10,
    closedAt: null,
    ...overrides,
  };
}

const event = (id: string): TicketEvent => ({
  id,
  ticketId: 't1',
  kind: 'note-added',
  actor: { kind: 'agent', id: 'me', name: 'Me' },
  from: null,
  to: null,
  note: 'n',
  at: 0,
});

describe('ticket board', () => {
  it('asks the server for exactly the chosen filters', () => {
    expect(listPayload(DEFAULT_TICKET_FILTERS)).toEqual({ view: 'all', limit: 50 });
    const after = ticket({ updatedAt: 5, id: 'x' });
    expect(listPayload({ view: 'mine', status: 'in_repair', technicianId: 'tech', query: '  SN-1 ' }, after)).toEqual({
      view: 'mine',
      statuses: ['in_repair'],
      technicianId: 'tech',
      query: 'SN-1',
      after: { updatedAt: 5, id: 'x' },
      limit: 50,
    });
  });

  it('decides from the filters whether a changed ticket belongs, and leaves clock-dependent views to the server', () => {
    expect(matchesFilters(ticket(), DEFAULT_TICKET_FILTERS, 'me')).toBe(true);
    expect(matchesFilters(ticket(), { ...DEFAULT_TICKET_FILTERS, view: 'mine' }, 'other')).toBe(false);
    expect(matchesFilters(ticket(), { ...DEFAULT_TICKET_FILTERS, status: 'closed' }, 'me')).toBe(false);
    expect(matchesFilters(ticket(), { ...DEFAULT_TICKET_FILTERS, view: 'overdue' }, 'me')).toBeUndefined();
    expect(matchesFilters(ticket(), { ...DEFAULT_TICKET_FILTERS, query: 'x' }, 'me')).toBeUndefined();
  });

  it('keeps the newest version of each ticket, newest change first, and drops ones that left the filter', () => {
    const a = ticket({ id: 'a', updatedAt: 10 });
    const b = ticket({ id: 'b', updatedAt: 20 });
    const list = upsertTicket([b, a], ticket({ id: 'a', updatedAt: 30, version: 2 }), true);
    expect(list.map((t) => [t.id, t.version])).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
    // An older copy arriving late changes nothing.
    expect(upsertTicket(list, ticket({ id: 'a', version: 1 }), true)).toBe(list);
    expect(upsertTicket(list, ticket({ id: 'a', version: 3, updatedAt: 40 }), false).map((t) => t.id)).toEqual(['b']);
    expect(upsertTicket(list, ticket({ id: 'c', version: 1 }), false)).toBe(list);
  });

  it('appends new timeline lines to the open ticket once', () => {
    const open = { ticketId: 't1', ticket: ticket(), timeline: [event('e1')], status: 'ready' as const };
    const next = applyToOpen(open, ticket({ version: 2 }), [event('e1'), event('e2')]);
    expect(next?.timeline.map((e) => e.id)).toEqual(['e1', 'e2']);
    expect(applyToOpen(next, ticket({ version: 2 }), [event('e3')])).toBe(next);
    expect(applyToOpen(open, ticket({ id: 'other', version: 5 }), [])).toBe(open);
  });
});
