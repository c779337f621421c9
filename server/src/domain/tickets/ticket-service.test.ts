import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Agent,
  type BusinessHours,
  DEFAULT_SERVICE_PROMISES,
  DEFAULT_WARRANTY_POLICY,
  type Ticket,
} from '@aftercare/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newAgent, seedConversation } from '../../store/contract/fixtures.js';
import { openSqliteStore, type SqliteStore } from '../../store/sqlite/sqlite-store.js';
import { AftercareError } from '../errors.js';
import { createTicketService, type TicketPolicies, type TicketService } from './ticket-service.js';

/** Mon–Fri 09:00–18:00 in Shanghai. */
const hours: BusinessHours = {
  timeZone: 'Asia/Shanghai',
  intervals: [1, 2, 3, 4, 5].map((day) => ({ day: day as 1, open: '09:00', close: '18:00' })),
  closedDates: [],
};
const policies: TicketPolicies = {
  timeZone: 'Asia/Shanghai',
  hours,
  warranty: DEFAULT_WARRANTY_POLICY,
  promises: DEFAULT_SERVICE_PROMISES,
};
/** Monday 2026-09-07 10:00 in Shanghai. */
const MONDAY_10 = Date.parse('2026-09-07T10:00:00+08:00');

let dataDir: string;
let store: SqliteStore;
let now: number;
let service: TicketService;
let agent: Agent;
let technician: Agent;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'aftercare-tickets-'));
  store = openSqliteStore({ dataDir });
  now = MONDAY_10;
  const site = await seedConversation(store).then((c) => store.sites.getById(c.siteId));
  const tenantId = site?.tenantId as string;
  agent = await store.agents.create(newAgent({ tenantId, name: 'Ada' }));
  technician = await store.agents.create(newAgent({ tenantId, name: 'Tomas' }));
  service = createTicketService({
    tickets: store.tickets,
    conversations: store.conversations,
    customers: store.customers,
    isActiveAgent: async (tenant, id) => {
      const found = await store.agents.getById(id);
      return Boolean(found && found.tenantId === tenant && found.active);
    },
    policiesFor: async () => policies,
    resolvePhotos: async () => [],
    clock: { now: () => now },
  });
});

afterEach(async () => {
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function chat() {
  return seedConversation(store, {
    site: (await store.sites.listByTenant(agent.tenantId))[0],
    overrides: { product: { name: 'Aurora X2', sku: 'AX2', category: 'Coffee' } },
  });
}

async function newTicket(overrides: Partial<Parameters<TicketService['createFromConversation']>[1]> = {}) {
  const conversation = await chat();
  const { ticket } = await service.createFromConversation(agent, {
    conversationId: conversation.id,
    fault: 'Grinding noise',
    purchaseDate: '2026-06-01',
    remedy: 'repair',
    category: 'warranty',
    ...overrides,
  });
  return ticket;
}

describe('turning a chat into a ticket', () => {
  it('prefills customer and product, checks the warranty and sets due times in business hours', async () => {
    const conversation = await chat();
    const { ticket, created } = await service.createFromConversation(agent, {
      conversationId: conversation.id,
      fault: 'Grinding noise',
      serialNumber: 'SN-1',
      purchaseDate: '2026-06-01',
      remedy: 'repair',
      category: 'warranty',
      technicianId: technician.id,
    });
    expect(created).toBe(true);
    expect(ticket).toMatchObject({
      number: 'R-000001',
      conversationId: conversation.id,
      customerId: conversation.customerId,
      product: { name: 'Aurora X2', sku: 'AX2', category: 'Coffee' },
      status: 'registered',
      assigneeId: agent.id,
      technicianId: technician.id,
      version: 1,
    });
    expect(ticket.warranty.remedies.filter((r) => r.allowed).map((r) => r.remedy)).toEqual(['repair']);
    // 24 business hours (9 h days) from Monday 10:00: 8 h Monday, 9 h Tuesday, 7 h Wednesday → Wednesday 16:00.
    expect(ticket.promises.answerDueAt).toBe(Date.parse('2026-09-09T16:00:00+08:00'));
    expect(ticket.promises.escalateAt).toBe(MONDAY_10 + 2 * 86_400_000);
    const { timeline } = await service.get(agent, ticket.id);
    expect(timeline).toMatchObject([{ kind: 'created', to: 'registered', actor: { id: agent.id, name: 'Ada' } }]);
  });

  it('makes one ticket when the same chat is converted twice at once', async () => {
    const conversation = await chat();
    const input = {
      conversationId: conversation.id,
      fault: 'x',
      purchaseDate: '2026-06-01',
      remedy: 'repair',
      category: 'warranty',
    } as const;
    const results = await Promise.all([
      service.createFromConversation(agent, input),
      service.createFromConversation(agent, input),
    ]);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    expect(results[0]?.ticket.id).toBe(results[1]?.ticket.id);
    expect(await store.tickets.list(agent.tenantId, {}, { limit: 10 })).toHaveLength(1);
  });

  it('refuses a remedy the warranty does not cover, unless overridden with a reason', async () => {
    const conversation = await chat();
    const input = {
      conversationId: conversation.id,
      fault: 'x',
      purchaseDate: '2026-06-01',
      remedy: 'refund',
      category: 'warranty',
    } as const;
    await expect(service.createFromConversation(agent, input)).rejects.toMatchObject({
      code: 'NOT_COVERED_BY_WARRANTY',
    });
    // A paid refund is the shop's business, not the warranty's.
    const paid = await service.createFromConversation(agent, { ...input, category: 'paid' });
    expect(paid.ticket.category).toBe('paid');
    const other = await chat();
    const overridden = await service.createFromConversation(agent, {
      ...input,
      conversationId: other.id,
      overrideReason: 'Known batch defect',
    });
    expect(overridden.ticket.warrantyOverride).toMatchObject({
      remedy: 'refund',
      reason: 'Known batch defect',
      agentId: agent.id,
    });
  });

  it('refuses other tenants’ chats and unknown technicians', async () => {
    const stranger = { ...agent, tenantId: 'another-shop' };
    const conversation = await chat();
    const input = { conversationId: conversation.id, fault: 'x', remedy: 'repair', category: 'paid' } as const;
    await expect(service.createFromConversation(stranger, input)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(service.createFromConversation(agent, { ...input, technicianId: 'nobody' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('the workflow', () => {
  it('moves through every status, records who and when, and keeps the promises', async () => {
    let ticket: Ticket = await newTicket();
    const path = ['diagnosed', 'awaiting_parts', 'in_repair', 'repaired', 'returned', 'closed'] as const;
    for (const to of path) {
      now += 3_600_000;
      ({ ticket } = await service.changeStatus(agent, { ticketId: ticket.id, version: ticket.version, to }));
    }
    expect(ticket.status).toBe('closed');
    expect(ticket.promises.answeredAt).toBe(MONDAY_10 + 3_600_000);
    expect(ticket.promises.resolvedAt).toBe(MONDAY_10 + 5 * 3_600_000);
    expect(ticket.closedAt).toBe(now);
    const { timeline } = await service.get(agent, ticket.id);
    expect(timeline.map((event) => [event.from, event.to])).toEqual([
      [null, 'registered'],
      ['registered', 'diagnosed'],
      ['diagnosed', 'awaiting_parts'],
      ['awaiting_parts', 'in_repair'],
      ['in_repair', 'repaired'],
      ['repaired', 'returned'],
      ['returned', 'closed'],
    ]);
  });

  it('refuses forbidden moves and any change after closing', async () => {
    const ticket = await newTicket();
    await expect(
      service.changeStatus(agent, { ticketId: ticket.id, version: 1, to: 'repaired' }),
    ).rejects.toMatchObject({
      code: 'TRANSITION_NOT_ALLOWED',
    });
    const { ticket: cancelled } = await service.changeStatus(agent, {
      ticketId: ticket.id,
      version: 1,
      to: 'cancelled',
    });
    await expect(
      service.updateDetails(agent, { ticketId: ticket.id, version: cancelled.version, fault: 'again' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await service.get(agent, ticket.id)).timeline).toHaveLength(2);
  });

  it('refuses a change based on an old version, so two agents never overwrite each other', async () => {
    const ticket = await newTicket();
    await service.changeStatus(agent, { ticketId: ticket.id, version: 1, to: 'diagnosed' });
    const error = await service
      .changeStatus(agent, { ticketId: ticket.id, version: 1, to: 'cancelled' })
      .catch((e) => e);
    expect(error).toBeInstanceOf(AftercareError);
    expect(error.code).toBe('CONFLICT');
    expect((await service.load(agent, ticket.id)).status).toBe('diagnosed');
  });

  it('re-checks the warranty when the purchase date changes', async () => {
    const ticket = await newTicket({ purchaseDate: '2026-09-05', remedy: 'refund' });
    expect(ticket.remedy).toBe('refund');
    // Bought much earlier after all: a refund is no longer covered, so the change is refused…
    await expect(
      service.updateDetails(agent, { ticketId: ticket.id, version: 1, purchaseDate: '2026-01-05' }),
    ).rejects.toMatchObject({ code: 'NOT_COVERED_BY_WARRANTY' });
    // …but together with switching to repair it goes through.
    const { ticket: updated } = await service.updateDetails(agent, {
      ticketId: ticket.id,
      version: 1,
      purchaseDate: '2026-01-05',
      remedy: 'repair',
    });
    expect(updated.warranty.purchaseDate).toBe('2026-01-05');
    expect(updated.warranty.remedies.map((r) => r.allowed)).toEqual([false, false, true]);
  });

  it('assigns technicians, keeps notes and the repair card in the timeline', async () => {
    let ticket = await newTicket();
    ({ ticket } = await service.assign(agent, {
      ticketId: ticket.id,
      version: ticket.version,
      technicianId: technician.id,
    }));
    ({ ticket } = await service.addNote(agent, { ticketId: ticket.id, note: 'Customer prefers pickup' }));
    ({ ticket } = await service.updateRepairCard(agent, {
      ticketId: ticket.id,
      version: ticket.version,
      repairCard: {
        parts: [{ name: 'Pump seal', partNumber: 'PS-2', quantity: 1 }],
        labourMinutes: 45,
        technicianNotes: 'Seal replaced',
      },
    }));
    expect(ticket.technicianId).toBe(technician.id);
    expect(ticket.repairCard.labourMinutes).toBe(45);
    const { timeline } = await service.get(agent, ticket.id);
    expect(timeline.map((event) => event.kind)).toEqual([
      'created',
      'technician-assigned',
      'note-added',
      'repair-card-updated',
    ]);
    expect(timeline[2]?.note).toBe('Customer prefers pickup');
  });
});
