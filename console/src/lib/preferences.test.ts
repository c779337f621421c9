import { describe, expect, it } from 'vitest';
import { createPreferences } from './preferences.js';

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
  };
}

describe('preferences', () => {
  it('defaults to online with notifications on, and keeps each agent’s choices apart', () => {
    const storage = memoryStorage();
    const alice = createPreferences(storage, 'alice');
    expect(alice.status()).toBe('online');
    expect(alice.notificationsEnabled()).toBe(true);
    alice.saveStatus('away');
    alice.saveNotificationsEnabled(false);
    expect(createPreferences(storage, 'alice').status()).toBe('away');
    expect(createPreferences(storage, 'alice').notificationsEnabled()).toBe(false);
    expect(createPreferences(storage, 'bob').status()).toBe('online');
  });

  it('survives storage that throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('blocked');
      },
    };
    const prefs = createPreferences(broken, 'me');
    prefs.saveStatus('offline');
    expect(prefs.status()).toBe('offline');
  });
});
