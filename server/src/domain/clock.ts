/** Time port: the domain never calls `Date.now()` directly, so tests can drive time. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock tests can move forward: the real time plus an offset that only grows. */
export interface AdjustableClock extends Clock {
  /** Moves the clock `ms` into the future; answers the new time. */
  advance(ms: number): number;
}

/**
 * Wraps `base` so browser tests can make days pass (follow-ups falling due, escalations) in a
 * running server. Only wired when `TEST_CLOCK` is on; the offset never goes back, so times the
 * server stored stay in order.
 */
export function createAdjustableClock(base: Clock = systemClock): AdjustableClock {
  let offset = 0;
  return {
    now: () => base.now() + offset,
    advance(ms) {
      offset += Math.max(0, ms);
      return base.now() + offset;
    },
  };
}
