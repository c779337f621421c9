import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit.js';

/** A GroupCommit over plain numbers that records the transactions it would have run. */
function recorder(options: { failBatchWith?: unknown; isItemFailure?: (error: unknown) => boolean } = {}) {
  const transactions: number[][] = [];
  const group = new GroupCommit<number, number>({
    commitBatch(items) {
      if (options.failBatchWith !== undefined) throw options.failBatchWith;
      transactions.push([...items]);
      return items.map((item) => item * 10);
    },
    commitOne(item) {
      if (item < 0) throw new Error(`bad item ${item}`);
      transactions.push([item]);
      return item * 10;
    },
    maxBatchSize: 3,
    ...(options.isItemFailure ? { isItemFailure: options.isItemFailure } : {}),
  });
  return { group, transactions };
}

describe('GroupCommit', () => {
  it('commits items submitted in the same turn together, in bounded batches', async () => {
    const { group, transactions } = recorder();
    expect(await Promise.all([1, 2, 3, 4, 5].map((n) => group.submit(n)))).toEqual([10, 20, 30, 40, 50]);
    expect(transactions).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
    expect(group.commits).toBe(2);
  });

  it('retries a failed batch item by item, so only the bad item fails', async () => {
    const { group } = recorder({ failBatchWith: new Error('constraint') });
    const settled = await Promise.allSettled([1, -2, 3].map((n) => group.submit(n)));
    expect(settled).toEqual([
      { status: 'fulfilled', value: 10 },
      { status: 'rejected', reason: new Error('bad item -2') },
      { status: 'fulfilled', value: 30 },
    ]);
  });

  it('fails the whole batch at once when the database itself failed', async () => {
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    const { group, transactions } = recorder({ failBatchWith: busy, isItemFailure: () => false });
    const settled = await Promise.allSettled([1, 2].map((n) => group.submit(n)));
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected']);
    expect(transactions).toEqual([]);
  });

  it('close commits what is queued and refuses more', async () => {
    const { group, transactions } = recorder();
    const queued = group.submit(7);
    group.close();
    expect(transactions).toEqual([[7]]);
    expect(await queued).toBe(70);
    await expect(group.submit(8)).rejects.toThrow(/closed/);
  });
  it('with an asynchronous commit, keeps one transaction in flight and batches what arrives meanwhile', async () => {
    const transactions: number[][] = [];
    let release: () => void = () => undefined;
    const group = new GroupCommit<number, number>({
      async commitBatch(items) {
        transactions.push([...items]);
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        return items.map((item) => item * 10);
      },
      commitOne: async (item) => item * 10,
      maxBatchSize: 10,
    });
    const first = group.submit(1);
    await new Promise((resolve) => setImmediate(resolve));
    // The first transaction is still committing: these wait for it, then go out together.
    const later = [2, 3, 4].map((n) => group.submit(n));
    await new Promise((resolve) => setImmediate(resolve));
    expect(transactions).toEqual([[1]]);
    release();
    expect(await first).toBe(10);
    // The next batch goes out on the turn after the first commit settled.
    for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(transactions).toEqual([[1], [2, 3, 4]]);
    release();
    expect(await Promise.all(later)).toEqual([20, 30, 40]);
    const closing = group.close();
    await expect(group.submit(5)).rejects.toThrow(/closed/);
    await closing;
    expect(group.commits).toBe(2);
  });
});
