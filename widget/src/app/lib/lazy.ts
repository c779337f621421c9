import { useState } from 'preact/hooks';

/**
 * A module loaded the first time `needed` is true (views most visits never show: files, ratings,
 * repairs), so the first open stays within its size budget. Null until it has loaded.
 * @example const Card = useLazy(shown, () => import('./RatingCard.js').then((m) => m.RatingCard));
 */
export function useLazy<T>(needed: boolean, load: () => Promise<T>): T | null {
  const [loaded, setLoaded] = useState<{ value: T } | null>(null);
  if (needed && !loaded) void load().then((value) => setLoaded({ value }));
  return loaded ? loaded.value : null;
}
