import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { conversationListFilter, escapeRegExp } from './conversation-list-filter.js';
import { conversationSchema, toConversation } from './conversation-schemas.js';
import { customerSchema } from './customer-schemas.js';

/** The filter as the driver receives it once `sanitizeFilter` (on for the store's connection) ran. */
function sanitized(filter: Record<string, unknown>) {
  return mongoose.sanitizeFilter(filter);
}

describe('MongoDB inbox filters (no server needed)', () => {
  it('keep user text literal: regex syntax escaped, operator-looking text never an operator', () => {
    expect(escapeRegExp('a.b*c+(d)?[e]{f}|^$\\')).toBe('a\\.b\\*c\\+\\(d\\)\\?\\[e\\]\\{f\\}\\|\\^\\$\\\\');
    const filter = conversationListFilter({ tenantId: 't', product: '.*', limit: 10 });
    const [{ $or }] = filter.$and as [{ $or: { 'product.name'?: RegExp; 'product.sku'?: RegExp }[] }];
    expect($or[0]?.['product.sku']?.test('.*')).toBe(true);
    expect($or[0]?.['product.sku']?.test('K2')).toBe(false);
    expect($or[1]?.['product.name']?.test('Steam .* kettle')).toBe(true);
    expect($or[1]?.['product.name']?.test('Steam kettle')).toBe(false);
    expect($or[1]?.['product.name']?.test('STEAM .* KETTLE')).toBe(true);
  });

  it('build every filter, and our own operators survive sanitizeFilter', () => {
    const filter = conversationListFilter({
      tenantId: 't',
      status: 'open',
      siteId: 's',
      assigneeId: null,
      waitingOn: 'customer',
      after: { updatedAt: 5, id: 'c-5' },
      limit: 10,
    });
    expect(sanitized(filter)).toEqual({
      tenantId: 't',
      status: 'open',
      siteId: 's',
      assigneeId: null,
      awaitingReplyFrom: 'customer',
      // Still the operators we built (marked trusted), not wrapped in `$eq` as user text would be.
      $and: [
        {
          $or: [
            { updatedAt: mongoose.trusted({ $lt: new Date(5) }) },
            { updatedAt: new Date(5), _id: mongoose.trusted({ $lt: 'c-5' }) },
          ],
        },
      ],
    });
    // A resolved chat waits on nobody.
    const none = conversationListFilter({ tenantId: 't', status: 'resolved', waitingOn: 'agent', limit: 1 });
    expect(none._id).toEqual(mongoose.trusted({ $in: [] }));
  });

  it('declare the indexes the filters and search use, and read documents written before the fields', () => {
    const names = conversationSchema.indexes().map(([, options]) => options.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'conversations_by_tenant_waiting',
        'conversations_by_tenant_assignee',
        'conversations_by_tenant_site',
      ]),
    );
    expect(customerSchema.indexes().map(([, options]) => options.name)).toContain('customers_by_tenant');
    const legacy = {
      _id: 'c',
      tenantId: 't',
      siteId: 's',
      customerId: 'cu',
      requestId: 'r',
      status: 'open' as const,
      assigneeId: null,
      teamId: null,
      product: null,
      lastSeq: 0,
      visitorReceipts: { deliveredSeq: 0, readSeq: 0 },
      agentReceipts: { deliveredSeq: 0, readSeq: 0 },
      createdAt: new Date(1),
      updatedAt: new Date(1),
      resolvedAt: null,
    };
    expect(toConversation(legacy)).toMatchObject({ awaitingReplyFrom: null, firstReplyAt: null });
    expect(toConversation({ ...legacy, awaitingReplyFrom: 'customer', firstReplyAt: new Date(7) })).toMatchObject({
      awaitingReplyFrom: 'customer',
      firstReplyAt: 7,
    });
  });
});
