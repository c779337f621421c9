import type { Agent, AgentStatus, Attachment, CannedResponseInput, CustomerUpdatePayload } from '@aftercare/shared';
import type { AgentSocket } from '../agent-socket.js';
import { createPreferences, type Preferences } from '../preferences.js';
import { createStore, type Store, watchStore } from '../store.js';
import type { WorkspaceAlert } from './alerts.js';
import { bindCannedEvents, type CannedResult, deleteCanned, loadCanned, saveCanned } from './canned-actions.js';
import type { WorkspaceContext } from './context.js';
import { loadOlder, markRead, openConversation, setConversationStatus, syncActive } from './conversation-actions.js';
import {
  bindCustomerFileEvents,
  type CustomerUpdateResult,
  loadCustomerFile,
  updateCustomer,
} from './customer-file.js';
import { bindDirectoryEvents, loadDirectory } from './directory.js';
import { createDraftFiles, type DraftFiles } from './draft-files.js';
import type { DraftStorage } from './draft-storage.js';
import { clearDraftText, setDraft } from './drafts.js';
import { loadMoreResolved, loadOpen, loadResolved, selectView, setFilters } from './inbox-actions.js';
import type { InboxFilters } from './inbox-filters.js';
import { clearJump, openAtMessage } from './jump-actions.js';
import { createTypingNotifier, flushOutbox, retryReply, sendReply } from './outbox.js';
import type { OutboxStorage } from './outbox-storage.js';
import { announceStatus, chooseStatus, loadPresence, setCapacity, transferConversation } from './presence-actions.js';
import { clearSearch, loadMoreResults, openCustomer, runSearch } from './search-actions.js';
import { bindServerEvents } from './server-events.js';
import { createSettingsActions, type SettingsActions } from './settings-actions.js';
import { type InboxView, initialWorkspaceState, type TransferTarget, type WorkspaceState } from './state.js';
import { loadAgentDirectory } from './team-actions.js';
import { countUnsent, discardUnsent, type UnsentWork } from './unsent-work.js';

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
  /** The agent's remembered choices; in memory only when omitted. */
  preferences?: Preferences;
  /**
   * Keeps unacknowledged replies across a reload or a new sign-in of the same agent; they are
   * resent after the first connect. In memory only when omitted.
   */
  outbox?: OutboxStorage;
  /** Keeps unsent drafts across a reload or a new sign-in of the same agent. In memory only when omitted. */
  drafts?: DraftStorage;
  /** The filter bar's choices to start with (from the URL). */
  filters?: InboxFilters;
  /** Told about new chats assigned to the agent and shopper messages in their chats. */
  onAlert?(alert: WorkspaceAlert): void;
  pageSize?: number;
  newId?: () => string;
  now?: () => number;
}

/** The signed-in console's state and everything the views may ask of it. */
export interface Workspace {
  store: Store<WorkspaceState>;
  /** The session's socket, for screens that keep their own state (tickets, reports). */
  socket: AgentSocket;
  selectTab(view: InboxView): void;
  loadMoreConversations(): void;
  /** Narrows the inbox by site, agent and product (see `inbox-filters.ts`). */
  setFilters(filters: InboxFilters): void;
  /** Searches messages and customers; an empty query clears the search. */
  search(query: string): void;
  loadMoreSearchResults(): void;
  clearSearch(): void;
  /** Opens a conversation scrolled to one of its messages (a search hit). */
  openAtMessage(conversationId: string, seq: number): void;
  /** The message list reached the message `openAtMessage` asked for. */
  clearJump(): void;
  /** Opens a customer search hit's newest conversation; resolves false when they have none. */
  openCustomer(customerId: string): Promise<boolean>;
  /** Sets and remembers the agent's status. */
  setStatus(status: AgentStatus): void;
  /** Admins: routing's limit of open chats for an agent; resolves false when refused. */
  setCapacity(agentId: string, capacity: number): Promise<boolean>;
  /** Hands a conversation to an agent or a team; a note is stored as an internal note. */
  transfer(conversationId: string, target: TransferTarget, note?: string): void;
  /** Forgets the last transfer error (the agent closed the menu). */
  clearTransferError(): void;
  openConversation(conversationId: string): void;
  loadOlder(): void;
  /** Keeps what the agent typed in a conversation's composer, and whether as a note (see `drafts.ts`). */
  setDraft(conversationId: string, text: string, note: boolean): void;
  /** Sends a reply to the shopper, or with `internal` a note only agents see; empties the conversation's draft. */
  sendReply(conversationId: string, text: string, internal?: boolean, attachments?: Attachment[]): void;
  retryReply(clientId: string): void;
  /** What signing out would discard now: unsent replies and drafts with text (see `unsent-work.ts`). */
  unsentWork(): UnsentWork;
  /**
   * Forgets this tab's unsent replies and drafts, in memory and in the tab's storage, so nothing is
   * resent or restored later; for an explicit sign-out (a session that ended keeps them).
   */
  discardUnsent(): void;
  typing(conversationId: string): void;
  stopTyping(): void;
  resolve(conversationId: string): void;
  reopen(conversationId: string): void;
  markRead(): void;
  /** Loads the customer file shown beside the open conversation. */
  loadCustomerFile(customerId: string): void;
  /** Edits a customer's profile; resolves with the server's answer (for the form's errors). */
  updateCustomer(payload: CustomerUpdatePayload): Promise<CustomerUpdateResult>;
  /** Supervisors and admins: creates a saved reply, or updates the one with `id`. */
  saveCanned(input: CannedResponseInput, id?: string): Promise<CannedResult>;
  deleteCanned(id: string): Promise<CannedResult>;
  /** Sites, agents and teams (the settings screens); the server allows changes to admins only. */
  settings: SettingsActions;
  /** Each conversation's attached files, uploading or ready (see `draft-files.ts`). */
  draftFiles: DraftFiles;
  /** Disconnects and drops every listener and timer, and calls off uploads. */
  dispose(): void;
}

/**
 * Wires one signed-in session: connects the socket, keeps the inbox and the open conversation in
 * step with live events, and after every (re)connect reloads the list, catches the open
 * conversation up from its last sequence and resends unacknowledged replies.
 */
export function createWorkspace(options: WorkspaceOptions): Workspace {
  const { socket } = options;
  const preferences = options.preferences ?? createPreferences(null, options.agent?.id ?? '');
  const ctx: WorkspaceContext = {
    socket,
    store: createStore({
      ...initialWorkspaceState(options.agent, preferences.status()),
      ...(options.filters ? { filters: options.filters } : {}),
      outbox: options.outbox?.load() ?? [],
      drafts: options.drafts?.load() ?? {},
    }),
    preferences,
    alert: (alert) => options.onAlert?.(alert),
    pageSize: options.pageSize ?? 50,
    inFlight: new Set(),
    readSent: new Map(),
    statusRequests: 0,
    newId: options.newId ?? (() => crypto.randomUUID()),
    now: options.now ?? Date.now,
  };
  const { store } = ctx;
  const setConnection = (connection: WorkspaceState['connection']) =>
    store.set((state) => (state.connection === connection ? state : { ...state, connection }));
  const unbindStorage = keepStored(store, options);
  const unbind = bindServerEvents(ctx);
  const unbindCustomerFile = bindCustomerFileEvents(ctx);
  const unbindCanned = bindCannedEvents(ctx);
  const unbindDirectory = bindDirectoryEvents(ctx);
  const typing = createTypingNotifier(ctx);
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  const draftFiles = createDraftFiles();

  socket.on('connect', () => {
    setConnection('online');
    ctx.readSent.clear();
    forgetUnconfirmedReplies();
    // The team is listed after our status is set, so the list cannot show us as we were before.
    void announceStatus(ctx).then(() => loadPresence(ctx));
    void loadOpen(ctx);
    void loadResolved(ctx);
    void loadAgentDirectory(ctx);
    void loadCanned(ctx);
    void loadDirectory(ctx);
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

  // "No agent replied yet" may have changed while we were not listening; "replied" cannot.
  function forgetUnconfirmedReplies() {
    store.set((state) => {
      const kept = Object.entries(state.agentReplied).filter(([, replied]) => replied);
      return kept.length === Object.keys(state.agentReplied).length
        ? state
        : { ...state, agentReplied: Object.fromEntries(kept) };
    });
  }

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
    socket,
    selectTab: (view) => void selectView(ctx, view),
    loadMoreConversations: () => void loadMoreResolved(ctx),
    setFilters: (filters) => void setFilters(ctx, filters),
    search: (query) => void runSearch(ctx, query),
    loadMoreSearchResults: () => void loadMoreResults(ctx),
    clearSearch: () => clearSearch(ctx),
    openAtMessage: (id, seq) => {
      typing.stop();
      void openAtMessage(ctx, id, seq);
    },
    clearJump: () => clearJump(ctx),
    openCustomer: async (customerId) => {
      const conversationId = await openCustomer(ctx, customerId);
      if (conversationId === null) return false;
      typing.stop();
      void openConversation(ctx, conversationId);
      return true;
    },
    setStatus: (status) => void chooseStatus(ctx, status),
    setCapacity: (agentId, capacity) => setCapacity(ctx, agentId, capacity),
    transfer: (id, target, note) => void transferConversation(ctx, id, target, note),
    clearTransferError: () => store.set((state) => (state.transfer ? { ...state, transfer: null } : state)),
    openConversation: (id) => {
      typing.stop();
      void openConversation(ctx, id);
    },
    loadOlder: () => void loadOlder(ctx),
    setDraft: (id, text, note) => setDraft(ctx, id, text, note),
    sendReply: (id, text, internal, attachments) => {
      typing.stop();
      if (sendReply(ctx, id, text, internal, attachments)) clearDraftText(ctx, id);
    },
    retryReply: (clientId) => retryReply(ctx, clientId),
    unsentWork: () => countUnsent(store.get()),
    discardUnsent: () => {
      discardUnsent(ctx);
      draftFiles.discardAll();
    },
    typing: (id) => typing.input(id),
    stopTyping: () => typing.stop(),
    resolve: conversationAction('resolve'),
    reopen: conversationAction('reopen'),
    markRead: () => void markRead(ctx),
    loadCustomerFile: (customerId) => void loadCustomerFile(ctx, customerId),
    updateCustomer: (payload) => updateCustomer(ctx, payload),
    saveCanned: (input, id) => saveCanned(ctx, input, id),
    deleteCanned: (id) => deleteCanned(ctx, id),
    settings: createSettingsActions(ctx),
    draftFiles,
    dispose() {
      disposed = true;
      draftFiles.discardAll();
      clearTimeout(retryTimer);
      typing.dispose();
      unbindStorage();
      unbind();
      unbindCustomerFile();
      unbindCanned();
      unbindDirectory();
      socket.off('connect');
      socket.off('disconnect');
      socket.off('connect_error');
      socket.disconnect();
    },
  };
}

const selectOutbox = (state: WorkspaceState) => state.outbox;
const selectDrafts = (state: WorkspaceState) => state.drafts;

/**
 * Writes the outbox to its storage whenever it changes (a reply queued, acknowledged or failed),
 * and the drafts to theirs (every keystroke in a composer, a send), so nothing typed is lost to a
 * reload that comes a moment later. A keystroke rewrites only the draft it changed (see
 * `draft-storage.ts`): a few kilobytes at most.
 */
function keepStored(
  store: Store<WorkspaceState>,
  { outbox, drafts }: Pick<WorkspaceOptions, 'outbox' | 'drafts'>,
): () => void {
  const stops: Array<() => void> = [];
  if (outbox) stops.push(watchStore(store, selectOutbox, (pending) => outbox.save(pending)));
  if (drafts) stops.push(watchStore(store, selectDrafts, (typed) => drafts.save(typed)));
  return () => {
    for (const stop of stops) stop();
  };
}
