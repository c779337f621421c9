import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import type { TicketListFilter } from '../../domain/tickets/ticket-repository.js';
import { T0 } from '../contract/fixtures.js';
import { migrate } from './migrate.js';
import { migrations } from './migrations.js';
import { queryPlan } from './query-plan.js';
import { SqliteTicketRepository } from './ticket-repository.js';

it('every ticket list view is served by an index, never a scan of all tickets or a sort', () => {
  const db = new Database(':memory:');
  migrate(db, migrations);
  const tickets = new SqliteTicketRepository(db);
  const cases: [TicketListFilter, RegExp][] = [
    [{}, /tickets_by_tenant_updated/],
    [{ statuses: ['in_repair'] }, /tickets_by_status/],
    [{ assigneeId: 'agent-1' }, /tickets_by_assignee/],
    [{ technicianId: 'tech-1' }, /tickets_by_technician/],
    [{ customerId: 'customer-1' }, /tickets_by_customer/],
    [{ overdueAt: T0 }, /tickets_by_tenant_updated/],
    [{ text: 'R-0001' }, /tickets_by_tenant_updated/],
  ];
  for (const [filter, index] of cases) {
    const detail = queryPlan(
      db,
      () => void tickets.list('tenant', filter, { limit: 20, after: { updatedAt: T0, id: 'x' } }),
    );
    expect(detail, JSON.stringify(filter)).toMatch(index);
    expect(detail, JSON.stringify(filter)).not.toMatch(/SCAN tickets\b(?! USING)|USE TEMP B-TREE/);
  }
  db.close();
});
