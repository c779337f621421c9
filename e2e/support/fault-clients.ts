import {
  AGENT_NAMESPACE,
  type Agent,
  type Conversation,
  type ErrorCode,
  type Message,
  PROTOCOL_VERSION,
  type Response,
  VISITOR_NAMESPACE,
  type VisitorSessionReadyEvent,
} from '@aftercare/shared';
import { io, type Socket } from 'socket.io-client';
import { DEMO } from './server.js';

/**
 * Lean protocol clients for the fault tests, mirroring what the widget (`widget/src/app/lib/`:
 * outbox, outbox-sender, sync, chat-client) and the console (`console/src/lib/workspace/`) do around
 * a connection: every message waits in an outbox under a client id fixed once, leaves it only when
 * acked, and is resent with the same id after a failure; after every (re)connect the client first
 * syncs each conversation (`messages:sync`, paging while `hasMore`), then flushes the outbox in
 * order. Like the widget and console, the sync starts after the sequence up to which the client
 * holds everything, not the highest one it holds (with several processes an ack can overtake an
 * older message's broadcast; see `syncCursors`). They also record everything they received, so a
 * test can compare it with storage: what was lost, what arrived twice.
 *
 * Unlike the browser clients they reconnect across a list of server URLs, as clients behind a load
 * balancer do when one process dies: the same URL first, then the next one.
 */

/** Errors after which the same message may succeed later (as the widget's outbox sender). */
const RETRYABLE_ERRORS = new Set<ErrorCode>(['RATE_LIMITED', 'SHUTTING_DOWN', 'INTERNAL', 'UNAUTHORIZED']);
const ACK_TIMEOUT_MS = 5_000;
const RETRY_MS = 500;

interface OutboxEntry {
  clientId: string;
  conversationId: string;
  text: string;
}

/** What one client saw; the checks in `fault-checks.ts` compare it with storage. */
export interface ClientRecord {
  name: string;
  /** Client ids this client sent, in the order it queued them, per conversation. */
  sent: Map<string, string[]>;
  /** The stored message each acked send was answered with, by client id. */
  acks: Map<string, Message>;
  /** Every message the client holds (acks, live events, syncs), per conversation, by sequence. */
  views: Map<string, Map<number, Message>>;
  /** How often each message id arrived as a live `message:created`: more than once is a duplicate. */
  liveCounts: Map<string, number>;
  /** Two different messages seen under one sequence number: storage or delivery is corrupt. */
  conflicts: string[];
  /** Sends the server refused for good (not retryable). */
  refused: { clientId: string; code: ErrorCode }[];
}

/**
 * The connection loop, outbox and record shared by the shopper and agent clients. Subclasses say
 * how to open a socket and which conversations to catch up after a connect.
 */
export abstract class FaultClient implements ClientRecord {
  readonly sent = new Map<string, string[]>();
  readonly acks = new Map<string, Message>();
  readonly views = new Map<string, Map<number, Message>>();
  readonly liveCounts = new Map<string, number>();
  readonly conflicts: string[] = [];
  readonly refused: { clientId: string; code: ErrorCode }[] = [];
  /** Successful connections so far (1 after the first connect). */
  connections = 0;
  /**
   * When the last connect finished catching up, `Date.now()`: synced, and everything that was
   * waiting in the outbox when it connected is acked (messages queued since are new traffic).
   */
  caughtUpAt = 0;
  protected socket: Socket | null = null;
  /** The socket whose catch-up sync is done: only it flushes the outbox (sync first, as the clients do). */
  private synced: Socket | null = null;
  /** Client ids still to ack before the current connection counts as caught up. */
  private backlog: Set<string> | null = null;
  private outbox: OutboxEntry[] = [];
  private readonly syncedThrough = new Map<string, number>();
  private urlIndex: number;
  private url = '';
  private closed = false;
  private flushingOn: Socket | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private firstSession: Promise<void>;
  private resolveFirstSession!: () => void;
  private idleWaiters: (() => void)[] = [];

  constructor(
    readonly name: string,
    private readonly urls: () => string[],
    preferredUrl: number,
  ) {
    this.urlIndex = preferredUrl;
    this.firstSession = new Promise((resolve) => {
      this.resolveFirstSession = resolve;
    });
  }

  /** Opens a socket to `url` (not connected yet is fine: `io()` connects by itself). */
  protected abstract open(url: string): Socket;
  /** Conversations to catch up after every connect. */
  protected abstract conversationsToSync(): string[];
  /** Runs after `session:ready`, before the catch-up (e.g. an agent announces its status). */
  protected async onSession(_socket: Socket, _event: unknown): Promise<void> {}

  /** Starts the connection loop; resolves once the first session is ready and caught up. */
  start(): Promise<void> {
    void this.connectionLoop();
    return this.firstSession;
  }

  /** The server URL this client is connected to now, or null while it reconnects. */
  get connectedTo(): string | null {
    return this.socket?.connected ? this.url : null;
  }

  /** Queues a message with a new client id and sends it when it can; returns the client id. */
  send(conversationId: string, text: string, clientId: string = crypto.randomUUID()): string {
    this.outbox.push({ clientId, conversationId, text });
    const sent = this.sent.get(conversationId) ?? [];
    sent.push(clientId);
    this.sent.set(conversationId, sent);
    void this.flush();
    return clientId;
  }

  /** Messages not acked yet. */
  get pending(): number {
    return this.outbox.length;
  }

  /** Resolves once connected with an empty outbox. */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** A request on the current connection, answered or rejected within the ack timeout. */
  request<T>(event: string, payload: unknown): Promise<Response<T>> {
    const socket = this.socket;
    if (!socket?.connected) return Promise.reject(new Error(`${this.name}: not connected`));
    return socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload) as Promise<Response<T>>;
  }

  /** Like `request`, throwing on an error answer. */
  async requestData<T>(event: string, payload: unknown): Promise<T> {
    const response = await this.request<T>(event, payload);
    if ('error' in response) throw new Error(`${this.name} ${event}: ${JSON.stringify(response.error)}`);
    return response.data;
  }

  /** Makes the next reconnect go to `urls()[index]` (a load balancer picking another process). */
  preferUrl(index: number): void {
    this.urlIndex = index;
  }

  /**
   * Cuts the link under the current socket, as a network drop does: `graceful` closes the engine.io
   * connection after writing what is buffered (the last send reaches the server, its ack is lost);
   * otherwise the WebSocket is torn down at once (the last send may or may not have left).
   */
  dropTransport(graceful: boolean): void {
    const engine = this.socket?.io.engine as unknown as
      | { close(): void; transport?: { ws?: { terminate(): void } } }
      | undefined;
    if (!engine) throw new Error(`${this.name}: not connected`);
    const ws = engine.transport?.ws;
    if (graceful || !ws) engine.close();
    else ws.terminate();
  }

  /** Disconnects for good. */
  close(): void {
    this.closed = true;
    clearTimeout(this.retryTimer);
    this.socket?.close();
  }

  /** Adds messages to the view, noting a sequence held by two different messages. */
  protected remember(messages: readonly Message[]): void {
    for (const message of messages) {
      const view = this.views.get(message.conversationId) ?? new Map<number, Message>();
      this.views.set(message.conversationId, view);
      const known = view.get(message.seq);
      if (known && known.id !== message.id) {
        this.conflicts.push(`${message.conversationId} seq ${message.seq}: ${known.clientId} and ${message.clientId}`);
      }
      view.set(message.seq, message);
      this.advanceCursor(message.conversationId);
    }
  }

  private async connectionLoop(): Promise<void> {
    while (!this.closed) {
      const urls = this.urls();
      const url = urls[this.urlIndex % urls.length]!;
      const cursors = this.syncCursors();
      const socket = this.open(url);
      socket.on('message:created', ({ message }: { message: Message }) => {
        this.liveCounts.set(message.id, (this.liveCounts.get(message.id) ?? 0) + 1);
        this.remember([message]);
      });
      this.listen(socket);
      const disconnected = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
      const session = await sessionOf(socket);
      if (!session || this.closed) {
        socket.close();
        this.urlIndex++; // That process is gone (or refused): try the next one, as a load balancer would.
        await delay(100 + Math.random() * 400);
        continue;
      }
      this.socket = socket;
      this.url = url;
      this.connections++;
      try {
        await this.onSession(socket, session);
        await this.catchUp(socket, cursors);
        this.synced = socket;
        this.backlog = new Set(this.outbox.map((entry) => entry.clientId));
        this.settleBacklog();
        await this.flush();
      } catch {
        // The link broke while catching up: the next connection starts over.
      }
      if (this.connections === 1) this.resolveFirstSession();
      this.notifyIdle();
      await disconnected;
      if (this.socket === socket) this.socket = null;
      if (this.synced === socket) this.synced = null;
      socket.close();
      // socket.io's own reconnection waits about as long before its first attempt.
      if (!this.closed) await delay(100 + Math.random() * 400);
    }
  }

  /** Subclass hook for more server events on each new socket. */
  protected listen(_socket: Socket): void {}

  /**
   * Where each followed conversation's next catch-up starts: the sequence up to which this client
   * holds everything, not the highest it holds. With several processes, a client's own ack (seq 4,
   * answered at once) can overtake another process's broadcast (seq 3, relayed through Redis); if
   * the link drops in between, syncing after the highest (4) would skip 3 for good.
   */
  private syncCursors(): Map<string, number> {
    return new Map(this.conversationsToSync().map((id) => [id, this.syncedThrough.get(id) ?? 0]));
  }

  /** Moves a conversation's cursor over messages now held without a gap before them. */
  private advanceCursor(conversationId: string, atLeast = 0): void {
    const view = this.views.get(conversationId);
    let cursor = Math.max(this.syncedThrough.get(conversationId) ?? 0, atLeast);
    while (view?.has(cursor + 1)) cursor++;
    this.syncedThrough.set(conversationId, cursor);
  }

  /**
   * `messages:sync` page by page from `cursors`, taken before the new socket could deliver anything:
   * live events arriving meanwhile must not move the starting point past what was missed (the
   * console likewise reads it on `connect`).
   */
  private async catchUp(socket: Socket, cursors: Map<string, number>): Promise<void> {
    for (const conversationId of this.conversationsToSync()) {
      let afterSeq = cursors.get(conversationId) ?? 0;
      for (;;) {
        const response = (await socket
          .timeout(ACK_TIMEOUT_MS)
          .emitWithAck('messages:sync', { conversationId, afterSeq })) as Response<{
          messages: Message[];
          hasMore: boolean;
          conversation: Conversation;
        }>;
        if ('error' in response) throw new Error(`${this.name} sync: ${response.error.code}`);
        this.remember(response.data.messages);
        const last = response.data.messages.at(-1);
        if (!response.data.hasMore || !last) {
          // The conversation was read before its messages: everything up to its lastSeq is held now
          // (a shopper's view skips internal notes, so only a finished sync can vouch for those gaps).
          this.advanceCursor(conversationId, response.data.conversation.lastSeq);
          break;
        }
        afterSeq = last.seq;
      }
    }
  }

  /** Sends the outbox one message at a time, in order, over the current socket (as `OutboxSender`). */
  private async flush(): Promise<void> {
    const socket = this.synced;
    if (!socket?.connected || this.flushingOn === socket) return;
    this.flushingOn = socket;
    clearTimeout(this.retryTimer);
    try {
      while (this.synced === socket && socket.connected) {
        const entry = this.outbox[0];
        if (!entry) break;
        let response: Response<{ message: Message }>;
        try {
          response = (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('message:send', entry)) as typeof response;
        } catch {
          this.retryLater(); // No ack in time: the entry stays, the next attempt reuses its client id.
          return;
        }
        if ('error' in response) {
          if (RETRYABLE_ERRORS.has(response.error.code)) return this.retryLater(response.error.retryAfterMs);
          this.refused.push({ clientId: entry.clientId, code: response.error.code });
        } else {
          this.acks.set(entry.clientId, response.data.message);
          this.remember([response.data.message]);
        }
        this.outbox = this.outbox.filter((other) => other.clientId !== entry.clientId);
        this.backlog?.delete(entry.clientId);
        this.settleBacklog();
      }
    } finally {
      if (this.flushingOn === socket) this.flushingOn = null;
      this.notifyIdle();
    }
  }

  private retryLater(delayMs = RETRY_MS): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.flush(), delayMs);
  }

  private isIdle(): boolean {
    return Boolean(this.synced?.connected) && this.outbox.length === 0 && this.flushingOn === null;
  }

  private notifyIdle(): void {
    if (!this.isIdle()) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private settleBacklog(): void {
    if (this.backlog?.size !== 0) return;
    this.backlog = null;
    this.caughtUpAt = Date.now();
  }
}

/** A shopper's widget: one visitor token (kept across reconnects) and one conversation. */
export class ShopperClient extends FaultClient {
  visitorToken: string | undefined;
  customerId: string | undefined;
  conversation: Conversation | null = null;
  /** `conversation:updated` events, newest last (status changes, assignment). */
  readonly updates: Conversation[] = [];
  readonly typing: { typing: boolean; authorKind: string }[] = [];

  constructor(name: string, urls: () => string[], preferredUrl = 0, visitorToken?: string) {
    super(name, urls, preferredUrl);
    this.visitorToken = visitorToken;
  }

  protected open(url: string): Socket {
    return io(`${url}${VISITOR_NAMESPACE}`, {
      ...socketOptions,
      auth: {
        protocolVersion: PROTOCOL_VERSION,
        siteKey: DEMO.siteKey,
        ...(this.visitorToken ? { visitorToken: this.visitorToken } : {}),
      },
    });
  }

  protected override async onSession(_socket: Socket, event: VisitorSessionReadyEvent): Promise<void> {
    this.visitorToken = event.visitorToken ?? this.visitorToken;
    this.customerId = event.customer.id;
  }

  protected override listen(socket: Socket): void {
    socket.on('conversation:updated', ({ conversation }: { conversation: Conversation }) => {
      this.updates.push(conversation);
    });
    socket.on('typing:changed', ({ typing, author }: { typing: boolean; author: { kind: string } }) => {
      this.typing.push({ typing, authorKind: author.kind });
    });
  }

  protected conversationsToSync(): string[] {
    return this.conversation ? [this.conversation.id] : [];
  }

  /** Starts (or, retried with the same request id, gets back) the shopper's conversation. */
  async startConversation(
    requestId: string = crypto.randomUUID(),
  ): Promise<{ conversation: Conversation; created: boolean; queuePosition: number | null }> {
    const data = await this.requestData<{ conversation: Conversation; created: boolean; queuePosition: number | null }>(
      'conversation:start',
      { requestId },
    );
    this.conversation = data.conversation;
    return data;
  }

  /** Queues a message in the shopper's conversation. */
  say(text: string): string {
    if (!this.conversation) throw new Error(`${this.name} has no conversation`);
    return this.send(this.conversation.id, text);
  }
}

/** An agent's console: a session cookie, a status, and the conversations it works on. */
export class AgentClient extends FaultClient {
  agent: Agent | null = null;
  /** Conversations this agent catches up after a reconnect (the console's open chats). */
  readonly following = new Set<string>();
  /** Conversations announced to this console (`conversation:created`), by id. */
  readonly announced = new Map<string, Conversation>();
  readonly receipts: { conversationId: string; side: string; readSeq: number }[] = [];
  readonly typing: { conversationId: string; typing: boolean; authorKind: string }[] = [];

  constructor(
    name: string,
    urls: () => string[],
    preferredUrl: number,
    private readonly cookie: string,
    /** The status announced on every connect; `away` keeps routing from giving this console chats. */
    private readonly status: 'online' | 'away' = 'online',
  ) {
    super(name, urls, preferredUrl);
  }

  protected open(url: string): Socket {
    return io(`${url}${AGENT_NAMESPACE}`, {
      ...socketOptions,
      auth: { protocolVersion: PROTOCOL_VERSION },
      extraHeaders: { cookie: this.cookie },
    });
  }

  protected override async onSession(socket: Socket, event: { agent: Agent }): Promise<void> {
    this.agent = event.agent;
    // The console announces its status on every connect, before anything else (create-workspace.ts).
    await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('presence:set', { status: this.status });
  }

  protected override listen(socket: Socket): void {
    socket.on('conversation:created', ({ conversation }: { conversation: Conversation }) => {
      this.announced.set(conversation.id, conversation);
    });
    socket.on('receipt:updated', (event: { conversationId: string; side: string; readSeq: number }) => {
      this.receipts.push(event);
    });
    socket.on('typing:changed', (event: { conversationId: string; typing: boolean; author: { kind: string } }) => {
      this.typing.push({ conversationId: event.conversationId, typing: event.typing, authorKind: event.author.kind });
    });
  }

  protected conversationsToSync(): string[] {
    return [...this.following];
  }

  /** Follows a conversation (the console opened it) and queues a reply in it. */
  reply(conversationId: string, text: string): string {
    this.following.add(conversationId);
    return this.send(conversationId, text);
  }
}

/** Signs an agent in over HTTP and returns the session cookie. */
export async function signIn(url: string, email: string = DEMO.agentEmail, password: string = DEMO.agentPassword) {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

/**
 * Adds `count` agents through the admin API (as the demo admin, on `url`), each with room for
 * `capacity` chats, and returns each one's session cookie.
 */
export async function createAgents(url: string, count: number, capacity: number): Promise<string[]> {
  const admin = new AgentClient('admin', () => [url], 0, await signIn(url), 'away');
  await admin.start();
  try {
    const run = crypto.randomUUID().slice(0, 8);
    return await Promise.all(
      Array.from({ length: count }, async (_, index) => {
        const email = `fault-${run}-${index}@demo.aftercare.test`;
        const password = 'fault-agent-password';
        const { agent } = await admin.requestData<{ agent: Agent }>('agent:create', {
          email,
          name: `Fault agent ${index + 1}`,
          role: 'agent',
          password,
        });
        await admin.requestData('agent:set-capacity', { agentId: agent.id, capacity });
        return signIn(url, email, password);
      }),
    );
  } finally {
    admin.close();
  }
}

// One connection per socket, no socket.io reconnection: the loop above reconnects (and fails over).
const socketOptions = { transports: ['websocket'], reconnection: false, forceNew: true, timeout: 5_000 };

/** Resolves with the session, or null when the handshake fails or takes too long. */
function sessionOf<T>(socket: Socket): Promise<T | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), 5_000);
    socket.once('session:ready', (event: T) => {
      clearTimeout(timer);
      resolve(event);
    });
    socket.once('connect_error', () => {
      clearTimeout(timer);
      resolve(null);
    });
    socket.once('disconnect', () => {
      clearTimeout(timer);
      resolve(null);
    });
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
