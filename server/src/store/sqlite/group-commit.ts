/**
 * How a `GroupCommit` writes: each function runs one transaction, either synchronously on this
 * thread or on another one (`append-thread.ts`), answering with a promise.
 */
export interface GroupCommitOptions<Input, Output> {
  /** Writes every item in one transaction (one fsync) and returns their results in order. */
  commitBatch(items: readonly Input[]): Output[] | Promise<Output[]>;
  /** Writes one item in its own transaction; used to isolate the culprit when a batch fails. */
  commitOne(item: Input): Output | Promise<Output>;
  /** Upper bound on items per transaction, so one flush never holds the database for long. */
  maxBatchSize: number;
  /**
   * Whether a failed batch may be the fault of one item and is worth retrying item by item
   * (default: always). Say no for database-wide failures (busy, disk full) so a batch of 256 is
   * not retried 256 times against a database that cannot take any of them.
   */
  isItemFailure?(error: unknown): boolean;
}

interface Pending<Input, Output> {
  item: Input;
  resolve(output: Output): void;
  reject(error: unknown): void;
}

/**
 * Group commit: with `synchronous = FULL` every transaction costs an fsync, so writes that arrive
 * together are committed together. Items queued in the same event-loop turn go out on
 * `setImmediate`; when the commit runs elsewhere (asynchronous), one transaction is in flight at a
 * time and everything that arrives meanwhile forms the next one, so batches grow with the load.
 * Each promise settles only after the transaction holding its item has committed, so an ack
 * still means durable.
 */
export class GroupCommit<Input, Output> {
  private queue: Pending<Input, Output>[] = [];
  private scheduled: NodeJS.Immediate | null = null;
  private inFlight: Promise<void> | null = null;
  private closed = false;
  private batches = 0;

  constructor(private readonly options: GroupCommitOptions<Input, Output>) {}

  /** Number of transactions committed so far (batches and single-item fallbacks). */
  get commits(): number {
    return this.batches;
  }

  /** Queues an item; resolves with its result once it is durable. */
  submit(item: Input): Promise<Output> {
    if (this.closed) return Promise.reject(new Error('The store is closed.'));
    return new Promise<Output>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /**
   * Commits what is queued and refuses new items; resolves once everything is committed. With
   * synchronous commits the queue is committed before `close` returns.
   */
  async close(): Promise<void> {
    this.closed = true;
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
    if (this.inFlight) await this.inFlight;
    while (this.queue.length > 0) {
      const pending = this.commit(this.queue.splice(0, this.options.maxBatchSize));
      if (pending) await pending;
    }
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight || this.closed) return;
    this.scheduled = setImmediate(() => this.flushOneBatch());
  }

  /** One batch per turn, so reads and socket I/O interleave with a long backlog of writes. */
  private flushOneBatch(): void {
    this.scheduled = null;
    const pending = this.commit(this.queue.splice(0, this.options.maxBatchSize));
    if (pending) {
      this.inFlight = pending.then(() => {
        this.inFlight = null;
        if (this.queue.length > 0) this.schedule();
      });
    } else if (this.queue.length > 0) this.schedule();
  }

  /** Commits one batch; answers a promise when the commit is asynchronous. */
  private commit(batch: Pending<Input, Output>[]): Promise<void> | undefined {
    if (batch.length === 0) return;
    let outputs: Output[] | Promise<Output[]>;
    try {
      outputs = this.options.commitBatch(batch.map((pending) => pending.item));
    } catch (error) {
      return this.recover(batch, error);
    }
    if (outputs instanceof Promise) {
      return outputs.then(
        (settled) => this.settle(batch, settled),
        (error: unknown) => this.recover(batch, error),
      );
    }
    this.settle(batch, outputs);
  }

  private settle(batch: Pending<Input, Output>[], outputs: Output[]): void {
    this.batches++;
    batch.forEach((pending, index) => {
      pending.resolve(outputs[index] as Output);
    });
  }

  /** The batch rolled back as a whole: retry item by item so one bad write fails alone. */
  private recover(batch: Pending<Input, Output>[], error: unknown): Promise<void> | undefined {
    if (this.options.isItemFailure && !this.options.isItemFailure(error)) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    return this.commitEach(batch, 0);
  }

  private commitEach(batch: Pending<Input, Output>[], from: number): Promise<void> | undefined {
    for (let index = from; index < batch.length; index++) {
      const pending = batch[index]!;
      let output: Output | Promise<Output>;
      try {
        output = this.options.commitOne(pending.item);
      } catch (error) {
        pending.reject(error);
        continue;
      }
      if (output instanceof Promise) {
        return output
          .then(
            (value) => {
              this.batches++;
              pending.resolve(value);
            },
            (error: unknown) => pending.reject(error),
          )
          .then(() => this.commitEach(batch, index + 1));
      }
      this.batches++;
      pending.resolve(output);
    }
  }
}
