import mongoose from 'mongoose';
import { afterAll, describe, expect, it } from 'vitest';
import { cannedResponseSchema } from './canned-response-schemas.js';

describe('Mongo canned response schema', () => {
  it('declares one shortcut per tenant, in the order the list sorts', () => {
    const index = cannedResponseSchema.indexes().find(([, options]) => options.name === 'canned_shortcut_per_tenant');
    expect(index).toEqual([{ tenantId: 1, shortcut: 1 }, expect.objectContaining({ unique: true })]);
  });

  it('is strict, without __v, and leaves index building to the store', () => {
    expect(cannedResponseSchema.get('strict')).toBe('throw');
    expect(cannedResponseSchema.get('strictQuery')).toBe('throw');
    expect(cannedResponseSchema.get('versionKey')).toBe(false);
    expect(cannedResponseSchema.get('autoIndex')).toBe(false);
    expect(cannedResponseSchema.path('_id').instance).toBe('String');
  });

  const connection = mongoose.createConnection();
  afterAll(() => connection.close());

  it('refuses unknown fields instead of silently dropping them', () => {
    const Model = connection.model('CannedResponseSchemaTest', cannedResponseSchema);
    const doc = { _id: 'a', tenantId: 't', shortcut: 's', title: 't', text: 'x', createdAt: new Date() };
    expect(() => new Model({ ...doc, updatedAt: new Date(), isAdmin: true })).toThrow(/not in schema/);
  });
});
