/**
 * localStorage that never throws: storage can be disabled, full or blocked in sandboxed frames,
 * and the chat must still work for the current page even then.
 */
export interface SafeStorage {
  get(key: string): string | null;
  set(key: string, value: string | null): void;
}

/** Wraps a `Storage` (normally `localStorage`); `null` gives a memory-only fallback. */
export function safeStorage(storage: Storage | null): SafeStorage {
  const memory = new Map<string, string>();
  return {
    get(key) {
      try {
        return storage ? storage.getItem(key) : (memory.get(key) ?? null);
      } catch {
        return memory.get(key) ?? null;
      }
    },
    set(key, value) {
      if (value === null) memory.delete(key);
      else memory.set(key, value);
      try {
        if (value === null) storage?.removeItem(key);
        else storage?.setItem(key, value);
      } catch {
        // Quota or privacy mode: the memory copy keeps this page working.
      }
    },
  };
}

/** `localStorage` if the page may use it. */
export function pageStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
