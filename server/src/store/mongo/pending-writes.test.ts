import { describe, expect, it } from 'vitest';
import { PendingWrites } from './pending-writes.js';

describe('PendingWrites', () => {
  it('drain waits for every write in flight, including ones that fail', async () => {
    const pending = new PendingWrites();
    const order: string[] = [];
    let finish: () => void = () => {};
    const slow = pending.track(
      () =>
        new Promise<void>((resolve) => {
          finish = () => {
            order.push('write');
            resolve();
          };
        }),
    );
    const failing = pending.track(() => Promise.reject(new Error('boom')));
    const drained = pending.drain().then(() => order.push('drained'));
    await expect(failing).rejects.toThrow('boom');
    setTimeout(finish, 10);
    await Promise.all([slow, drained]);
    expect(order).toEqual(['write', 'drained']);
  });

  it('refuses new writes once draining started', async () => {
    const pending = new PendingWrites();
    await pending.drain();
    let started = false;
    await expect(
      pending.track(async () => {
        started = true;
      }),
    ).rejects.toMatchObject({ code: 'SHUTTING_DOWN' });
    expect(started).toBe(false);
  });
});
