import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FollowUp, Ticket } from '@aftercare/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore, type SqliteStore } from '../../store/sqlite/sqlite-store.js';
import { FakeClock } from '../../test-support/routing-harness.js';
import { startDueFollowUpWatch } from './due-follow-up-watch.js';
import { createFollowUpService } from './follow-up-service.js';

const DAY = 86_400_000;
const T0 = Date.parse('2026-09-01T10:00:00Z');

describe('startDueFollowUpWatch', () => {
  let dataDir: string;
  let store: SqliteStore;
  let clock: FakeClock;
  let announced: { tenantId: string; followUps: FollowUp[] }[];
  let watch: ReturnType<typeof startDueFollowUpWatch>;

  const service = () =>
    createFollowUpService({
      followUps: store.followUps,
      customers: store.customers,
      policyFor: async () => ({ firstAfterDays: 3, firstWithinDays: 7, secondAfterDays: 7 }),
      clock,
    });

  /** A closed ticket of `tenantId`, as far as scheduling reads it. */
  const closedTicket = (tenantId: string, closedAt: number) =>
    ({
      id: crypto.randomUUID(),
      tenantId,
      siteId: 'site-1',
      number: 'R-000001',
      customerId: 'customer-1',
      product: null,
      closedAt,
    }) as Ticket;

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'aftercare-watch-'));
    store = openSqliteStore({ dataDir });
    clock = new FakeClock(T0);
    announced = [];
    watch = startDueFollowUpWatch({
      followUps: service(),
      clock,
      intervalMs: 60_000,
      announce: (tenantId, followUps) => announced.push({ tenantId, followUps }),
      onError: (error) => {
        throw error;
      },
    });
  });

  afterEach(async () => {
    watch.stop();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('announces follow-ups as they fall due, per tenant, each once', async () => {
    await service().scheduleForTicket(closedTicket('shop-a', T0));
    await service().scheduleForTicket(closedTicket('shop-b', T0 + 60_000));
    await watch.check();
    expect(announced).toEqual([]);

    clock.advance(3 * DAY + 60_000);
    await watch.check();
    expect(announced.map(({ tenantId, followUps }) => [tenantId, followUps.map((item) => item.sequence)])).toEqual([
      ['shop-a', [1]],
      ['shop-b', [1]],
    ]);
    await watch.check();
    expect(announced).toHaveLength(2);

    clock.advance(7 * DAY);
    await watch.check();
    expect(announced.slice(2).map(({ followUps }) => followUps.map((item) => item.sequence))).toEqual([[2], [2]]);
  });

  it('does not announce what was already due when it started (a restart)', async () => {
    await service().scheduleForTicket(closedTicket('shop-a', T0 - 5 * DAY));
    watch.stop();
    watch = startDueFollowUpWatch({
      followUps: service(),
      clock,
      intervalMs: 60_000,
      announce: (tenantId, followUps) => announced.push({ tenantId, followUps }),
      onError: (error) => {
        throw error;
      },
    });
    clock.advance(60_000);
    await watch.check();
    expect(announced).toEqual([]);
    // Still listed as due: the list reads the store, the watch only nudges.
    const due = await store.followUps.list('shop-a', 'due', clock.now(), { offset: 0, limit: 10 });
    expect(due.map((item) => item.sequence)).toEqual([1]);
  });
});
