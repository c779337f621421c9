import { useEffect, useReducer } from 'preact/hooks';

/** Re-renders the component whenever `source` reports a change (the small state holders outside `ChatStore`). */
export function useChanges(source: { subscribe(listener: () => void): () => void }): void {
  const [, rerender] = useReducer((count: number) => count + 1, 0);
  useEffect(() => source.subscribe(() => rerender(0)), [source]);
}
