import {
  checkWarranty,
  DEFAULT_WARRANTY_POLICY,
  type ProductContext,
  type Rating,
  type Site,
  type Ticket,
} from '@aftercare/shared';
import { expect, it } from 'vitest';
import type {
  ConversationFact,
  RatingFact,
  ReportSummary,
  TicketFact,
} from '../../domain/reports/report-repository.js';
import { summarizeFacts } from '../../domain/reports/summarize-facts.js';
import type { Store } from '../../domain/store.js';
import { newConversation, newId, newSite, seedCustomer, T0 } from './fixtures.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NO_SPREAD = { count: 0, median: null, p90: null };
const kettle: ProductContext = { name: '电热水壶 K2', sku: 'K2' };

function ticketDraft(site: Site, customerId: string, overrides: Partial<Ticket> = {}): Omit<Ticket, 'number'> {
  return {
    id: newId(),
    tenantId: site.tenantId,
    siteId: site.id,
    conversationId: null,
    customerId,
    product: kettle,
    serialNumber: null,
    purchaseDate: null,
    orderNumber: null,
    fault: 'Does not heat',
    photos: [],
    remedy: 'repair',
    category: 'warranty',
    priority: 'normal',
    status: 'registered',
    assigneeId: null,
    technicianId: null,
    warranty: checkWarranty(DEFAULT_WARRANTY_POLICY, { purchaseDate: null, now: T0, timeZone: 'UTC' }),
    warrantyOverride: null,
    repairCard: { parts: [], labourMinutes: 0, technicianNotes: '' },
    promises: {
      answerDueAt: null,
      answeredAt: null,
      resolutionDueAt: null,
      resolvedAt: null,
      escalateAt: T0 + 48 * HOUR,
      escalatedAt: null,
    },
    version: 1,
    createdAt: T0,
    updatedAt: T0,
    closedAt: null,
    ...overrides,
  };
}

function rating(site: Site, customerId: string, overrides: Partial<Rating> = {}): Rating {
  return {
    id: newId(),
    tenantId: site.tenantId,
    siteId: site.id,
    customerId,
    subject: { kind: 'conversation', id: newId() },
    score: 2,
    comment: 'Slow',
    agentId: 'agent-ada',
    technicianId: null,
    product: kettle,
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

/** A deterministic sequence in [0, 1), so the contract's data is the same in every run and adapter. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const PRODUCTS: (ProductContext | null)[] = [
  kettle,
  { name: 'Toaster' },
  { name: 'Kettle, blue box', sku: 'K2' },
  null,
];

/** Every summary list in a fixed order, so two summaries compare equal whatever order an adapter answers in. */
function normalized(summary: ReportSummary): ReportSummary {
  const text = (a: string, b: string) => a.localeCompare(b);
  return {
    ...summary,
    agents: [...summary.agents].sort((a, b) => text(a.agentId, b.agentId)),
    technicians: [...summary.technicians].sort((a, b) => text(a.technicianId, b.technicianId)),
    products: [...summary.products].sort((a, b) => text(`${a.sku}|${a.name}`, `${b.sku}|${b.name}`)),
  };
}

/**
 * Reports: every adapter's `summarize` answers what the reference arithmetic (`summarizeFacts`)
 * computes from the same records: the tenant's records created in the range, of one site or all.
 */
export function describeReportContract(getStore: () => Store): void {
  it('reports: summarizes conversations, tickets and ratings exactly like the reference', async () => {
    const store = getStore();
    const { site, customer } = await seedCustomer(store);
    const next = sequence(7);
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
    // Three days, the second 25 hours long (clocks going back), then the range ends.
    const dayStarts = [T0, T0 + 24 * HOUR, T0 + 49 * HOUR, T0 + 73 * HOUR];
    const now = T0 + 60 * HOUR;
    const agents = ['agent-ada', 'agent-bo', null];
    const facts = { conversations: [] as ConversationFact[], tickets: [] as TicketFact[], ratings: [] as RatingFact[] };

    for (let index = 0; index < 40; index++) {
      // A few just outside the range on either side.
      const createdAt = T0 - 2 * HOUR + Math.floor(next() * 77 * HOUR);
      const replied = next() < 0.8;
      const product = pick(PRODUCTS);
      const conversation = newConversation(customer, {
        id: newId(),
        assigneeId: pick(agents),
        product,
        createdAt,
        updatedAt: createdAt,
        firstReplyAt: replied ? createdAt + Math.floor(next() * 3 * HOUR) : null,
        resolvedAt: next() < 0.6 ? createdAt + Math.floor(next() * 30 * HOUR) : null,
        firstReplyDueAt: next() < 0.8 ? createdAt + HOUR : null,
        resolutionDueAt: next() < 0.8 ? createdAt + 24 * HOUR : null,
      });
      // Finished chats only: a customer has one open chat at most, so each gets its own customer.
      const owner = (await seedCustomer(store, site)).customer;
      await store.conversations.start({
        conversation: { ...conversation, customerId: owner.id, status: 'resolved' },
        requestId: newId(),
      });
      facts.conversations.push({
        createdAt,
        assigneeId: conversation.assigneeId,
        firstReplyAt: conversation.firstReplyAt,
        resolvedAt: conversation.resolvedAt,
        firstReplyDueAt: conversation.firstReplyDueAt,
        resolutionDueAt: conversation.resolutionDueAt,
        productSku: product?.sku ?? null,
        productName: product?.name ?? null,
      });
    }
    for (let index = 0; index < 15; index++) {
      const createdAt = T0 - HOUR + Math.floor(next() * 75 * HOUR);
      const status = pick(['registered', 'in_repair', 'closed', 'returned', 'cancelled'] as const);
      const done = status === 'closed' || status === 'returned' || status === 'cancelled';
      const product = pick(PRODUCTS);
      const promises = {
        answerDueAt: next() < 0.8 ? createdAt + 4 * HOUR : null,
        answeredAt: status === 'registered' ? null : createdAt + Math.floor(next() * 8 * HOUR),
        resolutionDueAt: next() < 0.8 ? createdAt + 40 * HOUR : null,
        resolvedAt: done ? createdAt + Math.floor(next() * 70 * HOUR) : null,
        escalateAt: createdAt + 48 * HOUR,
        escalatedAt: null,
      };
      const technicianId = pick(['tech-tom', 'tech-uma', null]);
      await store.tickets.create(
        ticketDraft(site, customer.id, { status, product, technicianId, promises, createdAt, updatedAt: createdAt }),
        createdEvent(),
      );
      facts.tickets.push({
        createdAt,
        status,
        technicianId,
        answerDueAt: promises.answerDueAt,
        answeredAt: promises.answeredAt,
        resolutionDueAt: promises.resolutionDueAt,
        resolvedAt: promises.resolvedAt,
        productSku: product?.sku ?? null,
        productName: product?.name ?? null,
      });
    }
    for (let index = 0; index < 20; index++) {
      const createdAt = T0 - HOUR + Math.floor(next() * 75 * HOUR);
      const ticket = next() < 0.4;
      const rated = rating(site, customer.id, {
        subject: { kind: ticket ? 'ticket' : 'conversation', id: newId() },
        score: 1 + Math.floor(next() * 5),
        agentId: pick(agents),
        technicianId: ticket ? pick(['tech-tom', null]) : null,
        product: pick(PRODUCTS),
        createdAt,
        updatedAt: createdAt,
      });
      await store.ratings.create(rated);
      facts.ratings.push({
        createdAt,
        score: rated.score,
        agentId: rated.agentId,
        technicianId: rated.technicianId,
        productSku: rated.product?.sku ?? null,
        productName: rated.product?.name ?? null,
      });
    }
    // Another tenant's records in the same hours are never counted.
    const other = await seedCustomer(store);
    await store.conversations.start({
      conversation: newConversation(other.customer, { createdAt: T0 + HOUR, assigneeId: 'agent-ada' }),
      requestId: newId(),
    });
    await store.ratings.create(rating(other.site, other.customer.id, { createdAt: T0 + HOUR }));

    const query = { tenantId: site.tenantId, siteId: null, dayStarts, now };
    const summary = await store.reports.summarize(query);
    expect(normalized(summary)).toEqual(normalized(summarizeFacts(facts, query)));
    // The data is varied enough for the comparison to mean something.
    expect(summary.days.map((day) => day.conversations).every((count) => count > 3)).toBe(true);
    expect(summary.agents.length).toBeGreaterThan(1);
    // Two names under SKU K2 (one product) and a product known by name only.
    expect(summary.products).toHaveLength(2);
    expect(summary.breaches.conversationFirstReply).toBeGreaterThan(0);
    expect(summary.ticketResolution.count).toBeGreaterThan(0);
  });

  it('reports: narrows to one site, and answers zeros for an empty range', async () => {
    const store = getStore();
    const { site, customer } = await seedCustomer(store);
    const second = await seedCustomer(store, newSite({ tenantId: site.tenantId }));
    await store.conversations.start({
      conversation: newConversation(customer, { assigneeId: 'agent-ada', product: kettle }),
      requestId: newId(),
    });
    await store.conversations.start({
      conversation: newConversation(second.customer, { firstReplyAt: T0 + 60_000 }),
      requestId: newId(),
    });
    await store.tickets.create(
      ticketDraft(second.site, second.customer.id, { technicianId: 'tech-tom' }),
      createdEvent(),
    );
    await store.ratings.create(rating(second.site, second.customer.id));
    const range = { tenantId: site.tenantId, dayStarts: [T0, T0 + DAY], now: T0 + HOUR };

    const all = await store.reports.summarize({ ...range, siteId: null });
    expect(all.days).toEqual([expect.objectContaining({ conversations: 2, tickets: 1, ratings: 1, ratingSum: 2 })]);
    const first = await store.reports.summarize({ ...range, siteId: site.id });
    expect(first.days).toEqual([
      { conversations: 1, tickets: 0, ratings: 0, ratingSum: 0, firstReply: NO_SPREAD, resolution: NO_SPREAD },
    ]);
    expect(first.agents).toEqual([
      { agentId: 'agent-ada', conversations: 1, firstReplyMedian: null, breaches: 0, ratings: 0, ratingSum: 0 },
    ]);
    expect(first.products).toEqual([
      { sku: 'K2', name: kettle.name, conversations: 1, tickets: 0, ratings: 0, ratingSum: 0 },
    ]);
    expect(first.technicians).toEqual([]);
    const secondOnly = await store.reports.summarize({ ...range, siteId: second.site.id });
    expect(secondOnly.firstReply).toEqual({ count: 1, median: 60_000, p90: 60_000 });
    expect(secondOnly.technicians).toEqual([
      { technicianId: 'tech-tom', tickets: 1, repairMedian: null, ratings: 0, ratingSum: 0 },
    ]);

    const empty = await store.reports.summarize({ ...range, siteId: null, dayStarts: [T0 - 2 * DAY, T0 - DAY] });
    expect(empty).toEqual({
      days: [{ conversations: 0, tickets: 0, ratings: 0, ratingSum: 0, firstReply: NO_SPREAD, resolution: NO_SPREAD }],
      firstReply: NO_SPREAD,
      resolution: NO_SPREAD,
      ticketResolution: NO_SPREAD,
      breaches: { conversationFirstReply: 0, conversationResolution: 0, ticketAnswer: 0, ticketResolution: 0 },
      agents: [],
      technicians: [],
      products: [],
    });
  });
}

function createdEvent() {
  return {
    id: newId(),
    ticketId: '',
    kind: 'created' as const,
    actor: { kind: 'agent' as const, id: 'agent-ada', name: 'Ada' },
    from: null,
    to: 'registered',
    note: null,
    at: T0,
  };
}
