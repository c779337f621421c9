/** A Web Storage in memory (the tab's sessionStorage in the browser), for the storage modules' tests. */
export function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    key: (index: number) => [...map.keys()][index] ?? null,
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
    removeItem: (key: string) => void map.delete(key),
  };
}

/** A storage the browser blocks (reading throws) and that is full (writing throws). */
export function throwingStorage(): Storage {
  const storage = memoryStorage();
  storage.getItem = () => {
    throw new Error('SecurityError');
  };
  storage.setItem = () => {
    throw new Error('QuotaExceededError');
  };
  return storage;
}
