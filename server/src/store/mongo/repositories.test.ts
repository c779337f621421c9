import mongoose from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MongoConversationRepository } from './conversation-repository.js';
import { MongoMessageRepository } from './message-repository.js';
import { createModels } from './models.js';
import { mongoConnectOptions } from './mongo-store.js';
import { PendingWrites } from './pending-writes.js';
import { MongoSiteRepository } from './site-repository.js';

/** One driver call as Mongoose reports it in its `operation-start` event. */
interface Operation {
  collectionName: string;
  method: string;
  params: unknown[];
}

/**
 * Without a server, each repository call still goes through all of Mongoose (casting, strict mode,
 * `sanitizeFilter`, pipeline checks) and reaches the driver, where it fails for want of a
 * connection. Mongoose's own `operation-start` event shows what would have been sent, so the
 * query shapes are checked here, and the full behaviour by the contract suite when a server exists.
 */
describe('Mongo repositories without a server', () => {
  let connection: mongoose.Connection;
  let models: ReturnType<typeof createModels>;
  const operations: Operation[] = [];

  beforeAll(async () => {
    // Port 1 refuses at once; the connection keeps the options `openMongoStore` would use.
    const uri = 'mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=100';
    connection = mongoose.createConnection(uri, mongoConnectOptions('aftercare'));
    await connection.asPromise().catch(() => undefined);
    connection.on('operation-start', (operation: Operation) => operations.push(operation));
    models = createModels(connection);
  });
  afterAll(() => connection.close());
  beforeEach(() => {
    operations.length = 0;
  });

  /** Runs a call that must reach the driver, and returns the one operation it sent. */
  async function sent(call: () => Promise<unknown>): Promise<Operation> {
    await expect(call()).rejects.toThrow(/before initial connection/);
    expect(operations).toHaveLength(1);
    return operations[0]!;
  }

  it('configures the client to ack writes only once a majority has journaled them', () => {
    expect(connection.getClient().writeConcern).toMatchObject({ w: 'majority', journal: true });
    expect(connection.config).toMatchObject({ bufferCommands: false, autoIndex: false, sanitizeFilter: true });
  });

  it('matches an operator object from a caller literally, so it never reaches the database', async () => {
    const sites = new MongoSiteRepository(models.sites, new PendingWrites());
    const hostileKey = { $ne: null } as unknown as string;
    await expect(sites.getByKey(hostileKey)).rejects.toMatchObject({ name: 'CastError' });
    expect(operations).toEqual([]);
  });

  it('advanceReceipt is one pipeline update: clamped to lastSeq, never backward, updatedAt untouched', async () => {
    const conversations = new MongoConversationRepository(models.conversations, new PendingWrites());
    const operation = await sent(() => conversations.advanceReceipt('c1', 'agent', 'read', 7, 123));
    expect(operation).toMatchObject({ collectionName: 'conversations', method: 'findOneAndUpdate' });
    const [filter, pipeline, options] = operation.params as [unknown, { $set: Record<string, unknown> }[], unknown];
    expect(filter).toEqual({ _id: 'c1' });
    const target = { $min: [{ $literal: 7 }, '$lastSeq'] };
    const read = { $max: ['$agentReceipts.readSeq', target] };
    expect(pipeline).toEqual([
      {
        $set: {
          'agentReceipts.readSeq': read,
          'agentReceipts.deliveredSeq': { $max: ['$agentReceipts.deliveredSeq', target, read] },
        },
      },
    ]);
    expect(options).toMatchObject({ returnDocument: 'after' });
  });

  it('setStatus keeps resolvedAt and updatedAt when the status does not change', async () => {
    const conversations = new MongoConversationRepository(models.conversations, new PendingWrites());
    const operation = await sent(() => conversations.setStatus('c1', 'resolved', 5000));
    const [, pipeline] = operation.params as [unknown, { $set: Record<string, unknown> }[]];
    const unchanged = { $eq: ['$status', { $literal: 'resolved' }] };
    expect(pipeline[0]?.$set).toEqual({
      updatedAt: { $cond: [unchanged, '$updatedAt', new Date(5000)] },
      resolvedAt: { $cond: [unchanged, '$resolvedAt', new Date(5000)] },
      status: { $literal: 'resolved' },
    });
  });

  it('setAssignee is one compare-and-set update on open conversations', async () => {
    const conversations = new MongoConversationRepository(models.conversations, new PendingWrites());
    const operation = await sent(() => conversations.setAssignee('c1', 'a2', 'a1', 5000));
    expect(operation).toMatchObject({ collectionName: 'conversations', method: 'findOneAndUpdate' });
    const [filter, update, options] = operation.params;
    expect(filter).toEqual({ _id: 'c1', status: 'open', assigneeId: 'a1' });
    expect(update).toEqual({ $set: { assigneeId: 'a2', updatedAt: new Date(5000) } });
    expect(options).toMatchObject({ returnDocument: 'after' });
  });

  it('listByTenant filters with a real $lt on updatedAt and sorts newest first', async () => {
    const conversations = new MongoConversationRepository(models.conversations, new PendingWrites());
    const operation = await sent(() =>
      conversations.listByTenant({ tenantId: 't1', status: 'open', before: 9000, limit: 20 }),
    );
    expect(operation.method).toBe('find');
    // `toMatchObject`: `mongoose.trusted()` leaves a symbol key behind, which BSON does not serialise.
    expect(operation.params[0]).toMatchObject({ tenantId: 't1', status: 'open', updatedAt: { $lt: new Date(9000) } });
    expect(operation.params[1]).toMatchObject({ sort: { updatedAt: -1, _id: -1 }, limit: 20 });
  });

  it('listAfter asks for seq > afterSeq, oldest first', async () => {
    const messages = new MongoMessageRepository(models.messages, models.conversations, new PendingWrites());
    const operation = await sent(() => messages.listAfter('c1', 4, 50, 'agent'));
    expect(operation.params[0]).toMatchObject({ conversationId: 'c1', seq: { $gt: 4 } });
    expect(operation.params[1]).toMatchObject({ sort: { seq: 1 }, limit: 50 });
  });

  it('append first looks for the client id, so a retry never burns a seq', async () => {
    const messages = new MongoMessageRepository(models.messages, models.conversations, new PendingWrites());
    const input = {
      id: 'm1',
      conversationId: 'c1',
      clientId: 'k1',
      author: { kind: 'visitor' as const, id: 'u1', name: null },
      text: 'hello',
      internal: false,
      createdAt: 1000,
    };
    const operation = await sent(() => messages.append(input));
    expect(operation).toMatchObject({ collectionName: 'messages', method: 'findOne' });
    expect(operation.params[0]).toEqual({ conversationId: 'c1', clientId: 'k1' });
  });

  it('a limit of zero returns nothing instead of meaning "no limit" to MongoDB', async () => {
    const messages = new MongoMessageRepository(models.messages, models.conversations, new PendingWrites());
    expect(await messages.listLatest('c1', 0, 'agent')).toEqual([]);
    expect(operations).toEqual([]);
  });
});
