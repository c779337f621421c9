import type { Agent, Conversation, Message } from '@aftercare/shared';
import { describe, expect, it } from 'vitest';
import { assignmentAlert, messageAlert } from './alerts.js';
import { learnFromMessages, storeConversation } from './context.js';
import { initialWorkspaceState } from './state.js';
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

const conversation = (assigneeId: string | null, extra: Partial<Conversation> = {}): Conversation =>
  testConversation('c1', {
    customerId: 'cust',
    assigneeId,
    lastSeq: 1,
    visitorReceipts: { deliveredSeq: 1, readSeq: 1 },
    createdAt: 1,
    updatedAt: 1,
    ...extra,
  });

const message = (kind: 'visitor' | 'agent', extra: Partial<Message> = {}): Message => ({
  id: 'm',
  conversationId: 'c1',
  clientId: 'x',
  seq: 2,
  author: { kind, id: kind === 'agent' ? 'me' : 'cust', name: kind === 'agent' ? 'Me' : 'Li' },
  text: 'hi',
  internal: false,
  attachments: [],
  createdAt: 2,
  ...extra,
});

describe('assignmentAlert', () => {
  it('rings once when a chat becomes mine, not when it stays mine or is somebody else’s', () => {
    const empty = initialWorkspaceState(me);
    expect(assignmentAlert(empty, conversation('me'))).toEqual({ kind: 'assigned', conversationId: 'c1' });
    expect(assignmentAlert(empty, conversation('bob'))).toBeNull();
    const held = storeConversation(empty, conversation('me'));
    expect(assignmentAlert(held, conversation('me', { updatedAt: 5 }))).toBeNull();
    expect(assignmentAlert(empty, conversation('me', { status: 'resolved' }))).toBeNull();
  });
});

describe('messageAlert', () => {
  it('rings for shopper messages in my chats only, never for agents’ messages', () => {
    const state = storeConversation(initialWorkspaceState(me), conversation('me'));
    expect(messageAlert(state, message('visitor'))?.kind).toBe('message');
    expect(messageAlert(state, message('agent'))).toBeNull();
    const theirs = storeConversation(initialWorkspaceState(me), conversation('bob'));
    expect(messageAlert(theirs, message('visitor'))).toBeNull();
  });
});

describe('learnFromMessages', () => {
  it('learns agent names and replies; internal notes are not replies', () => {
    const state = initialWorkspaceState(me);
    const noted = learnFromMessages(
      state,
      'c1',
      [message('agent', { internal: true, author: { kind: 'agent', id: 'bob', name: 'Bob' } })],
      true,
    );
    expect(noted.agentNames.bob).toBe('Bob');
    expect(noted.agentReplied.c1).toBe(false);
    expect(learnFromMessages(noted, 'c1', [message('agent')], false).agentReplied.c1).toBe(true);
    expect(learnFromMessages(state, 'c1', [message('visitor')], false)).toBe(state);
  });
});
