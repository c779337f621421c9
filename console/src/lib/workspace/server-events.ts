import type { Receipts, ReceiptUpdatedEvent } from '@aftercare/shared';
import { assignmentAlert, messageAlert } from './alerts.js';
import { mapConversation, storeConversation, storeMessage, type WorkspaceContext } from './context.js';
import { syncActive } from './conversation-actions.js';
import { withCustomers } from './inbox-actions.js';
import { gapBefore } from './messages.js';
import { presenceChanged } from './presence-actions.js';

/** How long a shopper's "typing" stays shown without a refresh, in case `typing: false` is lost. */
const TYPING_TIMEOUT_MS = 8_000;
/**
 * How long a gap before a live message of the open conversation may fill by itself (a broadcast
 * relayed by another server process) before a sync fetches what is missing.
 */
const GAP_SYNC_MS = 1_000;

const EVENTS = [
  'session:ready',
  'conversation:created',
  'conversation:updated',
  'message:created',
  'typing:changed',
  'receipt:updated',
  'presence:changed',
] as const;

/**
 * Subscribes the workspace to the live events of the agent namespace and returns the unsubscribe.
 * Every handler only updates the store (and raises alerts); the views follow from there.
 */
export function bindServerEvents(ctx: WorkspaceContext): () => void {
  const { socket, store } = ctx;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  let gapTimer: ReturnType<typeof setTimeout> | undefined;
  const clearTyping = () => {
    clearTimeout(typingTimer);
    store.set((state) =>
      state.active?.visitorTyping ? { ...state, active: { ...state.active, visitorTyping: null } } : state,
    );
  };

  socket.on('session:ready', ({ agent }) =>
    store.set((state) => ({ ...state, agent, agentNames: { ...state.agentNames, [agent.id]: agent.name } })),
  );

  socket.on('conversation:created', ({ conversation, customer }) => {
    const alert = assignmentAlert(store.get(), conversation);
    store.set((state) =>
      storeConversation({ ...state, customers: withCustomers(state.customers, [customer]) }, conversation),
    );
    if (alert) ctx.alert(alert);
  });

  socket.on('conversation:updated', ({ conversation }) => {
    const alert = assignmentAlert(store.get(), conversation);
    store.set((state) => storeConversation(state, conversation));
    if (alert) ctx.alert(alert);
  });

  socket.on('message:created', ({ message }) => {
    if (message.author.kind === 'visitor' && store.get().active?.id === message.conversationId) clearTyping();
    const alert = messageAlert(store.get(), message);
    store.set((state) => {
      const next = storeMessage(state, message);
      // Only the shopper's new messages are announced; the agent's own echo would be noise.
      if (next.active?.id !== message.conversationId || message.author.kind !== 'visitor') return next;
      return { ...next, active: { ...next.active, lastIncoming: message } };
    });
    if (alert) ctx.alert(alert);
    const { conversationId, seq } = message;
    if (gapBefore(store.get().active, conversationId, seq)) {
      clearTimeout(gapTimer);
      gapTimer = setTimeout(() => {
        if (gapBefore(store.get().active, conversationId, seq)) void syncActive(ctx);
      }, GAP_SYNC_MS);
    }
  });

  socket.on('typing:changed', ({ conversationId, author, typing }) => {
    // A colleague typing tells us their name, which the protocol offers nowhere else yet.
    if (author.kind === 'agent' && author.name) {
      const name = author.name;
      store.set((state) =>
        state.agentNames[author.id] === name
          ? state
          : { ...state, agentNames: { ...state.agentNames, [author.id]: name } },
      );
    }
    if (author.kind !== 'visitor' || store.get().active?.id !== conversationId) return;
    if (!typing) return clearTyping();
    clearTimeout(typingTimer);
    typingTimer = setTimeout(clearTyping, TYPING_TIMEOUT_MS);
    store.set((state) =>
      state.active ? { ...state, active: { ...state.active, visitorTyping: author.name ?? '' } } : state,
    );
  });

  socket.on('receipt:updated', (event) => store.set((state) => applyReceipts(state, event)));

  socket.on('presence:changed', ({ presence }) => presenceChanged(ctx, presence));

  return () => {
    clearTimeout(typingTimer);
    clearTimeout(gapTimer);
    for (const name of EVENTS) socket.off(name);
  };
}

function applyReceipts(state: Parameters<typeof mapConversation>[0], event: ReceiptUpdatedEvent) {
  const grow = (current: Receipts): Receipts => ({
    deliveredSeq: Math.max(current.deliveredSeq, event.deliveredSeq),
    readSeq: Math.max(current.readSeq, event.readSeq),
  });
  return mapConversation(state, event.conversationId, (conversation) =>
    event.side === 'visitor'
      ? { ...conversation, visitorReceipts: grow(conversation.visitorReceipts) }
      : { ...conversation, agentReceipts: grow(conversation.agentReceipts) },
  );
}
