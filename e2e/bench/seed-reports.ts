/**
 * Seeds an embedded (SQLite) data directory with a realistic after-sales history for the reports:
 * by default 100,000 conversations over the last 180 days and 20,000 repair tickets made from them,
 * with ratings, in the demo tenant (the demo site, its demo admin, 8 agents and 4 technicians).
 * The server started on the directory afterwards serves it like any other.
 *
 * Writes go through the store's own repositories (so every row is exactly what the server writes),
 * inside one big transaction per batch with `synchronous = OFF`: a seeding tool need not fsync.
 * Messages themselves are not written, only their effect on each conversation (first reply and
 * resolution times, whose turn it is): the reports read nothing else, and 400,000 messages would
 * only fill the search index.
 *
 *   npm run seed:reports -w e2e -- --data-dir ./data --conversations 100000 --tickets 20000 --days 180
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import {
  type Conversation,
  type CustomerTier,
  checkWarranty,
  DEFAULT_WARRANTY_POLICY,
  type ProductContext,
  type Ticket,
  type TicketStatus,
} from '@aftercare/shared';
import { DEMO, seedDemo } from '../../server/src/demo/demo-data.js';
import { hashPassword } from '../../server/src/domain/agents/passwords.js';
import { systemClock } from '../../server/src/domain/clock.js';
import { openSqliteStore, type SqliteStore } from '../../server/src/store/sqlite/index.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface SeedOptions {
  dataDir: string;
  conversations: number;
  tickets: number;
  days: number;
  /** The history ends here (default: now). */
  now?: number;
  /** Same seed, same data. */
  seed?: number;
}

export interface SeedResult {
  conversations: number;
  tickets: number;
  ratings: number;
  /** A supervisor to sign in as. */
  supervisor: { email: string; password: string };
  seconds: number;
}

const PRODUCTS: ProductContext[] = [
  { name: 'Aurora X2 espresso machine', sku: 'AX2-220', price: 2999, currency: 'CNY' },
  { name: '电热水壶 K1', sku: 'K1', price: 199, currency: 'CNY' },
  { name: '空气炸锅 F5', sku: 'F5-AIR', price: 459, currency: 'CNY' },
  { name: 'Robot vacuum R9', sku: 'R9-VAC', price: 1899, currency: 'CNY' },
  { name: '扫地机器人 S7', sku: 'S7', price: 2399, currency: 'CNY' },
  { name: 'Blender B400', sku: 'B400', price: 399, currency: 'CNY' },
  { name: '电饭煲 IH-3L', sku: 'IH-3L', price: 699, currency: 'CNY' },
  { name: 'Air purifier P3', sku: 'P3-AIR', price: 1299, currency: 'CNY' },
  { name: '蓝牙耳机 E2', sku: 'E2-BT', price: 299, currency: 'CNY' },
  { name: 'Hair dryer H1', sku: 'H1', price: 259, currency: 'CNY' },
  { name: '微波炉 M20', sku: 'M20', price: 549, currency: 'CNY' },
  { name: 'Smart kettle K3 (no SKU on page)' },
];
const TIERS: CustomerTier[] = ['standard', 'standard', 'standard', 'standard', 'silver', 'silver', 'gold', 'vip'];
/** First-reply promise by tier, minutes of calendar time (the seeded shop answers around the clock). */
const FIRST_REPLY_TARGET: Record<CustomerTier, number> = { standard: 60, silver: 45, gold: 30, vip: 15 };
const SCORES = [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 3, 3, 3, 2, 2, 1];
const BATCH = 5_000;

/** A small deterministic PRNG (mulberry32), so a seed always gives the same data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Fills `options.dataDir` (creating and migrating the database as the server would). */
export async function seedReports(options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const now = options.now ?? Date.now();
  const next = random(options.seed ?? 42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  /** Log-normal durations: most are short, a few very long, as service times are. */
  const lognormal = (medianMs: number, spread: number) => {
    const normal = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
    return Math.round(medianMs * Math.exp(spread * normal));
  };

  const store = openSqliteStore({ dataDir: options.dataDir });
  try {
    store.db.pragma('synchronous = OFF');
    const { site } = await seedDemo(store, systemClock, { publicUrl: 'http://localhost:3000' });
    // A Chinese retailer's calendar: report days start at midnight in Shanghai.
    await store.sites.update(site.tenantId, site.id, { settings: { timeZone: 'Asia/Shanghai' } });
    const passwordHash = await hashPassword('report-bench-password');
    const person = async (name: string, role: 'agent' | 'supervisor') => {
      const id = randomUUID();
      await store.agents.create({
        id,
        tenantId: DEMO.tenantId,
        email: `${name.toLowerCase().replace(/\W+/g, '.')}-${id.slice(0, 8)}@bench.aftercare.test`,
        name,
        role,
        passwordHash,
        active: true,
        avatarUrl: null,
        createdAt: now - options.days * DAY,
      });
      return id;
    };
    const agents: string[] = [];
    for (const name of ['Ada Wong', '李娜', 'Ben Carter', '王芳', 'Chloe Martin', '张伟', 'Diego Ruiz', '陈静']) {
      agents.push(await person(name, 'agent'));
    }
    const technicians: string[] = [];
    for (const name of ['Tom Fixer', '刘强', 'Uma Patel', '赵磊']) technicians.push(await person(name, 'agent'));
    const supervisorId = await person('Sam Supervisor', 'supervisor');
    const supervisor = {
      email: (await store.agents.getById(supervisorId))!.email,
      password: 'report-bench-password',
    };

    const customerCount = Math.min(40_000, Math.max(1, Math.ceil(options.conversations / 2.5)));
    const customers: { id: string; tier: CustomerTier }[] = [];
    await inBatches(store, customerCount, async (index) => {
      const createdAt = now - options.days * DAY + Math.floor((index / customerCount) * DAY);
      const customer = {
        id: randomUUID(),
        siteId: site.id,
        tenantId: site.tenantId,
        name: `Shopper ${index}`,
        tier: pick(TIERS),
        createdAt,
        updatedAt: createdAt,
      };
      await store.customers.createWithToken(customer, {
        tokenHash: randomUUID(),
        customerId: customer.id,
        siteId: site.id,
        createdAt,
      });
      customers.push({ id: customer.id, tier: customer.tier });
    });

    // Creation times, oldest first: more chats on weekdays, a slow growth, daytime hours in Shanghai.
    const times: number[] = [];
    const start = now - options.days * DAY;
    while (times.length < options.conversations) {
      const at = start + Math.floor(next() * (now - start - HOUR));
      const weekday = new Date(at + 8 * HOUR).getUTCDay();
      const hour = new Date(at + 8 * HOUR).getUTCHours();
      const weight =
        (weekday === 0 || weekday === 6 ? 0.6 : 1) *
        (hour >= 9 && hour < 22 ? 1 : 0.25) *
        (0.7 + (0.3 * (at - start)) / (now - start));
      if (next() < weight) times.push(at);
    }
    times.sort((a, b) => a - b);

    const ticketEvery = Math.max(1, Math.floor(options.conversations / Math.max(1, options.tickets)));
    let ratings = 0;
    let tickets = 0;
    const warranty = checkWarranty(DEFAULT_WARRANTY_POLICY, { purchaseDate: null, now, timeZone: 'UTC' });
    await inBatches(store, times.length, async (index) => {
      const createdAt = times[index]!;
      const customer = customers[index % customers.length]!;
      const product = next() < 0.92 ? pick(PRODUCTS) : null;
      const assigneeId = next() < 0.96 ? pick(agents) : null;
      // Only the newest chats can still be open, and each customer has at most one open chat.
      const open = index >= times.length - customers.length && now - createdAt < 2 * DAY && next() < 0.3;
      const replied = assigneeId !== null && (!open || next() < 0.7);
      const firstReplyAt = replied ? Math.min(now, createdAt + 15_000 + lognormal(6 * MINUTE, 1.2)) : null;
      const resolvedAt = open ? null : Math.min(now, (firstReplyAt ?? createdAt) + lognormal(4 * HOUR, 1.3));
      const conversation: Conversation = {
        id: randomUUID(),
        tenantId: site.tenantId,
        siteId: site.id,
        customerId: customer.id,
        status: open ? 'open' : 'resolved',
        assigneeId,
        teamId: null,
        product,
        lastSeq: 0,
        visitorReceipts: { deliveredSeq: 0, readSeq: 0 },
        agentReceipts: { deliveredSeq: 0, readSeq: 0 },
        createdAt,
        updatedAt: resolvedAt ?? firstReplyAt ?? createdAt,
        resolvedAt,
        awaitingReplyFrom: replied ? 'customer' : 'agent',
        firstReplyAt,
        firstReplyDueAt: createdAt + FIRST_REPLY_TARGET[customer.tier] * MINUTE,
        resolutionDueAt: createdAt + DAY,
        escalateAt: open ? createdAt + 2 * DAY : null,
        escalatedAt: null,
      };
      await store.conversations.start({ conversation, requestId: randomUUID() });

      if (resolvedAt !== null && next() < 0.3) {
        await rate('conversation', conversation.id, resolvedAt + lognormal(HOUR, 1), { agentId: assigneeId }, product);
      }
      if (tickets < options.tickets && index % ticketEvery === 0) {
        tickets += 1;
        await ticketFrom(conversation, product);
      }
    });

    async function rate(
      kind: 'conversation' | 'ticket',
      subjectId: string,
      at: number,
      people: { agentId?: string | null; technicianId?: string | null },
      product: ProductContext | null,
    ) {
      if (at >= now) return;
      ratings += 1;
      await store.ratings.create({
        id: randomUUID(),
        tenantId: site.tenantId,
        siteId: site.id,
        customerId: randomUUID(),
        subject: { kind, id: subjectId } as never,
        score: pick(SCORES),
        comment: null,
        agentId: people.agentId ?? null,
        technicianId: people.technicianId ?? null,
        product,
        createdAt: at,
        updatedAt: at,
      });
    }

    async function ticketFrom(conversation: Conversation, product: ProductContext | null) {
      const createdAt = conversation.createdAt + 20 * MINUTE;
      const age = now - createdAt;
      const answeredAt = Math.min(now, createdAt + lognormal(HOUR, 1));
      const finished = age > 14 * DAY ? next() < 0.95 : age > 3 * DAY ? next() < 0.6 : next() < 0.1;
      const repairMs = lognormal(3 * DAY, 0.6);
      const resolvedAt = finished && createdAt + repairMs < now ? createdAt + repairMs : null;
      const status: TicketStatus =
        resolvedAt !== null
          ? next() < 0.05
            ? 'cancelled'
            : next() < 0.9
              ? 'closed'
              : 'returned'
          : pick<TicketStatus>(['registered', 'diagnosed', 'awaiting_parts', 'in_repair', 'repaired']);
      const ticket: Omit<Ticket, 'number'> = {
        id: randomUUID(),
        tenantId: conversation.tenantId,
        siteId: conversation.siteId,
        conversationId: conversation.id,
        customerId: conversation.customerId,
        product,
        serialNumber: `SN-${Math.floor(next() * 1e8)}`,
        purchaseDate: null,
        orderNumber: null,
        fault: 'Stopped working',
        photos: [],
        remedy: pick(['repair', 'repair', 'repair', 'replace', 'refund'] as const),
        category: pick(['warranty', 'warranty', 'warranty', 'paid', 'contract'] as const),
        priority: 'normal',
        status,
        assigneeId: conversation.assigneeId,
        technicianId: status === 'registered' ? null : pick(technicians),
        warranty,
        warrantyOverride: null,
        repairCard: { parts: [], labourMinutes: 0, technicianNotes: '' },
        promises: {
          answerDueAt: createdAt + 4 * HOUR,
          answeredAt: status === 'registered' ? null : answeredAt,
          resolutionDueAt: createdAt + 5 * DAY,
          resolvedAt,
          escalateAt: createdAt + 2 * DAY,
          escalatedAt: null,
        },
        version: 1,
        createdAt,
        updatedAt: resolvedAt ?? createdAt,
        closedAt: status === 'closed' ? resolvedAt : null,
      };
      await store.tickets.create(ticket, {
        id: randomUUID(),
        ticketId: ticket.id,
        kind: 'created',
        actor: { kind: 'agent', id: conversation.assigneeId ?? 'system', name: null },
        from: null,
        to: 'registered',
        note: null,
        at: createdAt,
      });
      if (resolvedAt !== null && status !== 'cancelled' && next() < 0.5) {
        await rate(
          'ticket',
          ticket.id,
          resolvedAt + lognormal(2 * HOUR, 1),
          { agentId: ticket.assigneeId, technicianId: ticket.technicianId },
          product,
        );
      }
    }

    store.db.pragma('wal_checkpoint(TRUNCATE)');
    return {
      conversations: times.length,
      tickets,
      ratings,
      supervisor,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await store.close();
  }
}

/**
 * Runs `write(index)` for every index, `BATCH` at a time inside one transaction: the repositories'
 * own transactions become savepoints of it, so a batch costs one commit instead of thousands.
 */
async function inBatches(store: SqliteStore, count: number, write: (index: number) => Promise<void>) {
  for (let first = 0; first < count; first += BATCH) {
    store.db.exec('BEGIN');
    try {
      for (let index = first; index < Math.min(count, first + BATCH); index++) await write(index);
      store.db.exec('COMMIT');
    } catch (error) {
      store.db.exec('ROLLBACK');
      throw error;
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      conversations: { type: 'string', default: '100000' },
      tickets: { type: 'string', default: '20000' },
      days: { type: 'string', default: '180' },
      seed: { type: 'string', default: '42' },
    },
  });
  if (!values['data-dir']) throw new Error('Name the data directory: --data-dir DIR');
  const result = await seedReports({
    dataDir: values['data-dir'],
    conversations: Number(values.conversations),
    tickets: Number(values.tickets),
    days: Number(values.days),
    seed: Number(values.seed),
  });
  console.log(JSON.stringify(result));
}
