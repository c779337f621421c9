import { describe, expect, it } from 'vitest';
import { switchShopper } from './identity.js';
import { safeStorage } from './storage.js';

describe('switchShopper', () => {
  const seeded = () => {
    const storage = safeStorage(null);
    for (const name of ['token', 'active', 'outbox', 'start']) storage.set(`aftercare:shop:${name}`, name);
    return storage;
  };

  it('keeps an anonymous visitor who logs in, and the same shopper on every page', () => {
    const storage = seeded();
    expect(switchShopper(storage, 'shop', null)).toBe(false);
    expect(switchShopper(storage, 'shop', 'u1')).toBe(false);
    expect(switchShopper(storage, 'shop', 'u1')).toBe(false);
    expect(storage.get('aftercare:shop:token')).toBe('token');
  });

  it('forgets the previous shopper on logout or when someone else logs in', () => {
    const storage = seeded();
    switchShopper(storage, 'shop', 'u1');
    expect(switchShopper(storage, 'shop', 'u2')).toBe(true);
    expect(['token', 'active', 'outbox', 'start'].map((name) => storage.get(`aftercare:shop:${name}`))).toEqual([
      null,
      null,
      null,
      null,
    ]);
    storage.set('aftercare:shop:token', 'new');
    expect(switchShopper(storage, 'shop', null)).toBe(true);
    expect(storage.get('aftercare:shop:token')).toBeNull();
  });
});
