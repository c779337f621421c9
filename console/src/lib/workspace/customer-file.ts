import type { Conversation, Customer, CustomerFile, CustomerUpdatePayload, ProductContext } from '@aftercare/shared';
import { type RequestResult, request } from '../agent-socket.js';
import type { WorkspaceContext } from './context.js';
import { withCustomers } from './inbox-actions.js';
import type { WorkspaceState } from './state.js';

/**
 * The customer file (客户档案) beside the open conversation. The profile itself lives in
 * `WorkspaceState.customers` (one copy, so the inbox, header and file always agree); this holds the
 * rest of the file.
 */
export interface CustomerFileState {
  customerId: string;
  status: 'loading' | 'ready' | 'error';
  /** Every conversation of the customer, newest first. */
  conversations: Conversation[];
  productsMentioned: ProductContext[];
}

/** The server's answer to a profile edit. */
export type CustomerUpdateResult = RequestResult<{ customer: Customer }>;

/** Loads the file of `customerId` (keeping what is shown while a reload of the same file runs). */
export async function loadCustomerFile(ctx: WorkspaceContext, customerId: string): Promise<void> {
  ctx.store.set((state) => {
    const current = state.customerFile;
    if (current?.customerId === customerId)
      return { ...state, customerFile: { ...current, status: current.status === 'ready' ? 'ready' : 'loading' } };
    return { ...state, customerFile: { customerId, status: 'loading', conversations: [], productsMentioned: [] } };
  });
  const res = await request(ctx.socket, 'customer:get', { customerId });
  ctx.store.set((state) => {
    const current = state.customerFile;
    if (current?.customerId !== customerId) return state;
    // Offline: keep what is shown; the next connect reloads it.
    if ('error' in res)
      return res.error.code === 'OFFLINE' ? state : { ...state, customerFile: { ...current, status: 'error' } };
    return {
      ...applyCustomer(state, res.data.customer),
      customerFile: fileOf(res.data),
    };
  });
}

function fileOf({ customer, conversations, productsMentioned }: CustomerFile): CustomerFileState {
  return { customerId: customer.id, status: 'ready', conversations, productsMentioned };
}

/**
 * Saves an edit of the profile and shows the result everywhere at once. Resolves with the server's
 * answer so the form can show which field was refused.
 */
export async function updateCustomer(
  ctx: WorkspaceContext,
  payload: CustomerUpdatePayload,
): Promise<CustomerUpdateResult> {
  const res = await request(ctx.socket, 'customer:update', payload);
  if ('data' in res) ctx.store.set((state) => applyCustomer(state, res.data.customer));
  return res;
}

/** A fresh copy of a customer, wherever it is shown; older copies (by `updatedAt`) are ignored. */
export function applyCustomer(state: WorkspaceState, customer: Customer): WorkspaceState {
  const known = state.customers[customer.id];
  if (known && known.updatedAt > customer.updatedAt) return state;
  const active = state.active?.customer?.id === customer.id ? { ...state.active, customer } : state.active;
  return { ...state, customers: withCustomers(state.customers, [customer]), active };
}

/** Puts a new or changed conversation of the file's customer into the file, newest first. */
export function applyConversationToFile(state: WorkspaceState, conversation: Conversation): WorkspaceState {
  const file = state.customerFile;
  if (!file || file.customerId !== conversation.customerId) return state;
  const others = file.conversations.filter((item) => item.id !== conversation.id);
  const conversations = [...others, conversation].sort((a, b) => b.createdAt - a.createdAt);
  return { ...state, customerFile: { ...file, conversations } };
}

/** Keeps the file live: profile edits from other consoles, and the customer's conversations. */
export function bindCustomerFileEvents(ctx: WorkspaceContext): () => void {
  const { socket, store } = ctx;
  const onCustomer = ({ customer }: { customer: Customer }) => store.set((state) => applyCustomer(state, customer));
  const onConversation = ({ conversation }: { conversation: Conversation }) =>
    store.set((state) => applyConversationToFile(state, conversation));
  // A new chat may be about a new product: the list of products is the server's to compute.
  const onCreated = ({ conversation }: { conversation: Conversation }) => {
    if (store.get().customerFile?.customerId === conversation.customerId)
      void loadCustomerFile(ctx, conversation.customerId);
  };
  const onConnect = () => {
    const file = store.get().customerFile;
    if (file) void loadCustomerFile(ctx, file.customerId);
  };
  socket.on('customer:updated', onCustomer);
  socket.on('conversation:updated', onConversation);
  socket.on('conversation:created', onCreated);
  socket.on('connect', onConnect);
  return () => {
    socket.off('customer:updated', onCustomer);
    socket.off('conversation:updated', onConversation);
    socket.off('conversation:created', onCreated);
    socket.off('connect', onConnect);
  };
}

/**
 * The file's conversations, each in the freshest copy the workspace holds: the console's own
 * resolve or reopen is answered in its ack, not broadcast back, so the inbox may know better.
 */
export function fileConversations(state: WorkspaceState): Conversation[] {
  const file = state.customerFile;
  if (!file) return [];
  const known = new Map<string, Conversation>();
  for (const list of Object.values(state.lists)) for (const item of list.conversations) known.set(item.id, item);
  if (state.active?.conversation) known.set(state.active.conversation.id, state.active.conversation);
  return file.conversations.map((item) => {
    const other = known.get(item.id);
    return other && other.updatedAt >= item.updatedAt ? other : item;
  });
}
