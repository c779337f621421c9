import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { ticketListFilter } from './ticket-repository.js';

describe('MongoDB ticket list filter (no server needed)', () => {
  it('keeps our own operators through sanitizeFilter, also inside $or', () => {
    const filter = mongoose.sanitizeFilter(
      ticketListFilter(
        't',
        { statuses: ['in_repair'], overdueAt: 5, escalated: true, technicianId: 'tech' },
        { updatedAt: 9, id: 'x' },
      ),
    );
    expect(filter).toMatchObject({
      tenantId: 't',
      technicianId: 'tech',
      status: { $in: ['in_repair'] },
      resolvedAt: null,
      resolutionDueAt: { $lt: 5, $ne: null },
      escalatedAt: { $ne: null },
      $or: [{ updatedAt: { $lt: 9 } }, { updatedAt: 9, _id: { $lt: 'x' } }],
    });
  });

  it('treats text as text: regex syntax is escaped, operator-looking input stays a value', () => {
    const { searchText } = ticketListFilter('t', { text: 'R-0001.*(' }) as { searchText: RegExp };
    expect(searchText.test('r-0001.*(')).toBe(true);
    expect(searchText.test('r-0001xx(')).toBe(false);
    const hostile = mongoose.sanitizeFilter(ticketListFilter('t', { customerId: { $ne: null } as unknown as string }));
    expect(hostile.customerId).toEqual({ $eq: { $ne: null } });
  });
});
