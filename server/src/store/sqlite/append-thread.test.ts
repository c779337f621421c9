import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { type AppendRow, AppendThread } from './append-thread.js';

const row = {
  id: 'm1',
  conversation_id: 'c1',
  tenant_id: 't1',
  client_id: 'k1',
  author_type: 'visitor',
  author_id: 'v1',
  body: 'hello',
  created_at: 0,
} as unknown as AppendRow;

it('a thread that cannot open the database fails every append with the reason, at once', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'aftercare-append-'));
  // A directory is no database: the thread's connection fails to open and the thread ends.
  const statements = { selectConversation: '', selectByClientId: '', insert: '', bumpConversation: '' };
  const thread = new AppendThread({ file: dir, busyTimeoutMs: 10, walKeepBytes: -1, statements });
  try {
    const failure = { name: 'Error', code: 'SQLITE_CANTOPEN', message: 'SQLITE_CANTOPEN' };
    await expect(thread.commitOne(row)).rejects.toMatchObject(failure);
    // Later appends fail at once with the same reason rather than waiting on a dead thread.
    await expect(thread.commitBatch([row])).rejects.toMatchObject(failure);
  } finally {
    await thread.close();
    await rm(dir, { recursive: true, force: true });
  }
});
