import { storageKey } from '../../bridge.js';
import type { SafeStorage } from './storage.js';

/**
 * One visitor per logged-in shopper on a shared browser. The id the shop gave to `identify` is
 * remembered beside the visitor token; when the shop identifies someone else, or nobody (logout),
 * the previous shopper's token, saved conversation, outbox and pending start are forgotten so the next person
 * does not see them. An anonymous visitor who logs in keeps their conversation.
 * Returns whether anything was forgotten.
 */
export function switchShopper(storage: SafeStorage, siteKey: string, userId: string | null): boolean {
  const key = storageKey(siteKey, 'user');
  const previous = storage.get(key);
  storage.set(key, userId);
  if (previous === null || previous === userId) return false;
  for (const name of ['token', 'active', 'outbox', 'start', 'tickets']) storage.set(storageKey(siteKey, name), null);
  return true;
}
