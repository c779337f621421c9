import type { Conversation } from '@aftercare/shared';
import { describe, expect, it } from 'vitest';
import { applyMessageToList, isUnread, latestConversation, upsertConversation } from './conversation-list.js';
import { testConversation } from './test-conversation.js';

const conversation = (id: string, updatedAt: number, extra: Partial<Conversation> = {}): Conversation =>
  testConversation(id, { updatedAt, ...extra });

describe('upsertConversation', () => {
  it('inserts newest first and replaces an existing copy', () => {
    let list = upsertConversation([], conversation('a', 1), 'open');
    list = upsertConversation(list, conversation('b', 2), 'open');
    list = upsertConversation(list, conversation('a', 3), 'open');
    expect(list.map((c) => [c.id, c.updatedAt])).toEqual([
      ['a', 3],
      ['b', 2],
    ]);
  });

  it('removes a conversation that left the tab', () => {
    const list = [conversation('a', 1), conversation('b', 2)];
    const next = upsertConversation(list, conversation('a', 5, { status: 'resolved' }), 'open');
    expect(next.map((c) => c.id)).toEqual(['b']);
  });

  it('never lets a late, older copy overwrite a newer one', () => {
    const list = [conversation('a', 5, { lastSeq: 4 })];
    expect(upsertConversation(list, conversation('a', 3, { lastSeq: 2 }), 'open')[0]?.lastSeq).toBe(4);
  });
});

describe('applyMessageToList', () => {
  it('moves the conversation up and counts the message', () => {
    const list = [conversation('a', 5), conversation('b', 1)];
    const next = applyMessageToList(list, {
      id: 'm',
      conversationId: 'b',
      clientId: 'c',
      seq: 3,
      author: { kind: 'visitor', id: 'x', name: null },
      text: 'hi',
      internal: false,
      attachments: [],
      createdAt: 9,
    });
    expect(next.map((c) => c.id)).toEqual(['b', 'a']);
    expect(next[0] && isUnread(next[0])).toBe(true);
  });
});

describe('latestConversation', () => {
  it('prefers the copy with more receipt progress at the same time', () => {
    const a = conversation('a', 5, { lastSeq: 3 });
    const b = conversation('a', 5, { lastSeq: 3, agentReceipts: { deliveredSeq: 3, readSeq: 3 } });
    expect(latestConversation(a, b)).toBe(b);
    expect(latestConversation(b, a)).toBe(b);
  });
});
