import { describe, expect, it } from 'vitest';
import { clientAddress, createAddressRateLimit } from './ip-rate-limit.js';

describe('createAddressRateLimit', () => {
  it('gives each address its own burst, then answers the wait until the next token', () => {
    let time = 0;
    const limit = createAddressRateLimit({ burst: 2, perSecond: 4 }, () => time);
    expect([limit.take('a'), limit.take('a'), limit.take('a')]).toEqual([0, 0, 250]);
    expect(limit.take('b')).toBe(0);
    time += 250;
    expect(limit.take('a')).toBe(0);
  });

  it('forgets an address once it has been idle long enough to refill', () => {
    let time = 0;
    const limit = createAddressRateLimit({ burst: 10, perSecond: 5 }, () => time);
    limit.take('a');
    limit.take('b');
    time += 1_000;
    limit.take('c');
    expect(limit.size()).toBe(3);
    time += 1_000; // a and b refilled two seconds after their last use: forgetting them loses nothing
    limit.take('d');
    expect(limit.size()).toBe(2);
  });

  it('keeps at most maxAddresses, dropping the least recently seen', () => {
    const time = 0;
    const limit = createAddressRateLimit({ burst: 1, perSecond: 1, maxAddresses: 3 }, () => time);
    for (const address of ['a', 'b', 'c']) limit.take(address);
    expect(limit.take('a')).toBeGreaterThan(0); // a is now the most recently seen
    limit.take('d');
    expect(limit.size()).toBe(3);
    expect(limit.take('a')).toBeGreaterThan(0); // still remembered, still empty
    expect(limit.take('b')).toBe(0); // b was dropped, so it starts over with a full bucket
  });
});

describe('clientAddress', () => {
  const handshake = { address: '10.0.0.9', headers: { 'x-forwarded-for': '203.0.113.7, 10.0.0.1' } };

  it('ignores X-Forwarded-For unless the proxy is trusted', () => {
    expect(clientAddress(handshake, false)).toBe('10.0.0.9');
    expect(clientAddress(handshake, true)).toBe('203.0.113.7');
  });

  it('falls back to the socket address when a trusted proxy sent no header', () => {
    expect(clientAddress({ address: '10.0.0.9', headers: {} }, true)).toBe('10.0.0.9');
  });
});
