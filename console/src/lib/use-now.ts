import { useEffect, useState } from 'preact/hooks';

/**
 * The current time, refreshed every `intervalMs` while the component is mounted; one timer per
 * caller, so a list uses it once and passes the time to its rows rather than a timer per row.
 */
export function useNow(intervalMs: number, now: () => number = Date.now): number {
  const [time, setTime] = useState(now);
  useEffect(() => {
    const timer = setInterval(() => setTime(now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, now]);
  return time;
}
