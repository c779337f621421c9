import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { conflictOnDuplicate, isDuplicateKeyError } from './mongo-errors.js';

/** A duplicate-key error as the driver raises it, built with the driver's own class. */
function duplicateKey(index: string): Error {
  return new mongoose.mongo.MongoServerError({
    message: `E11000 duplicate key error collection: aftercare.messages index: ${index} dup key: { clientId: "c1" }`,
    code: 11000,
  });
}

describe('isDuplicateKeyError', () => {
  it('recognises E11000 and the index it names', () => {
    const error = duplicateKey('message_client_id_unique');
    expect(isDuplicateKeyError(error)).toBe(true);
    expect(isDuplicateKeyError(error, 'message_client_id_unique')).toBe(true);
    // A name that is a prefix of another must not match it.
    expect(isDuplicateKeyError(error, 'message_client_id')).toBe(false);
    expect(isDuplicateKeyError(duplicateKey('_id_'), '_id_')).toBe(true);
  });

  it('ignores other errors', () => {
    expect(isDuplicateKeyError(new mongoose.mongo.MongoServerError({ message: 'x', code: 112 }))).toBe(false);
    expect(isDuplicateKeyError(new Error('E11000 in the text only'))).toBe(false);
    expect(isDuplicateKeyError(null)).toBe(false);
  });
});

describe('conflictOnDuplicate', () => {
  it('turns a duplicate key into CONFLICT and passes anything else through', async () => {
    await expect(
      conflictOnDuplicate(() => Promise.reject(duplicateKey('site_key_unique')), 'taken'),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: 'taken' });
    const other = new Error('network');
    await expect(conflictOnDuplicate(() => Promise.reject(other), 'taken')).rejects.toBe(other);
    await expect(conflictOnDuplicate(async () => 7, 'taken')).resolves.toBe(7);
  });
});
