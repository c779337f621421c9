import mongoose, { type Schema } from 'mongoose';
import { afterAll, describe, expect, it } from 'vitest';
import { agentSchema, sessionSchema, siteSchema } from './account-schemas.js';
import { conversationSchema, messageSchema } from './conversation-schemas.js';
import { customerSchema, visitorTokenSchema } from './customer-schemas.js';
import { createModels } from './models.js';

/** The `[keys, options]` of the index a schema declares under `name`. */
function declaredIndex(schema: Schema, name: string): [Record<string, unknown>, Record<string, unknown>] | undefined {
  return schema.indexes().find(([, options]) => options.name === name) as
    | [Record<string, unknown>, Record<string, unknown>]
    | undefined;
}

describe('Mongo schemas declare the indexes that make duplicates impossible', () => {
  it('messages: unique client id and unique seq per conversation', () => {
    expect(declaredIndex(messageSchema, 'message_client_id_unique')).toEqual([
      { conversationId: 1, clientId: 1 },
      expect.objectContaining({ unique: true }),
    ]);
    expect(declaredIndex(messageSchema, 'message_seq_unique')).toEqual([
      { conversationId: 1, seq: 1 },
      expect.objectContaining({ unique: true }),
    ]);
  });

  it('conversations: unique request id and at most one open conversation per customer', () => {
    expect(declaredIndex(conversationSchema, 'conversation_request_unique')).toEqual([
      { customerId: 1, requestId: 1 },
      expect.objectContaining({ unique: true }),
    ]);
    expect(declaredIndex(conversationSchema, 'conversation_one_open_per_customer')).toEqual([
      { customerId: 1 },
      expect.objectContaining({ unique: true, partialFilterExpression: { status: 'open' } }),
    ]);
  });

  it('conversations: every list query has an index in its sort order', () => {
    expect(declaredIndex(conversationSchema, 'conversations_by_customer')?.[0]).toEqual({
      customerId: 1,
      createdAt: -1,
      _id: -1,
    });
    expect(declaredIndex(conversationSchema, 'conversations_by_tenant')?.[0]).toEqual({
      tenantId: 1,
      updatedAt: -1,
      _id: -1,
    });
    expect(declaredIndex(conversationSchema, 'conversations_by_tenant_status')?.[0]).toEqual({
      tenantId: 1,
      status: 1,
      updatedAt: -1,
      _id: -1,
    });
  });

  it('sites, agents and sessions: unique key, unique email, TTL on expiry', () => {
    expect(declaredIndex(siteSchema, 'site_key_unique')).toEqual([
      { key: 1 },
      expect.objectContaining({ unique: true }),
    ]);
    expect(declaredIndex(agentSchema, 'agent_email_unique')).toEqual([
      { email: 1 },
      expect.objectContaining({ unique: true }),
    ]);
    expect(declaredIndex(sessionSchema, 'sessions_expire')).toEqual([
      { expiresAt: 1 },
      expect.objectContaining({ expireAfterSeconds: 0 }),
    ]);
    expect(sessionSchema.path('expiresAt').instance).toBe('Date');
    expect(declaredIndex(sessionSchema, 'sessions_by_agent')?.[0]).toEqual({ agentId: 1 });
  });

  it('token hashes are primary keys, so the always-unique _id index covers them', () => {
    expect(sessionSchema.path('_id').instance).toBe('String');
    expect(visitorTokenSchema.path('_id').instance).toBe('String');
    expect(customerSchema.path('_id').instance).toBe('String');
  });

  it('every schema is strict, without __v, and leaves index building to the store', () => {
    const schemas = [siteSchema, agentSchema, sessionSchema, customerSchema, visitorTokenSchema];
    for (const schema of [...schemas, conversationSchema, messageSchema]) {
      expect(schema.get('strict')).toBe('throw');
      expect(schema.get('strictQuery')).toBe('throw');
      expect(schema.get('versionKey')).toBe(false);
      expect(schema.get('autoIndex')).toBe(false);
    }
  });
});

describe('Mongo models (no server needed)', () => {
  // A connection that never connects: models compile and validate without a server.
  const connection = mongoose.createConnection();
  const models = createModels(connection);
  afterAll(() => connection.close());

  it('refuse unknown fields instead of silently dropping them', () => {
    const site = { _id: 's', tenantId: 't', key: 'k', name: 'Shop', allowedOrigins: [], createdAt: new Date() };
    expect(() => new models.sites({ ...site, isAdmin: true })).toThrow(/not in schema/);
  });

  it('accept a system message with an empty author id and no name', async () => {
    const message = new models.messages({
      _id: 'm',
      conversationId: 'c',
      clientId: 'x',
      seq: 1,
      author: { kind: 'system', id: '', name: null },
      text: 'Conversation resolved',
      createdAt: new Date(),
    });
    await expect(message.validate()).resolves.toBeUndefined();
  });

  it('reject an unknown author kind or conversation status', async () => {
    const message = new models.messages({
      _id: 'm',
      conversationId: 'c',
      clientId: 'x',
      seq: 1,
      author: { kind: 'robot', id: '', name: null },
      text: 'hi',
      createdAt: new Date(),
    });
    await expect(message.validate()).rejects.toThrow(/robot/);
  });

  it('store agent emails lower-cased', () => {
    const agent = new models.agents({ _id: 'a', tenantId: 't', email: 'Ada@Shop.Example', role: 'admin' });
    expect(agent.email).toBe('ada@shop.example');
  });
});
