import { useEffect, useState } from 'preact/hooks';

/** A minimal observable state container; one is created per signed-in workspace, never at module level. */
export interface Store<S> {
  get(): S;
  /** Replaces the state with `update(current)`; listeners run only if the result is a new object. */
  set(update: (state: S) => S): void;
  subscribe(listener: () => void): () => void;
}

/** Creates a store holding `initial`. */
export function createStore<S>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(update) {
      const next = update(state);
      if (next === state) return;
      state = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * Subscribes a component to the part of a store picked by `select`; it re-renders only when the
 * picked value changes (by `Object.is`), so selectors should return existing objects, not new ones.
 */
export function useStore<S, T>(store: Store<S>, select: (state: S) => T): T {
  const [value, setValue] = useState(() => select(store.get()));
  useEffect(() => {
    const update = () => setValue(() => select(store.get()));
    update(); // the store may have changed between render and subscription
    return store.subscribe(update);
  }, [store, select]);
  return value;
}

/**
 * Calls `listener` with the part of a store picked by `select` each time it changes (by `Object.is`),
 * not at once: how the workspace writes a slice of its state to storage (the outbox, the drafts).
 * Returns the unsubscribe.
 */
export function watchStore<S, T>(store: Store<S>, select: (state: S) => T, listener: (value: T) => void): () => void {
  let seen = select(store.get());
  return store.subscribe(() => {
    const value = select(store.get());
    if (Object.is(value, seen)) return;
    seen = value;
    listener(value);
  });
}
