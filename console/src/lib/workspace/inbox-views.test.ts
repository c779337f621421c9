import type { Agent, Conversation } from '@aftercare/shared';
import { describe, expect, it } from 'vitest';
import { firstReplyState, neighbourConversation, viewConversations, viewCounts } from './inbox-views.js';
import { initialWorkspaceState, loadingConversation, type WorkspaceState } from './state.js';
import { testConversation } from './test-conversation.js';

const me: Agent = {
  id: 'me',
  tenantId: 't',
  email: 'me@x.test',
  name: 'Me',
  role: 'agent',
  active: true,
  avatarUrl: null,
  createdAt: 0,
};

const conversation = (id: string, createdAt: number, extra: Partial<Conversation> = {}): Conversation =>
  testConversation(id, {
    lastSeq: 1,
    visitorReceipts: { deliveredSeq: 1, readSeq: 1 },
    createdAt,
    updatedAt: 1_000 - createdAt, // the newest activity is not the oldest waiting
    ...extra,
  });

function stateWith(open: Conversation[], resolved: Conversation[] = [], hasMore = false): WorkspaceState {
  const state = initialWorkspaceState(me);
  return {
    ...state,
    lists: {
      open: { status: 'ready', conversations: open, hasMore, loadingMore: false },
      resolved: { status: 'ready', conversations: resolved, hasMore: false, loadingMore: false },
    },
  };
}

const open = [
  conversation('queued-late', 30),
  conversation('mine', 20, { assigneeId: 'me' }),
  conversation('queued-early', 10),
  conversation('theirs', 5, { assigneeId: 'bob' }),
];

describe('inbox views', () => {
  it('cuts the open list into Unassigned, Mine and All open, oldest waiting first', () => {
    const state = stateWith(open);
    expect(viewConversations(state, 'unassigned').map((c) => c.id)).toEqual(['queued-early', 'queued-late']);
    expect(viewConversations(state, 'mine').map((c) => c.id)).toEqual(['mine']);
    expect(viewConversations(state, 'open').map((c) => c.id)).toEqual([
      'theirs',
      'queued-early',
      'mine',
      'queued-late',
    ]);
  });

  it('counts every view and marks lower bounds', () => {
    const counts = viewCounts(stateWith(open, [conversation('done', 1, { status: 'resolved' })], true));
    expect(counts.unassigned).toEqual({ n: 2, more: true });
    expect(counts.mine).toEqual({ n: 1, more: true });
    expect(counts.open).toEqual({ n: 4, more: true });
    expect(counts.resolved).toEqual({ n: 1, more: false });
  });

  it('steps to the next and previous row of the view, starting at an end', () => {
    const state = stateWith(open);
    expect(neighbourConversation(state, 'unassigned', 1)?.id).toBe('queued-early');
    expect(neighbourConversation(state, 'unassigned', -1)?.id).toBe('queued-late');
    const onEarly: WorkspaceState = { ...state, active: loadingConversation('queued-early') };
    expect(neighbourConversation(onEarly, 'unassigned', 1)?.id).toBe('queued-late');
    expect(neighbourConversation(onEarly, 'unassigned', -1)).toBeNull();
  });
});

describe('firstReplyState', () => {
  it('is waiting while no agent message was ever stored (the agents’ delivered marker is 0)', () => {
    expect(firstReplyState(conversation('a', 1), {})).toBe('waiting');
  });

  it("trusts the server's firstReplyAt, even once an agent read the chat", () => {
    const read = conversation('a', 1, { agentReceipts: { deliveredSeq: 1, readSeq: 1 } });
    expect(firstReplyState(read, {})).toBe('waiting');
    expect(firstReplyState({ ...read, firstReplyAt: 5 }, {})).toBe('replied');
  });

  it('without firstReplyAt (an older server) does not guess once an agent read or wrote, unless this console saw the history', () => {
    const { firstReplyAt: _, ...withoutField } = conversation('a', 1, {
      agentReceipts: { deliveredSeq: 1, readSeq: 1 },
    });
    const read = withoutField as Conversation;
    expect(firstReplyState(read, {})).toBe('unknown');
    expect(firstReplyState(read, { a: false })).toBe('waiting');
    expect(firstReplyState(read, { a: true })).toBe('replied');
  });
});
