import type { ErrorCode } from '@aftercare/shared';
import type { FILE_LOST, OutboxFile } from '../attachments/files.js';
import type { SafeStorage } from './storage.js';

/** A message the shopper wrote that the server has not acknowledged yet. */
export interface OutboxEntry {
  /** Also the `clientId` sent to the server, so a retry is stored once. */
  clientId: string;
  conversationId: string;
  text: string;
  createdAt: number;
  /** Files going with the message; their bytes stay in one page's memory until uploaded. */
  files?: OutboxFile[];
  /** Set when the server refused it for good (e.g. the conversation closed); kept until removed. */
  failed?: ErrorCode | typeof FILE_LOST;
}

/**
 * The outbox lives in localStorage so unsent messages survive a reload and are visible to other
 * tabs. It is re-read on every access: another tab may have changed it in between.
 */
export interface Outbox {
  list(): OutboxEntry[];
  add(entry: OutboxEntry): void;
  remove(clientId: string): void;
  markFailed(clientId: string, code: NonNullable<OutboxEntry['failed']>): void;
  /** Replaces an entry in place (its files got uploaded), keeping the order. */
  replace(entry: OutboxEntry): void;
}

/** Creates an outbox stored under `key`. */
export function createOutbox(storage: SafeStorage, key: string): Outbox {
  const list = (): OutboxEntry[] => {
    try {
      const parsed: unknown = JSON.parse(storage.get(key) ?? '[]');
      return Array.isArray(parsed) ? (parsed as OutboxEntry[]) : [];
    } catch {
      return [];
    }
  };
  const save = (entries: OutboxEntry[]) => storage.set(key, entries.length ? JSON.stringify(entries) : null);
  return {
    list,
    add: (entry) => save([...list().filter((other) => other.clientId !== entry.clientId), entry]),
    remove: (clientId) => save(list().filter((entry) => entry.clientId !== clientId)),
    markFailed: (clientId, code) =>
      save(list().map((entry) => (entry.clientId === clientId ? { ...entry, failed: code } : entry))),
    replace: (entry) => save(list().map((other) => (other.clientId === entry.clientId ? entry : other))),
  };
}
