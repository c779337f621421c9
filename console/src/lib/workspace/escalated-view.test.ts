import type { Agent } from '@aftercare/shared';
import { describe, expect, it } from 'vitest';
import { viewConversations, viewCounts, visibleViews } from './inbox-views.js';
import { initialWorkspaceState, type WorkspaceState } from './state.js';
import { testConversation } from './test-conversation.js';

const agent = (role: Agent['role']): Agent => ({
  id: 'me',
  tenantId: 't',
  email: 'me@x.test',
  name: 'Me',
  role,
  active: true,
  avatarUrl: null,
  createdAt: 0,
});

function stateWith(role: Agent['role']): WorkspaceState {
  const state = initialWorkspaceState(agent(role));
  const open = [
    testConversation('calm', { createdAt: 3 }),
    testConversation('late', { createdAt: 2, escalateAt: 5, escalatedAt: 6 }),
    testConversation('later', { createdAt: 1, escalateAt: 4, escalatedAt: 7, assigneeId: 'bob' }),
  ];
  return {
    ...state,
    lists: {
      open: { status: 'ready', conversations: open, hasMore: false, loadingMore: false },
      resolved: { status: 'ready', conversations: [], hasMore: false, loadingMore: false },
    },
  };
}

describe('the Escalated view', () => {
  it('holds the open chats escalated to supervisors, oldest waiting first', () => {
    const state = stateWith('supervisor');
    expect(viewConversations(state, 'escalated').map((c) => c.id)).toEqual(['later', 'late']);
    expect(viewCounts(state).escalated).toEqual({ n: 2, more: false });
  });

  it('is a tab for supervisors and admins only', () => {
    expect(visibleViews(agent('supervisor'))).toContain('escalated');
    expect(visibleViews(agent('admin'))).toContain('escalated');
    expect(visibleViews(agent('agent'))).not.toContain('escalated');
    expect(visibleViews(agent('agent'))).toEqual(['unassigned', 'mine', 'waiting', 'open', 'resolved']);
    expect(visibleViews(null)).not.toContain('escalated');
  });
});
