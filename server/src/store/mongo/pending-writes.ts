import { AftercareError } from '../../domain/errors.js';

/**
 * Tracks writes in flight so `Store.close()` can wait for them. The driver's `MongoClient.close()`
 * (since 6.17, NODE-3263) closes connections that are checked out, which would abort a write whose
 * acknowledgement a client is still waiting for.
 */
export class PendingWrites {
  private readonly inFlight = new Set<Promise<unknown>>();
  private closing = false;

  /** Starts `write` unless the store is closing, and remembers it until it settles. */
  track<T>(write: () => Promise<T>): Promise<T> {
    if (this.closing) return Promise.reject(new AftercareError('SHUTTING_DOWN', 'The store is closed.'));
    const promise = write();
    this.inFlight.add(promise);
    const forget = () => {
      this.inFlight.delete(promise);
    };
    promise.then(forget, forget);
    return promise;
  }

  /** Refuses new writes, then resolves once every tracked write has settled. */
  async drain(): Promise<void> {
    this.closing = true;
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }
}
