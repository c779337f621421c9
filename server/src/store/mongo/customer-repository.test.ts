import mongoose from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MongoCustomerRepository } from './customer-repository.js';
import { toCustomer } from './customer-schemas.js';
import { createModels } from './models.js';
import { mongoConnectOptions } from './mongo-store.js';
import { PendingWrites } from './pending-writes.js';

interface Operation {
  collectionName: string;
  method: string;
  params: unknown[];
}

/**
 * The customer file's writes without a server (as in `repositories.test.ts`): each call goes
 * through all of Mongoose and reaches the driver, whose `operation-start` shows what would be sent.
 * The behaviour itself is covered by the store contract when `MONGODB_URI` is set.
 */
describe('Mongo customers without a server', () => {
  let connection: mongoose.Connection;
  let repository: MongoCustomerRepository;
  const operations: Operation[] = [];

  beforeAll(async () => {
    connection = mongoose.createConnection(
      'mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=100',
      mongoConnectOptions('aftercare'),
    );
    await connection.asPromise().catch(() => undefined);
    connection.on('operation-start', (operation: Operation) => operations.push(operation));
    const models = createModels(connection);
    repository = new MongoCustomerRepository(models.customers, models.visitorTokens, new PendingWrites());
  });
  afterAll(() => connection.close());
  beforeEach(() => {
    operations.length = 0;
  });

  async function sent(call: () => Promise<unknown>): Promise<Operation> {
    await expect(call()).rejects.toThrow(/before initial connection/);
    expect(operations).toHaveLength(1);
    return operations[0]!;
  }

  it('updateProfile sets named fields, unsets nulls, leaves absent ones and validates the tier', async () => {
    const operation = await sent(() =>
      repository.updateProfile('cu1', { name: 'Vera', email: null, tier: 'gold' }, 5000),
    );
    expect(operation).toMatchObject({ collectionName: 'customers', method: 'findOneAndUpdate' });
    const [filter, update, options] = operation.params as [unknown, Record<string, unknown>, Record<string, unknown>];
    expect(filter).toEqual({ _id: 'cu1' });
    expect(update).toEqual({
      $set: { name: 'Vera', tier: 'gold', updatedAt: new Date(5000) },
      $unset: { email: '' },
    });
    expect(options).toMatchObject({ returnDocument: 'after' });
  });

  it('refuses a tier outside the closed set before anything is sent', async () => {
    const hostile = { tier: 'platinum' } as unknown as { tier: 'gold' };
    await expect(repository.updateProfile('cu1', hostile, 5000)).rejects.toThrow(/tier/);
    expect(operations).toEqual([]);
  });

  it('reads a document written before tiers existed as standard', () => {
    const createdAt = new Date(1000);
    expect(toCustomer({ _id: 'cu1', siteId: 's', tenantId: 't', createdAt, updatedAt: createdAt })).toEqual({
      id: 'cu1',
      siteId: 's',
      tenantId: 't',
      tier: 'standard',
      createdAt: 1000,
      updatedAt: 1000,
    });
  });
});
