import { describe, expect, it } from 'vitest';
import { buildReport } from './build-report.js';
import { dayIndex, reportDays } from './report-days.js';
import type { ConversationFact, RatingFact, TicketFact } from './report-repository.js';
import { isLate, summarizeFacts } from './summarize-facts.js';

const HOUR = 3_600_000;
const at = (iso: string) => Date.parse(iso);

function conversation(overrides: Partial<ConversationFact>): ConversationFact {
  return {
    createdAt: at('2026-09-01T10:00:00+08:00'),
    assigneeId: null,
    firstReplyAt: null,
    resolvedAt: null,
    firstReplyDueAt: null,
    resolutionDueAt: null,
    productSku: null,
    productName: null,
    ...overrides,
  };
}

function ticket(overrides: Partial<TicketFact>): TicketFact {
  return {
    createdAt: at('2026-09-01T10:00:00+08:00'),
    status: 'registered',
    technicianId: null,
    answerDueAt: null,
    answeredAt: null,
    resolutionDueAt: null,
    resolvedAt: null,
    productSku: null,
    productName: null,
    ...overrides,
  };
}

function rating(overrides: Partial<RatingFact>): RatingFact {
  return {
    createdAt: at('2026-09-02T10:00:00+08:00'),
    score: 5,
    agentId: null,
    technicianId: null,
    productSku: null,
    productName: null,
    ...overrides,
  };
}

interface Facts {
  conversations?: ConversationFact[];
  tickets?: TicketFact[];
  ratings?: RatingFact[];
}

/** The report of 1–3 September 2026 in Shanghai over `facts`, as the service builds it. */
function report(facts: Facts) {
  const days = reportDays('2026-09-01', '2026-09-03', 'Asia/Shanghai');
  const now = at('2026-09-04T00:00:00+08:00');
  const summary = summarizeFacts(
    { conversations: facts.conversations ?? [], tickets: facts.tickets ?? [], ratings: facts.ratings ?? [] },
    { dayStarts: days.starts, now },
  );
  return buildReport({
    from: '2026-09-01',
    to: '2026-09-03',
    siteId: null,
    timeZone: 'Asia/Shanghai',
    dates: days.dates,
    generatedAt: now,
    summary,
    names: new Map([
      ['ada', 'Ada'],
      ['tom', 'Tom'],
    ]),
  });
}

describe('reportDays', () => {
  it('starts each day at local midnight and finds the day of an instant', () => {
    const days = reportDays('2026-09-01', '2026-09-02', 'Asia/Shanghai');
    expect(days.dates).toEqual(['2026-09-01', '2026-09-02']);
    expect(days.starts).toEqual([at('2026-08-31T16:00:00Z'), at('2026-09-01T16:00:00Z'), at('2026-09-02T16:00:00Z')]);
    expect(dayIndex(days.starts, at('2026-08-31T15:59:59.999Z'))).toBe(-1);
    expect(dayIndex(days.starts, at('2026-08-31T16:00:00Z'))).toBe(0);
    expect(dayIndex(days.starts, at('2026-09-01T15:59:59Z'))).toBe(0);
    expect(dayIndex(days.starts, at('2026-09-01T16:00:00Z'))).toBe(1);
    expect(dayIndex(days.starts, at('2026-09-02T16:00:00Z'))).toBe(-1);
  });

  it('has 23- and 25-hour days where the clocks change', () => {
    const days = reportDays('2026-03-29', '2026-03-29', 'Europe/Berlin');
    expect(days.starts[1]! - days.starts[0]!).toBe(23 * HOUR);
    const autumn = reportDays('2026-10-25', '2026-10-25', 'Europe/Berlin');
    expect(autumn.starts[1]! - autumn.starts[0]!).toBe(25 * HOUR);
  });
});

describe('isLate', () => {
  const now = 1_000;
  it('is late when kept after the due time, or still open past it', () => {
    expect(isLate(500, 600, now)).toBe(true);
    expect(isLate(500, 500, now)).toBe(false);
    expect(isLate(500, null, now)).toBe(true);
    expect(isLate(2_000, null, now)).toBe(false);
    expect(isLate(null, 9_999, now)).toBe(false);
  });
});

describe('summarizeFacts and buildReport', () => {
  it('counts per local day, with empty days as zero', () => {
    const result = report({
      conversations: [
        // 23:30 in Shanghai on 1 September is 15:30 UTC: still the 1st there.
        conversation({ createdAt: at('2026-09-01T15:30:00Z') }),
        conversation({ createdAt: at('2026-09-01T16:30:00Z') }),
        // Outside the range: ignored even if an adapter returned it.
        conversation({ createdAt: at('2026-09-05T10:00:00+08:00') }),
      ],
      tickets: [ticket({ createdAt: at('2026-09-03T09:00:00+08:00') })],
    });
    expect(result.days.map((day) => [day.date, day.conversations, day.tickets])).toEqual([
      ['2026-09-01', 1, 0],
      ['2026-09-02', 1, 0],
      ['2026-09-03', 0, 1],
    ]);
    expect(result.totals).toMatchObject({ conversations: 2, tickets: 1, ratings: 0, averageRating: null });
  });

  it('reports median and 90th percentile of first reply and resolution', () => {
    const created = at('2026-09-01T10:00:00+08:00');
    const conversations = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((minutes) =>
      conversation({
        createdAt: created,
        firstReplyAt: created + minutes * 60_000,
        resolvedAt: created + minutes * HOUR,
      }),
    );
    conversations.push(conversation({ createdAt: created }));
    const result = report({ conversations });
    expect(result.totals.firstReply).toEqual({ count: 10, median: 5 * 60_000, p90: 9 * 60_000 });
    expect(result.totals.resolution).toEqual({ count: 10, median: 5 * HOUR, p90: 9 * HOUR });
    expect(result.days[0]!.firstReply.median).toBe(5 * 60_000);
    expect(result.days[1]!.firstReply).toEqual({ count: 0, median: null, p90: null });
  });

  it('counts broken promises, open ones judged against now, and none without a due time', () => {
    const created = at('2026-09-01T10:00:00+08:00');
    const result = report({
      conversations: [
        conversation({ assigneeId: 'ada', firstReplyDueAt: created + HOUR, firstReplyAt: created + 2 * HOUR }),
        conversation({ assigneeId: 'ada', firstReplyDueAt: created + HOUR, firstReplyAt: created + 10 }),
        conversation({ assigneeId: 'ada', resolutionDueAt: created + HOUR }),
        conversation({ firstReplyAt: created + 9 * HOUR }),
      ],
      tickets: [
        ticket({ answerDueAt: created + HOUR, answeredAt: created + 2 * HOUR, resolutionDueAt: created + 99 * HOUR }),
        ticket({ resolutionDueAt: created + HOUR, resolvedAt: created + 2 * HOUR, status: 'closed' }),
      ],
    });
    expect(result.totals.breaches).toEqual({
      conversationFirstReply: 1,
      conversationResolution: 1,
      ticketAnswer: 1,
      ticketResolution: 1,
    });
    expect(result.agents).toEqual([
      expect.objectContaining({ agentId: 'ada', name: 'Ada', conversations: 3, breaches: 2 }),
    ]);
  });

  it('breaks down by agent, technician and product (by SKU, else name) with average ratings', () => {
    const created = at('2026-09-01T10:00:00+08:00');
    const result = report({
      conversations: [
        conversation({
          assigneeId: 'ada',
          productSku: 'K2',
          productName: 'Kettle K2',
          firstReplyAt: created + 60_000,
        }),
        conversation({ assigneeId: 'ada', productSku: 'K2', productName: 'Kettle K2 (new box)' }),
        conversation({ assigneeId: 'tom', productName: 'Toaster' }),
      ],
      tickets: [
        ticket({ technicianId: 'tom', productSku: 'K2', status: 'closed', resolvedAt: created + 48 * HOUR }),
        ticket({ technicianId: 'tom', productSku: 'K2', status: 'cancelled', resolvedAt: created + HOUR }),
      ],
      ratings: [
        rating({ agentId: 'ada', productSku: 'K2', score: 2 }),
        rating({ agentId: 'ada', productSku: 'K2', score: 5, technicianId: 'tom' }),
        rating({ agentId: 'gone', productName: 'Toaster', score: 4 }),
      ],
    });
    expect(result.totals).toMatchObject({ ratings: 3, averageRating: 11 / 3 });
    expect(result.totals.ticketResolution).toEqual({ count: 1, median: 48 * HOUR, p90: 48 * HOUR });
    expect(result.days[1]).toMatchObject({ ratings: 3, averageRating: 11 / 3 });
    expect(result.agents).toEqual([
      {
        agentId: 'ada',
        name: 'Ada',
        conversations: 2,
        firstReplyMedian: 60_000,
        breaches: 0,
        ratings: 2,
        averageRating: 3.5,
      },
      {
        agentId: 'tom',
        name: 'Tom',
        conversations: 1,
        firstReplyMedian: null,
        breaches: 0,
        ratings: 0,
        averageRating: null,
      },
      {
        agentId: 'gone',
        name: null,
        conversations: 0,
        firstReplyMedian: null,
        breaches: 0,
        ratings: 1,
        averageRating: 4,
      },
    ]);
    expect(result.technicians).toEqual([
      { technicianId: 'tom', name: 'Tom', tickets: 2, repairMedian: 48 * HOUR, ratings: 1, averageRating: 5 },
    ]);
    expect(result.products).toEqual([
      { sku: 'K2', name: 'Kettle K2', conversations: 2, tickets: 2, ratings: 2, averageRating: 3.5 },
      { sku: null, name: 'Toaster', conversations: 1, tickets: 0, ratings: 1, averageRating: 4 },
    ]);
  });
});
