import { randomUUID } from 'node:crypto';
import {
  type Conversation,
  checkWarranty,
  DEFAULT_WARRANTY_POLICY,
  type ProductContext,
  type Rating,
  type Ticket,
} from '@aftercare/shared';
import type { Store } from '../domain/store.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const ESPRESSO: ProductContext = { name: 'Aurora X2 espresso machine', sku: 'AX2-220' };
export const KETTLE: ProductContext = { name: '电热水壶 K1', sku: 'K1' };

/** What the fixture holds, so tests can name the numbers a report must show. */
export interface ReportFixture {
  /** Noon (UTC) two days before `now`: the recent chats and ticket start then. */
  recentAt: number;
  /** Noon (UTC) twenty days before `now`: one older chat, outside a 7-day range. */
  olderAt: number;
}

/**
 * A small known set of report data in one site (days counted in UTC, like the demo site):
 * two days ago agent `agentId` handled two espresso-machine chats (first replies after 4 and 90
 * minutes, the second past its one-hour promise) and was rated 2 for the first; three days ago a
 * kettle came in that technician `technicianId` repaired in 48 hours and was rated 4 for. Twenty days ago the agent handled a
 * kettle chat rated 5. So over the last 7 days the agent's average is 2, over 30 days 3.5.
 */
export async function seedReportFixture(
  store: Store,
  options: { tenantId: string; siteId: string; agentId: string; technicianId: string; now: number },
): Promise<ReportFixture> {
  const { tenantId, siteId, agentId, technicianId } = options;
  const today = Math.floor(options.now / DAY) * DAY;
  const recentAt = today - 2 * DAY + 12 * HOUR;
  const olderAt = today - 20 * DAY + 12 * HOUR;

  const chat = async (at: number, product: ProductContext, firstReplyMinutes: number) => {
    const customer = {
      id: randomUUID(),
      siteId,
      tenantId,
      name: 'Report Shopper',
      tier: 'standard' as const,
      createdAt: at,
      updatedAt: at,
    };
    await store.customers.createWithToken(customer, {
      tokenHash: randomUUID(),
      customerId: customer.id,
      siteId,
      createdAt: at,
    });
    const conversation: Conversation = {
      id: randomUUID(),
      tenantId,
      siteId,
      customerId: customer.id,
      status: 'resolved',
      assigneeId: agentId,
      teamId: null,
      product,
      lastSeq: 0,
      visitorReceipts: { deliveredSeq: 0, readSeq: 0 },
      agentReceipts: { deliveredSeq: 0, readSeq: 0 },
      createdAt: at,
      updatedAt: at + 3 * HOUR,
      resolvedAt: at + 3 * HOUR,
      awaitingReplyFrom: 'customer',
      firstReplyAt: at + firstReplyMinutes * MINUTE,
      firstReplyDueAt: at + HOUR,
      resolutionDueAt: at + DAY,
      escalateAt: null,
      escalatedAt: null,
    };
    await store.conversations.start({ conversation, requestId: randomUUID() });
    return conversation;
  };
  const rate = (
    subject: Rating['subject'],
    at: number,
    score: number,
    people: Partial<Rating>,
    product: ProductContext,
  ) =>
    store.ratings.create({
      id: randomUUID(),
      tenantId,
      siteId,
      customerId: randomUUID(),
      subject,
      score,
      comment: null,
      agentId: null,
      technicianId: null,
      product,
      createdAt: at,
      updatedAt: at,
      ...people,
    });

  const first = await chat(recentAt, ESPRESSO, 4);
  await chat(recentAt + HOUR, ESPRESSO, 90);
  await rate({ kind: 'conversation', id: first.id }, recentAt + 4 * HOUR, 2, { agentId }, ESPRESSO);

  // The ticket came a day before the chats, so its repair (48 hours) and rating lie in the past.
  const ticketAt = recentAt - DAY;
  const ticket = ticketDraft({ tenantId, siteId, technicianId, at: ticketAt });
  await store.tickets.create(ticket, {
    id: randomUUID(),
    ticketId: ticket.id,
    kind: 'created',
    actor: { kind: 'agent', id: agentId, name: null },
    from: null,
    to: 'registered',
    note: null,
    at: ticketAt,
  });
  await rate({ kind: 'ticket', id: ticket.id }, ticketAt + 49 * HOUR, 4, { technicianId }, KETTLE);

  const older = await chat(olderAt, KETTLE, 10);
  await rate({ kind: 'conversation', id: older.id }, olderAt + 4 * HOUR, 5, { agentId }, KETTLE);
  return { recentAt, olderAt };
}

function ticketDraft(options: { tenantId: string; siteId: string; technicianId: string; at: number }) {
  const { at } = options;
  const ticket: Omit<Ticket, 'number'> = {
    id: randomUUID(),
    tenantId: options.tenantId,
    siteId: options.siteId,
    conversationId: null,
    customerId: randomUUID(),
    product: KETTLE,
    serialNumber: null,
    purchaseDate: null,
    orderNumber: null,
    fault: 'Does not heat',
    photos: [],
    remedy: 'repair',
    category: 'warranty',
    priority: 'normal',
    status: 'closed',
    assigneeId: null,
    technicianId: options.technicianId,
    warranty: checkWarranty(DEFAULT_WARRANTY_POLICY, { purchaseDate: null, now: at, timeZone: 'UTC' }),
    warrantyOverride: null,
    repairCard: { parts: [], labourMinutes: 90, technicianNotes: 'Replaced the thermostat' },
    promises: {
      answerDueAt: at + 4 * HOUR,
      answeredAt: at + HOUR,
      resolutionDueAt: at + 72 * HOUR,
      resolvedAt: at + 48 * HOUR,
      escalateAt: at + 48 * HOUR,
      escalatedAt: null,
    },
    version: 1,
    createdAt: at,
    updatedAt: at + 48 * HOUR,
    closedAt: at + 48 * HOUR,
  };
  return ticket;
}
