/**
 * Tracks work that must finish before the process exits (writes that a client is waiting to
 * have acknowledged). On SIGTERM the server stops taking new work, then `drain()` waits for these.
 */
export class Inflight {
  private readonly pending = new Set<Promise<unknown>>();
  private drainingStarted = false;

  get draining(): boolean {
    return this.drainingStarted;
  }

  get size(): number {
    return this.pending.size;
  }

  track<T>(work: Promise<T>): Promise<T> {
    this.pending.add(work);
    const forget = () => this.pending.delete(work);
    work.then(forget, forget);
    return work;
  }

  /** Refuses new work from now on and resolves once pending work settles (or after `timeoutMs`). */
  async drain(timeoutMs: number): Promise<{ timedOut: boolean }> {
    this.drainingStarted = true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    // Work may start more work while we wait (a write then a broadcast): loop until quiet.
    while (this.pending.size > 0) {
      const outcome = await Promise.race([Promise.allSettled([...this.pending]), timeout]);
      if (outcome === 'timeout') return { timedOut: true };
    }
    clearTimeout(timer);
    return { timedOut: false };
  }
}
