import { describe, expect, it } from 'vitest';
import { createMemoryRateLimit } from '../../lib/rate-limit/memory-rate-limit.js';
import { clientAddress, withAddressLimit } from './ip-rate-limit.js';

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

describe('withAddressLimit', () => {
  it('asks the address budget only when the socket’s own budget allows the event', () => {
    const perAddress = createMemoryRateLimit({ burst: 10, perSecond: 1 }, () => 0);
    let socketWait = 0;
    const limit = withAddressLimit(
      () => socketWait,
      perAddress,
      () => '203.0.113.7',
    );
    expect(limit({})).toBe(0);
    socketWait = 500;
    expect(limit({})).toBe(500);
    expect(limit({})).toBe(500);
    // Only the first event reached the address budget: nine of its ten tokens are left.
    socketWait = 0;
    for (let i = 0; i < 9; i++) expect(limit({})).toBe(0);
    expect(limit({})).toBe(1_000);
  });
});
