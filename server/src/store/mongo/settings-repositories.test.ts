import mongoose from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MongoAgentRepository } from './agent-repository.js';
import { MongoConversationRepository } from './conversation-repository.js';
import { createModels } from './models.js';
import { mongoConnectOptions } from './mongo-store.js';
import { PendingWrites } from './pending-writes.js';
import { MongoSiteRepository } from './site-repository.js';
import { MongoTeamRepository } from './team-repository.js';

interface Operation {
  collectionName: string;
  method: string;
  params: unknown[];
}

/**
 * Site settings, agent updates, teams and team-bound conversations without a server: each call goes
 * through Mongoose (casting, strict mode, `sanitizeFilter`) to the driver, whose refusal for want of a
 * connection comes after Mongoose reported what it would send (see `repositories.test.ts`).
 */
describe('Mongo settings, agents and teams without a server', () => {
  let connection: mongoose.Connection;
  let models: ReturnType<typeof createModels>;
  const operations: Operation[] = [];

  beforeAll(async () => {
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

  async function sent(call: () => Promise<unknown>): Promise<Operation[]> {
    await expect(call()).rejects.toThrow(/before initial connection/);
    return [...operations];
  }

  it('site update sets each named setting on its own path, within the tenant', async () => {
    const sites = new MongoSiteRepository(models.sites, new PendingWrites());
    const [operation] = await sent(() =>
      sites.update('t1', 's1', { name: 'Kettles', settings: { color: '#123456', businessHours: null } }),
    );
    expect(operation).toMatchObject({ collectionName: 'sites', method: 'findOneAndUpdate' });
    const [filter, update] = operation!.params;
    expect(filter).toEqual({ _id: 's1', tenantId: 't1' });
    expect(update).toEqual({ $set: { name: 'Kettles', 'settings.color': '#123456', 'settings.businessHours': null } });
  });

  it('agent update sets only the given fields, null picture included', async () => {
    const agents = new MongoAgentRepository(models.agents, new PendingWrites());
    const [operation] = await sent(() => agents.update('t1', 'a1', { active: false, avatarUrl: null }));
    const [filter, update] = operation!.params;
    expect(filter).toEqual({ _id: 'a1', tenantId: 't1' });
    expect(update).toEqual({ $set: { active: false, avatarUrl: null } });
  });

  it('teams store a lower-cased name key for the unique index and filter by tenant', async () => {
    const teams = new MongoTeamRepository(models.teams, new PendingWrites());
    const [insert] = await sent(() =>
      teams.create({ id: 'team1', tenantId: 't1', name: 'Repairs', memberIds: ['a1'], createdAt: 1000 }),
    );
    expect(insert).toMatchObject({ collectionName: 'teams', method: 'insertOne' });
    expect(insert!.params[0]).toMatchObject({ _id: 'team1', name: 'Repairs', nameKey: 'repairs', memberIds: ['a1'] });
    operations.length = 0;
    const [update] = await sent(() => teams.update('t1', 'team1', { name: 'Billing', memberIds: [] }));
    expect(update!.params[0]).toEqual({ _id: 'team1', tenantId: 't1' });
    expect(update!.params[1]).toEqual({ $set: { name: 'Billing', nameKey: 'billing', memberIds: [] } });
  });

  it('setRouting is one compare-and-set update that skips a write changing nothing', async () => {
    const conversations = new MongoConversationRepository(models.conversations, new PendingWrites());
    const [operation] = await sent(() =>
      conversations.setRouting('c1', { assigneeId: null, teamId: 'team1' }, 'a1', 5),
    );
    expect(operation).toMatchObject({ collectionName: 'conversations', method: 'findOneAndUpdate' });
    const [filter, update] = operation!.params;
    expect(filter).toEqual({
      _id: 'c1',
      status: 'open',
      assigneeId: 'a1',
      $nor: [{ assigneeId: null, teamId: 'team1' }],
    });
    expect(update).toEqual({ $set: { assigneeId: null, teamId: 'team1', updatedAt: new Date(5) } });
  });

  it('an operator smuggled in as a team id is matched literally', async () => {
    const teams = new MongoTeamRepository(models.teams, new PendingWrites());
    const hostile = { $ne: null } as unknown as string;
    await expect(teams.getById('t1', hostile)).rejects.toMatchObject({ name: 'CastError' });
    expect(operations).toEqual([]);
  });
});
