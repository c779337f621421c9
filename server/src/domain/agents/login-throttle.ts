import type { Clock } from '../clock.js';

/**
 * Slows down password guessing: after `maxFailures` failed logins for one key (an email, or an IP
 * address) within `windowMs`, further attempts for that key are refused until the window passes.
 * In-process state: scale-out mode will move it to Redis with the other rate limits.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private readonly maxFailures = 5,
    private readonly windowMs = 15 * 60_000,
  ) {}

  /** Milliseconds until `key` may try again, or 0 when it may try now. */
  retryAfter(key: string): number {
    const recent = this.recent(key);
    if (recent.length < this.maxFailures) return 0;
    return recent[recent.length - this.maxFailures]! + this.windowMs - this.clock.now();
  }

  recordFailure(key: string): void {
    const recent = this.recent(key);
    recent.push(this.clock.now());
    this.failures.set(key, recent);
  }

  recordSuccess(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string): number[] {
    const cutoff = this.clock.now() - this.windowMs;
    const recent = (this.failures.get(key) ?? []).filter((time) => time > cutoff);
    if (recent.length === 0) this.failures.delete(key);
    return recent;
  }
}
