import type { Agent } from '@aftercare/shared';
import type { AgentSocket } from '../agent-socket.js';
import { createStore, type Store } from '../store.js';
import type { WorkspaceContext } from './context.js';
import { loadOlder, markRead, openConversation, setConversationStatus, syncActive } from './conversation-actions.js';
import { loadInbox, loadMoreInbox, selectTab } from './inbox-actions.js';
import { createTypingNotifier, flushOutbox, retryReply, sendReply } from './outbox.js';
import { bindServerEvents } from './server-events.js';
import { type InboxTab, initialWorkspaceState, type WorkspaceState } from './state.js';

export interface WorkspaceOptions {
  socket: AgentSocket;
  agent: Agent | null;
  /** The server refused the session: go back to the sign-in screen. */
  onUnauthorized(): void;
  /**
   * Asks the HTTP API whether the session is still valid (after the server dropped the socket):
   * `null` when the server could not be asked (it may be restarting).
   */
  checkSession(): Promise<boolean | null>;
  pageSize?: number;
  newId?: () => string;
  now?: () => number;
}

/** The signed-in console's state and everything the views may ask of it. */
export interface Workspace {
  store: Store<WorkspaceState>;
  selectTab(tab: InboxTab): void;
  loadMoreConversations(): void;
  openConversation(conversationId: string): void;
  loadOlder(): void;
  sendReply(conversationId: string, text: string): void;
  retryReply(clientId: string): void;
  typing(conversationId: string): void;
  stopTyping(): void;
  resolve(conversationId: string): void;
  reopen(conversationId: string): void;
  markRead(): void;
  /** Disconnects and drops every listener and timer. */
  dispose(): void;
}

/**
 * Wires one signed-in session: connects the socket, keeps the inbox and the open conversation in
 * step with live events, and after every (re)connect reloads the list, catches the open
 * conversation up from its last sequence and resends unacknowledged replies.
 */
export function createWorkspace(options: WorkspaceOptions): Workspace {
  const { socket } = options;
  const ctx: WorkspaceContext = {
    socket,
    store: createStore(initialWorkspaceState(options.agent)),
    pageSize: options.pageSize ?? 50,
    inFlight: new Set(),
    readSent: new Map(),
    newId: options.newId ?? (() => crypto.randomUUID()),
    now: options.now ?? Date.now,
  };
  const { store } = ctx;
  const setConnection = (connection: WorkspaceState['connection']) =>
    store.set((state) => (state.connection === connection ? state : { ...state, connection }));
  const unbind = bindServerEvents(ctx);
  const typing = createTypingNotifier(ctx);
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  socket.on('connect', () => {
    setConnection('online');
    ctx.readSent.clear();
    void loadInbox(ctx);
    // Sync before flushing so a reply stored just before the drop is settled, not resent.
    void syncActive(ctx).then(() => flushOutbox(ctx));
  });
  socket.on('disconnect', (reason) => {
    if (disposed) return;
    setConnection('offline');
    // The server closed this socket on purpose (e.g. the session ended); socket.io will not retry.
    if (reason === 'io server disconnect') void reconnectIfSignedIn();
  });
  socket.on('connect_error', (err) => {
    if (err.message === 'UNAUTHORIZED') return options.onUnauthorized();
    if (err.message === 'PROTOCOL_MISMATCH') return setConnection('protocol-mismatch');
    setConnection('offline');
    if (socket.active) return; // a network failure: socket.io retries by itself
    // A refusal by the server's middleware is not retried by socket.io itself.
    retryTimer = setTimeout(() => socket.connect(), 3_000);
  });

  async function reconnectIfSignedIn() {
    const valid = await options.checkSession();
    if (disposed) return;
    if (valid === false) options.onUnauthorized();
    else if (valid) socket.connect();
    else retryTimer = setTimeout(() => void reconnectIfSignedIn(), 3_000);
  }

  socket.connect();

  const conversationAction = (action: 'resolve' | 'reopen') => (id: string) =>
    void setConversationStatus(ctx, id, action);
  return {
    store,
    selectTab: (tab) => void selectTab(ctx, tab),
    loadMoreConversations: () => void loadMoreInbox(ctx),
    openConversation: (id) => {
      typing.stop();
      void openConversation(ctx, id);
    },
    loadOlder: () => void loadOlder(ctx),
    sendReply: (id, text) => {
      typing.stop();
      sendReply(ctx, id, text);
    },
    retryReply: (clientId) => retryReply(ctx, clientId),
    typing: (id) => typing.input(id),
    stopTyping: () => typing.stop(),
    resolve: conversationAction('resolve'),
    reopen: conversationAction('reopen'),
    markRead: () => void markRead(ctx),
    dispose() {
      disposed = true;
      clearTimeout(retryTimer);
      typing.dispose();
      unbind();
      socket.off('connect');
      socket.off('disconnect');
      socket.off('connect_error');
      socket.disconnect();
    },
  };
}
