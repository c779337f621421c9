import { describe, expect, it } from 'vitest';
import { createDraftStorage } from './draft-storage.js';
import { createOutboxStorage } from './outbox-storage.js';
import type { PendingMessage } from './state.js';
import { controlledWorkspace } from './test-socket.js';
import { memoryStorage } from './test-storage.js';

const pending = (clientId: string, text: string, status: PendingMessage['status'] = 'sending'): PendingMessage => ({
  clientId,
  conversationId: 'conv-a',
  text,
  createdAt: 1,
  status,
});

/** A workspace of agent-1 over `storage` (the tab's sessionStorage), its outbox and drafts kept there. */
function testWorkspace(storage: Storage) {
  return controlledWorkspace({
    outbox: createOutboxStorage(storage, 'agent-1'),
    drafts: createDraftStorage(storage, 'agent-1'),
  });
}

/** Lets the workspace's awaited answers run on. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('unsent work', () => {
  it('counts the replies still sending or failed and the drafts with text', () => {
    const storage = memoryStorage();
    createOutboxStorage(storage, 'agent-1').save([
      pending('c-1', 'Still sending'),
      pending('c-2', 'Refused', 'failed'),
    ]);
    const { workspace } = testWorkspace(storage);
    expect(workspace.unsentWork()).toEqual({ replies: 2, drafts: 0 });

    workspace.setDraft('conv-a', 'A courier comes on Monday', false);
    workspace.setDraft('conv-b', 'Second leak this month', true);
    // Spaces, and a note-mode composer with nothing typed, are no work.
    workspace.setDraft('conv-c', '  \n', false);
    workspace.setDraft('conv-d', '', true);
    expect(workspace.unsentWork()).toEqual({ replies: 2, drafts: 2 });
    workspace.dispose();
  });

  it('discards the outbox and the drafts from memory and from the tab’s storage', () => {
    const storage = memoryStorage();
    createOutboxStorage(storage, 'agent-1').save([pending('c-1', 'Still sending')]);
    createDraftStorage(storage, 'agent-1').save({ 'conv-b': { text: 'Stored before', note: false, editedAt: 1 } });
    // A colleague's work in the same tab is theirs: not touched.
    createDraftStorage(storage, 'agent-2').save({ 'conv-b': { text: 'Not mine', note: true, editedAt: 1 } });
    const { workspace } = testWorkspace(storage);
    workspace.setDraft('conv-a', 'Typed just now', true);
    expect(workspace.unsentWork()).toEqual({ replies: 1, drafts: 2 });

    workspace.discardUnsent();
    expect(workspace.unsentWork()).toEqual({ replies: 0, drafts: 0 });
    expect(workspace.store.get().outbox).toEqual([]);
    expect(workspace.store.get().drafts).toEqual({});
    workspace.dispose();

    const keys = Array.from({ length: storage.length }, (_, index) => storage.key(index));
    expect(keys).toEqual(['aftercare:console-draft:agent-2:conv-b']);
    const again = testWorkspace(storage);
    expect(again.workspace.unsentWork()).toEqual({ replies: 0, drafts: 0 });
    again.workspace.dispose();
  });

  it('sends nothing it discarded, not even the rest of a resend that was under way', async () => {
    const storage = memoryStorage();
    createOutboxStorage(storage, 'agent-1').save([pending('c-1', 'First'), pending('c-2', 'Second')]);
    const { workspace, replies, connect } = testWorkspace(storage);

    // Connected: the outbox is resent one reply at a time; the first is on the wire.
    connect();
    await settle();
    expect(replies().map(({ payload }) => payload.clientId)).toEqual(['c-1']);

    workspace.discardUnsent();
    // The first one's answer comes (it was already sent); the resend must not go on to the second.
    replies()[0]?.answer({ error: { code: 'OFFLINE', message: 'not connected' } });
    await settle();
    expect(replies()).toHaveLength(1);

    // Nor does the next connect send anything.
    connect();
    await settle();
    expect(replies()).toHaveLength(1);
    expect(workspace.unsentWork()).toEqual({ replies: 0, drafts: 0 });
    workspace.dispose();
  });
});
