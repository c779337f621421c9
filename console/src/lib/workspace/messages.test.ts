import type { Message } from '@aftercare/shared';
import { describe, expect, it } from 'vitest';
import {
  gapBefore,
  heldThrough,
  mergeMessages,
  olderPageMessages,
  olderPageRequest,
  settleOutbox,
} from './messages.js';
import { loadingConversation, type PendingMessage } from './state.js';

const message = (seq: number, clientId = `c${seq}`): Message => ({
  id: `m${seq}`,
  conversationId: 'conv',
  clientId,
  seq,
  author: { kind: 'visitor', id: 'cust', name: null },
  text: `text ${seq}`,
  internal: false,
  attachments: [],
  createdAt: seq * 1000,
});

const pending = (clientId: string): PendingMessage => ({
  clientId,
  conversationId: 'conv',
  text: 'hi',
  createdAt: 0,
  status: 'sending',
});

describe('mergeMessages', () => {
  it('keeps each seq once, in order, whichever path delivered it', () => {
    const merged = mergeMessages([message(1), message(3)], [message(3), message(2), message(4)]);
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
  });

  it('returns the same array when nothing is new, so views do not re-render', () => {
    const current = [message(1), message(2)];
    expect(mergeMessages(current, [message(2)])).toBe(current);
    expect(mergeMessages(current, [])).toBe(current);
  });
});

describe('settleOutbox', () => {
  it('drops pending replies whose clientId was stored', () => {
    const outbox = [pending('a'), pending('b')];
    expect(settleOutbox(outbox, [message(7, 'a')]).map((p) => p.clientId)).toEqual(['b']);
    expect(settleOutbox(outbox, [message(8, 'zzz')])).toBe(outbox);
  });
});

describe('older history paging', () => {
  it('asks for the window just before the oldest message held', () => {
    expect(olderPageRequest(201, 50)).toEqual({ afterSeq: 150, limit: 50 });
    expect(olderPageRequest(30, 50)).toEqual({ afterSeq: 0, limit: 50 });
  });

  it('keeps only messages older than the oldest held', () => {
    const page = [message(151), message(200), message(201), message(202)];
    expect(olderPageMessages(page, 201).map((m) => m.seq)).toEqual([151, 200]);
  });
});

describe('heldThrough', () => {
  it('is the end of the run of consecutive sequences from where the server vouched for the view', () => {
    expect(heldThrough([], 0)).toBe(0);
    // The agent's own ack (4) overtook another process's broadcast of the shopper's message (3).
    expect(heldThrough([message(1), message(2), message(4)], 0)).toBe(2);
    expect(heldThrough([message(1), message(2), message(4)], 3)).toBe(4);
    // A newest page opened at 51: everything from its start up to the open's lastSeq is held.
    expect(heldThrough([message(51), message(52), message(54)], 52)).toBe(52);
    expect(heldThrough([message(1)], 9)).toBe(9);
  });
});

describe('gapBefore', () => {
  const ready = (seqs: number[], syncedSeq: number) => ({
    ...loadingConversation('conv'),
    status: 'ready' as const,
    messages: seqs.map((seq) => message(seq)),
    syncedSeq,
  });

  it('says a message of the open conversation is missing before a live one', () => {
    expect(gapBefore(ready([1, 2, 4], 2), 'conv', 4)).toBe(true);
    expect(gapBefore(ready([1, 2, 3, 4], 2), 'conv', 4)).toBe(false);
    expect(gapBefore(ready([1, 2], 2), 'conv', 2)).toBe(false);
  });

  it('ignores other conversations and a view still loading', () => {
    expect(gapBefore(ready([1, 2, 4], 2), 'other', 4)).toBe(false);
    expect(gapBefore({ ...ready([1, 2, 4], 0), status: 'loading' }, 'conv', 4)).toBe(false);
    expect(gapBefore(null, 'conv', 4)).toBe(false);
  });
});
