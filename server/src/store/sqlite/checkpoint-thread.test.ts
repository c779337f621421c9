import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { CheckpointThread } from './checkpoint-thread.js';

it('warns when the checkpoint thread cannot work, leaving the writers their own checkpoints', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'aftercare-checkpoint-'));
  try {
    // A directory is no database: the thread's connection fails to open and the thread ends.
    const warned = once(process, 'warning');
    const thread = new CheckpointThread({ file: dir });
    const [warning] = (await warned) as [Error];
    expect(warning.message).toMatch(/checkpoint thread stopped \(SQLITE_CANTOPEN\); commits checkpoint from now on/);
    await thread.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
