import type { FollowUp } from '@aftercare/shared';
import type { Clock } from '../clock.js';
import type { FollowUpService } from './follow-up-service.js';

export interface DueFollowUpWatchDeps {
  followUps: Pick<FollowUpService, 'fallenDue'>;
  clock: Clock;
  /** How often to look; the console's "due" list is right whenever it is read, this only adds the live nudge. */
  intervalMs: number;
  /** Told about follow-ups that fell due since the last look, one call per tenant. */
  announce: (tenantId: string, followUps: FollowUp[]) => void;
  onError: (error: unknown) => void;
}

/** Most follow-ups announced per look; the rest wait for the next one. */
const BATCH = 500;

/**
 * Tells consoles when follow-ups fall due. It looks back only to its previous look (or its start),
 * so a restart never re-announces old ones; those are in the "due" list anyway, read from the store.
 * @example
 * const watch = startDueFollowUpWatch({ followUps, clock, intervalMs: 60_000, announce, onError });
 * // on shutdown:
 * watch.stop();
 */
export function startDueFollowUpWatch(deps: DueFollowUpWatchDeps) {
  let lookedUntil = deps.clock.now();
  let running: Promise<void> | null = null;

  async function look(): Promise<void> {
    const now = deps.clock.now();
    if (now <= lookedUntil) return;
    const fallen = await deps.followUps.fallenDue(lookedUntil, now, BATCH);
    // A full batch may leave more: continue after the last one announced.
    lookedUntil = fallen.length === BATCH ? (fallen.at(-1) as FollowUp).dueAt : now;
    const byTenant = new Map<string, FollowUp[]>();
    for (const item of fallen) byTenant.set(item.tenantId, [...(byTenant.get(item.tenantId) ?? []), item]);
    for (const [tenantId, items] of byTenant) deps.announce(tenantId, items);
  }

  /** One look at a time: a slow store never stacks them up. */
  const check = (): Promise<void> => {
    running ??= look()
      .catch(deps.onError)
      .finally(() => {
        running = null;
      });
    return running;
  };

  const timer = setInterval(check, deps.intervalMs);
  timer.unref();
  return {
    check,
    stop() {
      clearInterval(timer);
    },
  };
}
