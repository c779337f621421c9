import type { Message } from '@aftercare/shared';
import { describe, expect, it } from 'vitest';
import { applyMessage } from './conversation-list.js';
import {
  filtersFromQuery,
  filtersToQuery,
  matchesFilters,
  NO_FILTERS,
  serverFilters,
  UNASSIGNED,
} from './inbox-filters.js';
import { viewConversations, viewCounts } from './inbox-views.js';
import { emptyInbox, initialWorkspaceState } from './state.js';
import { testConversation } from './test-conversation.js';

const kettle = testConversation('k', {
  siteId: 'site-a',
  assigneeId: 'ann',
  product: { name: 'Steam Kettle', sku: 'K2-BLK' },
  awaitingReplyFrom: 'customer',
  createdAt: 1,
});
const phone = testConversation('p', {
  siteId: 'site-b',
  product: { name: '手机 屏幕', sku: 'P9' },
  awaitingReplyFrom: 'agent',
  createdAt: 2,
});

describe('inbox filters', () => {
  it('match by site, agent or unassigned, and SKU exactly or part of the name, ignoring case', () => {
    expect(matchesFilters(kettle, NO_FILTERS)).toBe(true);
    expect(matchesFilters(kettle, { ...NO_FILTERS, siteId: 'site-b' })).toBe(false);
    expect(matchesFilters(kettle, { ...NO_FILTERS, assignee: 'ann' })).toBe(true);
    expect(matchesFilters(kettle, { ...NO_FILTERS, assignee: UNASSIGNED })).toBe(false);
    expect(matchesFilters(phone, { ...NO_FILTERS, assignee: UNASSIGNED })).toBe(true);
    expect(matchesFilters(kettle, { ...NO_FILTERS, product: 'k2-blk' })).toBe(true);
    expect(matchesFilters(kettle, { ...NO_FILTERS, product: 'K2' })).toBe(false);
    expect(matchesFilters(kettle, { ...NO_FILTERS, product: ' steam ' })).toBe(true);
    expect(matchesFilters(phone, { ...NO_FILTERS, product: '屏幕' })).toBe(true);
    expect(matchesFilters(testConversation('x'), { ...NO_FILTERS, product: 'kettle' })).toBe(false);
  });

  it('become conversation:list fields and survive the URL query', () => {
    const filters = { siteId: 'site-a', assignee: UNASSIGNED, product: ' K2 ' };
    expect(serverFilters(filters)).toEqual({ siteId: 'site-a', assigneeId: null, product: 'K2' });
    expect(serverFilters(NO_FILTERS)).toEqual({});
    const query = filtersToQuery(filters, '?lang=zh');
    expect(query).toBe('?lang=zh&site=site-a&agent=unassigned&product=K2');
    expect(filtersFromQuery(query)).toEqual({ ...filters, product: 'K2' });
    expect(filtersToQuery(NO_FILTERS, query)).toBe('?lang=zh');
    expect(filtersFromQuery('')).toEqual(NO_FILTERS);
  });

  it('narrow every view and its count; the waiting view holds chats waiting on the customer', () => {
    const state = {
      ...initialWorkspaceState(null),
      lists: {
        open: { ...emptyInbox(), status: 'ready' as const, conversations: [phone, kettle] },
        resolved: emptyInbox(),
      },
    };
    expect(viewConversations(state, 'waiting').map((c) => c.id)).toEqual(['k']);
    expect(viewConversations(state, 'open').map((c) => c.id)).toEqual(['k', 'p']);
    const filtered = { ...state, filters: { ...NO_FILTERS, siteId: 'site-b' } };
    expect(viewConversations(filtered, 'open').map((c) => c.id)).toEqual(['p']);
    expect(viewCounts(filtered)).toMatchObject({ waiting: { n: 0 }, open: { n: 1 }, unassigned: { n: 1 } });
  });
});

describe('applyMessage', () => {
  const message = (seq: number, kind: 'visitor' | 'agent' | 'system', internal = false): Message => ({
    id: `m${seq}`,
    conversationId: 'c',
    clientId: `c${seq}`,
    seq,
    author: { kind, id: kind, name: null },
    text: 'hi',
    internal,
    attachments: [],
    createdAt: 100 + seq,
  });

  it("follows the server's rule for whose turn it is and the first reply", () => {
    let conversation = testConversation('c');
    conversation = applyMessage(conversation, message(1, 'visitor'));
    expect(conversation).toMatchObject({ awaitingReplyFrom: 'agent', firstReplyAt: null });
    conversation = applyMessage(conversation, message(2, 'agent', true));
    expect(conversation).toMatchObject({ awaitingReplyFrom: 'agent', firstReplyAt: null });
    conversation = applyMessage(conversation, message(3, 'agent'));
    expect(conversation).toMatchObject({ awaitingReplyFrom: 'customer', firstReplyAt: 103 });
    conversation = applyMessage(conversation, message(4, 'system'));
    expect(conversation).toMatchObject({ awaitingReplyFrom: 'customer', lastSeq: 4 });
    conversation = applyMessage(conversation, message(5, 'visitor'));
    expect(conversation).toMatchObject({ awaitingReplyFrom: 'agent', firstReplyAt: 103 });
    // An old message arriving late changes nothing.
    expect(applyMessage(conversation, message(3, 'agent'))).toBe(conversation);
  });
});
