import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { identityHash, isValidIdentityHash, newIdentitySecret } from './identity-hash.js';

const secret = 'a3f1c2d4e5b60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';

describe('identity hash', () => {
  it('is the HMAC-SHA256 of the user id keyed with the secret, as the README tells shops to compute it', () => {
    const expected = createHmac('sha256', secret).update('user-42').digest('hex');
    expect(identityHash(secret, 'user-42')).toBe(expected);
    // A known answer, so a change of algorithm or encoding cannot pass unnoticed.
    expect(identityHash('key', 'The quick brown fox jumps over the lazy dog')).toBe(
      'f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8',
    );
  });

  it('accepts the right hash, in lower or upper case', () => {
    const hash = identityHash(secret, 'user-42');
    expect(isValidIdentityHash(secret, 'user-42', hash)).toBe(true);
    expect(isValidIdentityHash(secret, 'user-42', hash.toUpperCase())).toBe(true);
  });

  it("refuses another user's hash and a hash with one character changed", () => {
    const hash = identityHash(secret, 'user-42');
    expect(isValidIdentityHash(secret, 'user-43', hash)).toBe(false);
    const flipped = `${hash.slice(0, -1)}${hash.endsWith('0') ? '1' : '0'}`;
    expect(isValidIdentityHash(secret, 'user-42', flipped)).toBe(false);
  });

  it('refuses hashes of the wrong length without throwing', () => {
    const hash = identityHash(secret, 'user-42');
    expect(isValidIdentityHash(secret, 'user-42', hash.slice(0, 62))).toBe(false);
    expect(isValidIdentityHash(secret, 'user-42', `${hash}00`)).toBe(false);
    expect(isValidIdentityHash(secret, 'user-42', '')).toBe(false);
  });

  it('refuses non-hex hashes, including ones Buffer.from would half-decode', () => {
    const hash = identityHash(secret, 'user-42');
    expect(isValidIdentityHash(secret, 'user-42', `${hash.slice(0, 62)}zz`)).toBe(false);
    expect(isValidIdentityHash(secret, 'user-42', 'g'.repeat(64))).toBe(false);
    // Base64 of the right bytes is not accepted either: the documented format is hex.
    const base64 = Buffer.from(hash, 'hex').toString('base64');
    expect(isValidIdentityHash(secret, 'user-42', base64)).toBe(false);
  });

  it('refuses a hash made with a rotated (older) secret', () => {
    const rotated = newIdentitySecret();
    const oldHash = identityHash(secret, 'user-42');
    expect(isValidIdentityHash(rotated, 'user-42', oldHash)).toBe(false);
    expect(isValidIdentityHash(rotated, 'user-42', identityHash(rotated, 'user-42'))).toBe(true);
  });

  it('makes 32-byte hex secrets, a new one each time', () => {
    const first = newIdentitySecret();
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(newIdentitySecret()).not.toBe(first);
  });
});
