import type { ErrorBody, ErrorCode, Message } from '@aftercare/shared';
import type { ChatStore } from './chat-store.js';
import type { VisitorSocket } from './connection.js';

/** How long a gap before a live message may fill by itself (a broadcast relayed by another process) before a sync. */
const GAP_SYNC_MS = 1_000;

/**
 * Server events about the conversation on screen: new messages, agents typing, receipts, status
 * changes and the shopper's place in the line. Events for other conversations are ignored (the store checks ids).
 */
export function bindLiveUpdates(
  socket: VisitorSocket,
  store: ChatStore,
  handlers: { receive(messages: Message[]): void; onAgentMessage(message: Message): void; sync(): void },
): void {
  let gapTimer: ReturnType<typeof setTimeout> | undefined;
  socket.on('message:created', ({ message }) => {
    const isNew = !store.state.messages.some((known) => known.id === message.id);
    handlers.receive([message]);
    // A sequence is missing before this one: fetch it unless it turns up meanwhile, not only at
    // the next reconnect.
    if (message.conversationId === store.state.conversation?.id && message.seq > store.state.synced) {
      clearTimeout(gapTimer);
      gapTimer = setTimeout(() => message.seq > store.state.synced && handlers.sync(), GAP_SYNC_MS);
    }
    if (!isNew || message.author.kind !== 'agent' || message.conversationId !== store.state.conversation?.id) return;
    store.update({ typing: null, live: message });
    handlers.onAgentMessage(message);
  });
  socket.on('typing:changed', ({ conversationId, author, typing }) => {
    if (author.kind === 'agent' && conversationId === store.state.conversation?.id) {
      store.update({ typing: typing ? author : null });
    }
  });
  socket.on('receipt:updated', ({ conversationId, side, deliveredSeq, readSeq }) => {
    if (conversationId === store.state.conversation?.id) store.setReceipts(side, { deliveredSeq, readSeq });
  });
  socket.on('conversation:updated', ({ conversation }) => store.setConversation(conversation));
  socket.on('queue:position', ({ conversationId, position }) => store.setQueue(conversationId, position));
}

/**
 * The browser's view of the network and of other tabs: `offline` disconnects at once (so sends
 * wait in the outbox, not in socket.io's buffer), `online` reconnects without waiting for the
 * backoff, and another tab's outbox changes show up here too.
 */
export function bindBrowserEvents(socket: VisitorSocket, store: ChatStore, outboxKey: string): void {
  window.addEventListener('offline', () => {
    socket.disconnect();
    store.update({ connection: 'offline' });
  });
  window.addEventListener('online', () => socket.connect());
  window.addEventListener('storage', (event) => {
    if (event.key === outboxKey) store.refreshPending();
  });
}

/** Handshake refusals that retrying cannot fix. */
const PERMANENT_HANDSHAKE_ERRORS = new Set(['PROTOCOL_MISMATCH', 'UNKNOWN_SITE', 'ORIGIN_NOT_ALLOWED']);
const RECONNECT_MS = 3_000;

/**
 * The connection's ups and downs: the status line, dropping a token the server no longer
 * accepts, giving up on refusals that cannot change, and reconnecting where socket.io does not
 * (after a server-side disconnect or a refusal by a middleware such as SHUTTING_DOWN).
 */
export function bindConnectionEvents(socket: VisitorSocket, store: ChatStore, forgetToken: () => void): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const reconnectLater = (delayMs = RECONNECT_MS) => {
    clearTimeout(timer);
    timer = setTimeout(() => socket.connect(), delayMs);
  };
  socket.on('disconnect', (reason) => {
    // The place in line may move while the link is down; the next `queue:position` tells it again.
    store.update({ connection: navigator.onLine === false ? 'offline' : 'connecting', typing: null, queue: null });
    if (reason === 'io server disconnect') reconnectLater();
  });
  socket.on('connect_error', ({ message: code, data }: Error & { data?: ErrorBody }) => {
    if (code === 'UNAUTHORIZED') {
      forgetToken(); // Expired or unknown: start over as a new visitor.
      socket.connect();
    } else if (PERMANENT_HANDSHAKE_ERRORS.has(code)) {
      console.error(`[Aftercare] the server refused this widget: ${code}`);
      store.update({ unavailable: code as ErrorCode });
    } else if (!socket.active) {
      // RATE_LIMITED says when a retry will pass: sooner than the default, or later so as not to waste it.
      reconnectLater(data?.retryAfterMs);
    }
  });
}
