import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryPlan } from './query-plan.js';
import { SqliteReportRepository } from './report-repository.js';
import { openSqliteStore, type SqliteStore } from './sqlite-store.js';

describe('SQLite report queries', () => {
  let dataDir: string;
  let store: SqliteStore;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'aftercare-reports-'));
    store = openSqliteStore({ dataDir });
  });
  afterAll(async () => {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  for (const siteId of [null, 'site-1']) {
    it(`reads conversations, tickets and ratings${siteId ? ' of one site' : ''} from covering indexes alone`, () => {
      const plan = queryPlan(store.db, () => {
        // Built inside the capture so that every statement it prepares is explained.
        void new SqliteReportRepository(store.db).summarize({
          tenantId: 'tenant-1',
          siteId,
          dayStarts: [0, 86_400_000, 172_800_000],
          now: 1,
        });
      });
      const reads = plan.split('\n').filter((step) => /^(SEARCH|SCAN) (conversations|tickets|ratings)\b/.test(step));
      // Every statement reads at least one table, and none reads table rows or scans a whole index.
      expect(reads.length).toBeGreaterThanOrEqual(15);
      for (const step of reads) {
        // A range of the (tenant, created) indexes, or the tenant's slice of the one ordered by agent.
        expect(step).toMatch(
          /^SEARCH (\w+) USING COVERING INDEX (\1_for_reports \(tenant_id=\? AND created_at>\? AND created_at<\?\)|conversations_by_assignee_for_reports \(tenant_id=\?.*\))$/,
        );
      }
      // Per-agent figures walk the index ordered by agent, so their grouping needs no sort.
      expect(plan).toContain('SEARCH conversations USING COVERING INDEX conversations_by_assignee_for_reports');
    });
  }
});
