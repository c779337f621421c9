import { describe, expect, it } from 'vitest';
import {
  canMoveTicket,
  isFinalTicketStatus,
  TICKET_STATUSES,
  TICKET_TRANSITIONS,
  type TicketStatus,
} from './ticket-workflow.js';

/** The workflow written out as pairs, independently of the table, so a typo in either shows up. */
const allowed = new Set([
  'registered>diagnosed',
  'registered>cancelled',
  'diagnosed>awaiting_parts',
  'diagnosed>in_repair',
  'diagnosed>cancelled',
  'awaiting_parts>in_repair',
  'awaiting_parts>cancelled',
  'in_repair>awaiting_parts',
  'in_repair>repaired',
  'in_repair>cancelled',
  'repaired>returned',
  'returned>closed',
]);

describe('ticket transitions', () => {
  const pairs = TICKET_STATUSES.flatMap((from) =>
    TICKET_STATUSES.map((to) => [from, to] as [TicketStatus, TicketStatus]),
  );

  it.each(pairs)('%s → %s is allowed only if the workflow says so', (from, to) => {
    expect(canMoveTicket(from, to)).toBe(allowed.has(`${from}>${to}`));
  });

  it('never allows staying in place', () => {
    for (const status of TICKET_STATUSES) expect(canMoveTicket(status, status)).toBe(false);
  });

  it('has no way out of closed or cancelled, and every other status can progress', () => {
    for (const status of TICKET_STATUSES) {
      expect(isFinalTicketStatus(status)).toBe(TICKET_TRANSITIONS[status].length === 0);
    }
    expect(TICKET_STATUSES.filter(isFinalTicketStatus)).toEqual(['closed', 'cancelled']);
  });

  it('reaches closed from registered', () => {
    const path: TicketStatus[] = [
      'registered',
      'diagnosed',
      'awaiting_parts',
      'in_repair',
      'repaired',
      'returned',
      'closed',
    ];
    for (let i = 1; i < path.length; i++)
      expect(canMoveTicket(path[i - 1] as TicketStatus, path[i] as TicketStatus)).toBe(true);
  });
});
