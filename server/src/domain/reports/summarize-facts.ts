import type { ReportBreaches } from '@aftercare/shared';
import { dayIndex } from './report-days.js';
import type {
  AgentSummary,
  ConversationFact,
  ProductSummary,
  RatingFact,
  ReportSummary,
  TechnicianSummary,
  TicketFact,
} from './report-repository.js';
import { median, spread } from './statistics.js';

/**
 * Whether a promise was broken: kept after its due time, or not kept and the due time has passed.
 * No due time, no promise.
 */
export function isLate(dueAt: number | null, doneAt: number | null, now: number): boolean {
  return dueAt !== null && (doneAt ?? now) > dueAt;
}

/** A product's grouping key: its SKU, else its name; null for records without a product. */
export function productKey(sku: string | null, name: string | null): string | null {
  return sku ? `sku:${sku}` : name ? `name:${name}` : null;
}

/**
 * The report figures of records already read, in JavaScript: the reference for what an adapter's
 * `summarize` must answer. Facts outside the days are ignored.
 */
export function summarizeFacts(
  facts: { conversations: readonly ConversationFact[]; tickets: readonly TicketFact[]; ratings: readonly RatingFact[] },
  range: { dayStarts: readonly number[]; now: number },
): ReportSummary {
  const { now } = range;
  const days = range.dayStarts;
  const perDay = range.dayStarts.slice(1).map(() => ({
    conversations: 0,
    tickets: 0,
    ratings: 0,
    ratingSum: 0,
    firstReply: [] as number[],
    resolution: [] as number[],
  }));
  const breaches: ReportBreaches = {
    conversationFirstReply: 0,
    conversationResolution: 0,
    ticketAnswer: 0,
    ticketResolution: 0,
  };
  const agents = new Map<string, AgentSummary & { replies: number[] }>();
  const technicians = new Map<string, TechnicianSummary & { repairs: number[] }>();
  const products = new Map<string, ProductSummary>();
  const agentOf = (agentId: string) =>
    getOrAdd(agents, agentId, () => ({
      agentId,
      conversations: 0,
      firstReplyMedian: null,
      breaches: 0,
      ratings: 0,
      ratingSum: 0,
      replies: [],
    }));
  const technicianOf = (technicianId: string) =>
    getOrAdd(technicians, technicianId, () => ({
      technicianId,
      tickets: 0,
      repairMedian: null,
      ratings: 0,
      ratingSum: 0,
      repairs: [],
    }));
  const productOf = (sku: string | null, name: string | null) => {
    const key = productKey(sku, name);
    if (key === null) return null;
    const product = getOrAdd(products, key, () => ({
      sku,
      name,
      conversations: 0,
      tickets: 0,
      ratings: 0,
      ratingSum: 0,
    }));
    if (name !== null && (product.name === null || name < product.name)) product.name = name;
    return product;
  };

  for (const fact of facts.conversations) {
    const day = perDay[dayIndex(days, fact.createdAt)];
    if (!day) continue;
    day.conversations += 1;
    const firstReply = fact.firstReplyAt === null ? null : fact.firstReplyAt - fact.createdAt;
    if (firstReply !== null) day.firstReply.push(firstReply);
    if (fact.resolvedAt !== null) day.resolution.push(fact.resolvedAt - fact.createdAt);
    const lateReply = isLate(fact.firstReplyDueAt, fact.firstReplyAt, now);
    const lateResolution = isLate(fact.resolutionDueAt, fact.resolvedAt, now);
    breaches.conversationFirstReply += Number(lateReply);
    breaches.conversationResolution += Number(lateResolution);
    if (fact.assigneeId !== null) {
      const agent = agentOf(fact.assigneeId);
      agent.conversations += 1;
      if (firstReply !== null) agent.replies.push(firstReply);
      agent.breaches += Number(lateReply) + Number(lateResolution);
    }
    const product = productOf(fact.productSku, fact.productName);
    if (product) product.conversations += 1;
  }

  const ticketResolution: number[] = [];
  for (const fact of facts.tickets) {
    const day = perDay[dayIndex(days, fact.createdAt)];
    if (!day) continue;
    day.tickets += 1;
    // A cancelled ticket was never repaired: it counts as a ticket, not as a resolution time.
    const repair = fact.resolvedAt !== null && fact.status !== 'cancelled' ? fact.resolvedAt - fact.createdAt : null;
    if (repair !== null) ticketResolution.push(repair);
    breaches.ticketAnswer += Number(isLate(fact.answerDueAt, fact.answeredAt, now));
    breaches.ticketResolution += Number(isLate(fact.resolutionDueAt, fact.resolvedAt, now));
    if (fact.technicianId !== null) {
      const technician = technicianOf(fact.technicianId);
      technician.tickets += 1;
      if (repair !== null) technician.repairs.push(repair);
    }
    const product = productOf(fact.productSku, fact.productName);
    if (product) product.tickets += 1;
  }

  for (const fact of facts.ratings) {
    const day = perDay[dayIndex(days, fact.createdAt)];
    if (!day) continue;
    day.ratings += 1;
    day.ratingSum += fact.score;
    for (const group of [
      fact.agentId === null ? null : agentOf(fact.agentId),
      fact.technicianId === null ? null : technicianOf(fact.technicianId),
      productOf(fact.productSku, fact.productName),
    ]) {
      if (!group) continue;
      group.ratings += 1;
      group.ratingSum += fact.score;
    }
  }

  return {
    days: perDay.map((day) => ({
      conversations: day.conversations,
      tickets: day.tickets,
      ratings: day.ratings,
      ratingSum: day.ratingSum,
      firstReply: spread(day.firstReply),
      resolution: spread(day.resolution),
    })),
    firstReply: spread(perDay.flatMap((day) => day.firstReply)),
    resolution: spread(perDay.flatMap((day) => day.resolution)),
    ticketResolution: spread(ticketResolution),
    breaches,
    agents: [...agents.values()].map(({ replies, ...agent }) => ({ ...agent, firstReplyMedian: median(replies) })),
    technicians: [...technicians.values()].map(({ repairs, ...technician }) => ({
      ...technician,
      repairMedian: median(repairs),
    })),
    products: [...products.values()],
  };
}

function getOrAdd<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}
