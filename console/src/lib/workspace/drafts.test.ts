import { LIMITS } from '@aftercare/shared';
import { describe, expect, it } from 'vitest';
import { createDraftStorage } from './draft-storage.js';
import { draftedSelector, MAX_DRAFTS, putDraft, type ReplyDrafts } from './drafts.js';
import { controlledWorkspace } from './test-socket.js';
import { memoryStorage } from './test-storage.js';

/** A workspace whose socket answers nothing (replies stay "sending"), its drafts in `storage` if given. */
function testWorkspace(storage?: Storage, agentId = 'agent-1') {
  const { workspace, sent } = controlledWorkspace(storage ? { drafts: createDraftStorage(storage, agentId) } : {});
  const drafts = () => workspace.store.get().drafts;
  return { workspace, sent, drafts };
}

describe('drafts in the workspace', () => {
  it('keeps a draft per conversation, with its mode', () => {
    const { workspace, drafts } = testWorkspace();
    workspace.setDraft('conv-a', 'We will send a courier', false);
    workspace.setDraft('conv-b', 'Second leak this month', true);
    workspace.openConversation('conv-b');
    workspace.openConversation('conv-a');
    expect(drafts()['conv-a']).toMatchObject({ text: 'We will send a courier', note: false });
    expect(drafts()['conv-b']).toMatchObject({ text: 'Second leak this month', note: true });
    workspace.dispose();
  });

  it('empties the draft of the conversation a reply or note was sent from, and only when it was sent', () => {
    const { workspace, sent, drafts } = testWorkspace();
    workspace.setDraft('conv-a', 'We will send a courier', false);
    workspace.setDraft('conv-b', 'Second leak this month', true);

    workspace.sendReply('conv-b', 'Second leak this month', true);
    expect(sent.map(({ event, payload }) => [event, payload.text])).toEqual([['note:add', 'Second leak this month']]);
    // The text is gone; the conversation stays in note mode, as the composer always did after a note.
    expect(drafts()['conv-b']).toMatchObject({ text: '', note: true });
    expect(drafts()['conv-a']?.text).toBe('We will send a courier');

    // Too long to send: nothing goes out, and nothing typed is lost.
    const tooLong = 'x'.repeat(LIMITS.messageText + 1);
    workspace.setDraft('conv-a', tooLong, false);
    workspace.sendReply('conv-a', tooLong);
    expect(sent).toHaveLength(1);
    expect(drafts()['conv-a']?.text).toBe(tooLong);

    workspace.setDraft('conv-a', 'We will send a courier', false);
    workspace.sendReply('conv-a', 'We will send a courier');
    expect(sent.map(({ event }) => event)).toEqual(['note:add', 'message:send']);
    // An empty reply is no draft at all.
    expect(drafts()['conv-a']).toBeUndefined();
    workspace.dispose();
  });

  it('finds the drafts again in a new workspace of the same agent, never in another agent’s', () => {
    const storage = memoryStorage();
    const first = testWorkspace(storage);
    first.workspace.setDraft('conv-a', 'We will send a courier', false);
    first.workspace.setDraft('conv-b', 'Second leak this month', true);
    first.workspace.setDraft('conv-c', '  \n', false);
    first.workspace.dispose();

    const again = testWorkspace(storage);
    expect(again.drafts()).toEqual({
      'conv-a': { text: 'We will send a courier', note: false, editedAt: 1 },
      'conv-b': { text: 'Second leak this month', note: true, editedAt: 2 },
    });
    again.workspace.sendReply('conv-a', 'We will send a courier');
    again.workspace.dispose();
    expect(Object.keys(testWorkspace(storage).drafts())).toEqual(['conv-b']);

    expect(testWorkspace(storage, 'agent-2').drafts()).toEqual({});
  });
});

describe('putDraft', () => {
  const draft = (text: string, editedAt: number, note = false) => ({ text, note, editedAt });

  it('answers the same map when only the time changed, and drops an emptied reply', () => {
    const drafts = putDraft({}, 'conv-a', draft('Hello', 1));
    expect(putDraft(drafts, 'conv-a', draft('Hello', 2))).toBe(drafts);
    expect(putDraft(drafts, 'conv-a', draft('', 3))).toEqual({});
    expect(putDraft(drafts, 'conv-a', draft('', 3, true))).toEqual({ 'conv-a': draft('', 3, true) });
    expect(putDraft({}, 'conv-a', draft('', 1))).toEqual({});
  });

  it('keeps the most recently edited drafts', () => {
    let drafts: ReplyDrafts = {};
    for (let i = 0; i < MAX_DRAFTS; i++) drafts = putDraft(drafts, `conv-${i}`, draft('text', i));
    drafts = putDraft(drafts, 'conv-0', draft('edited again', MAX_DRAFTS));
    drafts = putDraft(drafts, 'conv-new', draft('text', MAX_DRAFTS + 1));
    expect(Object.keys(drafts)).toHaveLength(MAX_DRAFTS);
    expect(drafts['conv-0']?.text).toBe('edited again');
    expect(drafts['conv-1']).toBeUndefined();
    expect(drafts['conv-new']).toBeDefined();
  });
});

describe('draftedSelector', () => {
  it('gives back the same set while the agent types, a new one when a draft appears or goes', () => {
    const { workspace } = testWorkspace();
    const select = draftedSelector();
    const before = select(workspace.store.get());
    workspace.setDraft('conv-a', ' ', false);
    expect(select(workspace.store.get())).toBe(before);
    workspace.setDraft('conv-a', ' H', false);
    const typing = select(workspace.store.get());
    expect([...typing]).toEqual(['conv-a']);
    workspace.setDraft('conv-a', ' Hello', false);
    expect(select(workspace.store.get())).toBe(typing);
    workspace.sendReply('conv-a', ' Hello');
    expect(select(workspace.store.get()).size).toBe(0);
    workspace.dispose();
  });
});
