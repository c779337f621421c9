/** How a `GroupCommit` writes: both functions run synchronously inside their own transaction. */
export interface GroupCommitOptions<Input, Output> {
  /** Writes every item in one transaction (one fsync) and returns their results in order. */
  commitBatch(items: readonly Input[]): Output[];
  /** Writes one item in its own transaction; used to isolate the culprit when a batch fails. */
  commitOne(item: Input): Output;
  /** Upper bound on items per transaction, so one flush never blocks the event loop for long. */
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
 * in the same event-loop turn are queued and committed together on `setImmediate`. Each promise
 * settles only after the transaction holding its item has committed, so an ack still means durable.
 */
export class GroupCommit<Input, Output> {
  private queue: Pending<Input, Output>[] = [];
  private scheduled: NodeJS.Immediate | null = null;
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
      this.scheduled ??= setImmediate(() => this.flushOneBatch());
    });
  }

  /** Commits everything queued, synchronously. */
  flush(): void {
    while (this.queue.length > 0) this.commit(this.queue.splice(0, this.options.maxBatchSize));
  }

  /** Commits what is queued and refuses new items. */
  close(): void {
    this.closed = true;
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
    this.flush();
  }

  /** One batch per turn, so reads and socket I/O interleave with a long backlog of writes. */
  private flushOneBatch(): void {
    this.scheduled = null;
    this.commit(this.queue.splice(0, this.options.maxBatchSize));
    if (this.queue.length > 0) this.scheduled = setImmediate(() => this.flushOneBatch());
  }

  private commit(batch: Pending<Input, Output>[]): void {
    if (batch.length === 0) return;
    let outputs: Output[];
    try {
      outputs = this.options.commitBatch(batch.map((pending) => pending.item));
      this.batches++;
    } catch (error) {
      if (this.options.isItemFailure && !this.options.isItemFailure(error)) {
        for (const pending of batch) pending.reject(error);
        return;
      }
      // The batch rolled back as a whole; retry item by item so one bad write fails alone.
      for (const pending of batch) {
        try {
          const output = this.options.commitOne(pending.item);
          this.batches++;
          pending.resolve(output);
        } catch (error) {
          pending.reject(error);
        }
      }
      return;
    }
    batch.forEach((pending, index) => {
      pending.resolve(outputs[index] as Output);
    });
  }
}
