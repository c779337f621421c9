import {
  CHAT_LIMITS,
  type ContactDetails,
  type ErrorCode,
  type Message,
  type ProductContext,
  type VisitorSessionReadyEvent,
  type WidgetSiteConfig,
} from '@aftercare/shared';
import { type ShopperIdentity, storageKey } from '../../bridge.js';
import type { LocalFiles, OutboxFile, UploadTarget } from '../attachments/files.js';
import { RatingRequests } from '../ratings/rating-requests.js';
import { ShopperTickets } from '../tickets/shopper-tickets.js';
import { ChatStore } from './chat-store.js';
import { createVisitorSocket, request, type VisitorSocket } from './connection.js';
import { switchShopper } from './identity.js';
import { randomId } from './ids.js';
import { bindBrowserEvents, bindConnectionEvents, bindLiveUpdates } from './live-updates.js';
import { lastSeq } from './messages.js';
import { createOutbox, type Outbox } from './outbox.js';
import { OutboxSender } from './outbox-sender.js';
import type { SafeStorage } from './storage.js';
import { syncConversation } from './sync.js';

export type { ChatState } from './chat-store.js';

/**
 * A `conversation:start` in flight, kept in storage until answered so that neither it nor the
 * first message (waiting in the outbox without a conversation id) is lost to a reload while offline.
 */
interface PendingStart {
  requestId: string;
  details: ContactDetails;
  product: ProductContext | null;
}

export interface ChatClientOptions {
  siteKey: string;
  baseUrl: string;
  storage: SafeStorage;
  /** Called for each agent message that arrives live (not from a catch-up sync). */
  onAgentMessage?: (message: Message) => void;
  /** Called when one of the shopper's repairs changed status (live, or since their last visit). */
  onTicketNews?: () => void;
  /** Injected for tests; defaults to a real socket.io connection. */
  socket?: VisitorSocket;
}

/**
 * The widget's connection to the server, independent of any UI. After every (re)connect it syncs
 * the conversation on screen from the last sequence it holds, then flushes the outbox in order,
 * so nothing is lost or duplicated. State lives in `store`; components read `state`.
 */
export class ChatClient {
  readonly store: ChatStore;
  /** The shopper's post-service rating requests (the rating card's state). */
  readonly ratings: RatingRequests;
  /** The shopper's repair tickets and which changed since they last looked. */
  readonly tickets: ShopperTickets;
  private readonly socket: VisitorSocket;
  private readonly outbox: Outbox;
  private readonly sender: OutboxSender;
  private readonly waitingForSession: (() => void)[] = [];
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  private typingSent = false;
  private starting: Promise<ErrorCode | null> | null = null;
  /** The shopper the page identified, sent with every handshake. */
  private user: ShopperIdentity | null | undefined;
  private readonly key: (name: 'token' | 'active' | 'outbox' | 'site' | 'start' | 'tickets') => string;

  constructor(private readonly options: ChatClientOptions) {
    this.key = (name) => storageKey(options.siteKey, name);
    this.outbox = createOutbox(options.storage, this.key('outbox'));
    this.store = new ChatStore(options.storage, this.key('active'), this.outbox);
    this.socket =
      options.socket ??
      createVisitorSocket(
        options.baseUrl,
        options.siteKey,
        () => options.storage.get(this.key('token')),
        () => this.user,
      );
    this.ratings = new RatingRequests(this.socket);
    this.tickets = new ShopperTickets(this.socket, options.storage, this.key('tickets'), () =>
      options.onTicketNews?.(),
    );
    this.sender = new OutboxSender(this.socket, this.outbox, {
      sent: (message) => this.receive([message]),
      changed: () => this.store.refreshPending(),
      // The upload code is a chunk of its own, loaded only when a message carries files.
      uploadFiles: (entry, outbox) =>
        import('../attachments/send-files.js').then((module) =>
          module.uploadMissing(entry, outbox, this.files, this.uploadTarget),
        ),
    });
    this.listen();
    const site = this.read<WidgetSiteConfig>('site');
    if (site) this.store.update({ site });
    const start = this.read<PendingStart>('start');
    if (start) void this.runStart(start);
  }

  get state() {
    return this.store.state; // Components read it; `store.subscribe` tells them when it changed.
  }

  /** Connects (unless the browser knows it is offline: then the `online` event does). */
  connect(): void {
    if (navigator.onLine === false) this.store.update({ connection: 'offline' });
    else this.socket.connect();
  }

  /**
   * Follows `Aftercare.identify`: another shopper (or a logout) starts over as a new visitor; a new
   * id or hash reconnects, so the server verifies the shopper (and attaches their customer file).
   */
  identify(user: ShopperIdentity | null | undefined): void {
    // The loader stores each `identify` call's object as it is: another object is another call.
    const called = user !== this.user;
    this.user = user;
    if (switchShopper(this.options.storage, this.options.siteKey, user?.id ?? null))
      this.store.update({ customer: null, conversation: null, messages: [], pending: [], typing: null, live: null });
    else if (!called) return;
    if (this.socket.active) this.socket.disconnect().connect();
  }

  /**
   * Starts (or, after a retry, returns) the shopper's conversation, with `text` as its first
   * message if given (the offline form, or a start without a form); resolves with an error code on
   * failure. Both are saved first, so a reload while offline resumes them.
   */
  startConversation(details: ContactDetails, product: ProductContext | null, text = ''): Promise<ErrorCode | null> {
    if (text.trim()) this.outbox.add({ clientId: randomId(), conversationId: '', text, createdAt: Date.now() });
    const start = this.read<PendingStart>('start') ?? { requestId: randomId(), details, product };
    this.options.storage.set(this.key('start'), JSON.stringify(start));
    return this.runStart(start);
  }

  /** The site's settings and availability again (they change while a page stays open). */
  refreshSite(): void {
    if (!this.socket.connected) return; // The next session:ready brings them.
    request(this.socket, 'site:config', {}).then(
      (response) => 'data' in response && this.setSite(response.data.site),
      () => {},
    );
  }

  /** Bytes of files not uploaded yet, by key (see `attachments/files.ts`); never in storage. */
  readonly files: LocalFiles = new Map();

  /** Where and as whom the widget uploads files. */
  get uploadTarget(): UploadTarget {
    const { baseUrl, siteKey, storage } = this.options;
    // The loader's base URL ends with a slash; attachment paths start with one.
    return { baseUrl: baseUrl.replace(/\/$/, ''), siteKey, token: () => storage.get(this.key('token')) };
  }

  /** Queues a message (text, files or both) for the conversation on screen and tries to send it. */
  send(text: string, files: OutboxFile[] = []): void {
    const conversation = this.state.conversation;
    if (conversation?.status !== 'open' || !(text.trim() || files.length) || text.length > CHAT_LIMITS.messageText)
      return;
    const entry = { clientId: randomId(), conversationId: conversation.id, text, createdAt: Date.now() };
    this.outbox.add(files.length ? { ...entry, files } : entry);
    this.store.refreshPending();
    this.setTyping(false);
    void this.sender.flush();
  }

  /** Drops a message the server refused for good. */
  discard(clientId: string): void {
    this.outbox.remove(clientId);
    this.store.refreshPending();
  }

  /** Tells agents whether the shopper is typing; "false" follows by itself after a pause. */
  setTyping(typing: boolean): void {
    clearTimeout(this.typingTimer);
    if (typing) this.typingTimer = setTimeout(() => this.setTyping(false), 4_000);
    const conversation = this.state.conversation;
    if (typing === this.typingSent || conversation?.status !== 'open' || !this.socket.connected) return;
    this.typingSent = typing;
    request(this.socket, 'typing:set', { conversationId: conversation.id, typing }).catch(() => {});
  }

  /** Marks everything on screen as read (the panel is open in a visible tab). */
  markRead(): void {
    const conversation = this.state.conversation;
    const seq = lastSeq(this.state.messages);
    if (!conversation || seq <= conversation.visitorReceipts.readSeq) return;
    this.store.setReceipts('visitor', { readSeq: seq, deliveredSeq: seq });
    this.sendReceipt('read', seq);
  }

  /** Leaves a resolved conversation (or one that is not this visitor's) for the pre-chat form. */
  leaveConversation(): void {
    this.store.update({ conversation: null, messages: [], typing: null });
    this.store.refreshPending();
  }

  /** Runs a saved start until the server answers; one at a time, retried with the same requestId. */
  private runStart({ requestId, details, product }: PendingStart): Promise<ErrorCode | null> {
    this.starting ??= (async () => {
      this.store.update({ starting: true });
      for (;;) {
        await this.whenOnline();
        try {
          const payload = { requestId, ...details, ...(product ? { product } : {}) };
          const response = await request(this.socket, 'conversation:start', payload);
          this.options.storage.set(this.key('start'), null);
          const waiting = this.outbox.list().filter((entry) => !entry.conversationId);
          if ('error' in response) {
            for (const entry of waiting) this.outbox.remove(entry.clientId);
            return response.error.code;
          }
          // The server filled the shopper's profile in; keep the local copy (used to prefill) in step.
          const customer = this.state.customer;
          if (customer) this.store.update({ customer: { ...customer, ...details } });
          const { conversation, queuePosition } = response.data;
          for (const entry of waiting) this.outbox.add({ ...entry, conversationId: conversation.id });
          this.store.show(conversation, []);
          this.store.setQueue(conversation.id, queuePosition);
          await this.sync();
          void this.sender.flush();
          return null;
        } catch {
          // No acknowledgement: the link broke. Retry with the same requestId once it is back.
        }
      }
    })().finally(() => {
      this.starting = null;
      this.store.update({ starting: false });
    });
    return this.starting;
  }

  private setSite(site: WidgetSiteConfig): void {
    this.store.update({ site });
    this.options.storage.set(this.key('site'), JSON.stringify(site));
  }

  /** A JSON value this client saved, or null when absent or unreadable. */
  private read<T>(name: 'site' | 'start'): T | null {
    try {
      return JSON.parse(this.options.storage.get(this.key(name)) ?? 'null') as T | null;
    } catch {
      return null;
    }
  }

  private listen(): void {
    const { socket, store } = this;
    socket.on('session:ready', (event) => void this.onSessionReady(event));
    socket.on('disconnect', () => {
      this.typingSent = false;
    });
    bindConnectionEvents(socket, store, () => this.options.storage.set(this.key('token'), null));
    bindLiveUpdates(socket, store, {
      receive: (messages) => this.receive(messages),
      onAgentMessage: (message) => this.options.onAgentMessage?.(message),
      sync: () => void this.sync(),
    });
    bindBrowserEvents(socket, store, this.key('outbox'));
  }

  private async onSessionReady({
    visitorToken,
    customer,
    conversations,
    site,
    identityError,
  }: VisitorSessionReadyEvent): Promise<void> {
    // For the shop's developer, not the shopper: `identify()` was refused, so this is an anonymous visitor.
    if (identityError) console.warn('[Aftercare] identity not verified:', identityError.code, identityError.message);
    if (visitorToken) this.options.storage.set(this.key('token'), visitorToken);
    if (site) this.setSite(site);
    const shown = this.state.conversation;
    const conversation =
      conversations.find((candidate) => candidate.id === shown?.id) ??
      conversations.find((candidate) => candidate.status === 'open');
    this.store.update({ connection: 'online', customer });
    if (conversation) this.store.show(conversation, conversation.id === shown?.id ? this.state.messages : []);
    else if (shown) this.leaveConversation(); // Not this visitor's (e.g. a new token after UNAUTHORIZED).
    for (const resolve of this.waitingForSession.splice(0)) resolve();
    await this.sync();
    await this.sender.flush();
  }

  /** Catches up the conversation on screen from the last sequence held. */
  private sync(): Promise<void> {
    return syncConversation(this.socket, this.store, (messages) => this.receive(messages));
  }

  /** Stores messages and acknowledges delivery of new agent ones. */
  private receive(messages: Message[]): void {
    this.store.receive(messages);
    const conversation = this.state.conversation;
    if (!conversation) return;
    const agentSeqs = messages.filter((m) => m.author.kind === 'agent' && m.conversationId === conversation.id);
    const newest = Math.max(0, ...agentSeqs.map((message) => message.seq));
    if (newest <= conversation.visitorReceipts.deliveredSeq) return;
    this.store.setReceipts('visitor', { ...conversation.visitorReceipts, deliveredSeq: newest });
    this.sendReceipt('delivered', newest);
  }

  private sendReceipt(kind: 'delivered' | 'read', seq: number): void {
    const conversationId = this.state.conversation?.id;
    if (!conversationId || !this.socket.connected) return;
    request(this.socket, 'receipt:update', { conversationId, kind, seq }).catch(() => {});
  }

  private whenOnline(): Promise<void> {
    if (this.state.connection === 'online' && this.socket.connected) return Promise.resolve();
    return new Promise((resolve) => this.waitingForSession.push(resolve));
  }
}
