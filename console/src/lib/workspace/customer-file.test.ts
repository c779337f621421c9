import type { Conversation, Customer } from '@aftercare/shared';
import { describe, expect, it } from 'vitest';
import { applyConversationToFile, applyCustomer, fileConversations } from './customer-file.js';
import { initialWorkspaceState, loadingConversation, type WorkspaceState } from './state.js';
import { testConversation } from './test-conversation.js';

const customer: Customer = { id: 'cu1', siteId: 's', tenantId: 't', tier: 'standard', createdAt: 1, updatedAt: 1 };

function conversation(id: string, createdAt: number, overrides: Partial<Conversation> = {}): Conversation {
  return testConversation(id, { customerId: 'cu1', status: 'resolved', createdAt, updatedAt: createdAt, ...overrides });
}

function withFile(conversations: Conversation[]): WorkspaceState {
  return {
    ...initialWorkspaceState(null),
    customers: { cu1: customer },
    active: { ...loadingConversation('c2'), status: 'ready', customer },
    customerFile: { customerId: 'cu1', status: 'ready', conversations, productsMentioned: [] },
  };
}

describe('customer file state', () => {
  it('applies a newer profile everywhere and ignores an older one', () => {
    const renamed = { ...customer, name: 'Li Lei', updatedAt: 5 };
    const state = applyCustomer(withFile([]), renamed);
    expect(state.customers.cu1).toEqual(renamed);
    expect(state.active?.customer).toEqual(renamed);
    expect(applyCustomer(state, { ...customer, name: 'Old', updatedAt: 2 })).toBe(state);
  });

  it("inserts the customer's conversations newest first, replaces changed ones, ignores others'", () => {
    const state = withFile([conversation('c2', 20), conversation('c1', 10)]);
    const added = applyConversationToFile(state, conversation('c3', 30, { status: 'open' }));
    expect(added.customerFile?.conversations.map((item) => item.id)).toEqual(['c3', 'c2', 'c1']);
    const changed = applyConversationToFile(added, conversation('c1', 10, { status: 'open', updatedAt: 40 }));
    expect(changed.customerFile?.conversations.map((item) => item.status)).toEqual(['open', 'resolved', 'open']);
    expect(applyConversationToFile(state, conversation('x', 50, { customerId: 'other' }))).toBe(state);
  });

  it('shows the freshest copy the workspace holds of each conversation', () => {
    const state = withFile([conversation('c2', 20, { status: 'open' })]);
    const resolved = conversation('c2', 20, { status: 'resolved', updatedAt: 30 });
    const withActive = { ...state, active: state.active && { ...state.active, conversation: resolved } };
    expect(fileConversations(withActive)).toEqual([resolved]);
  });
});
