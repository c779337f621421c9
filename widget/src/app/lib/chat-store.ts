import type {
  Conversation,
  ErrorCode,
  Message,
  MessageAuthor,
  Receipts,
  VisitorProfile,
  WidgetSiteConfig,
} from '@aftercare/shared';
import { countUnread, heldThrough, mergeMessages } from './messages.js';
import type { Outbox, OutboxEntry } from './outbox.js';
import type { SafeStorage } from './storage.js';

/** Everything the panel renders; replaced (never mutated) on every change. */
export interface ChatState {
  connection: 'connecting' | 'online' | 'offline';
  /** Set when the server refuses this widget for good (unknown site, origin, protocol). */
  unavailable: ErrorCode | null;
  customer: VisitorProfile | null;
  /** The conversation on screen: the open one, or a just-resolved one until the shopper moves on. */
  conversation: Conversation | null;
  messages: Message[];
  /**
   * The sequence up to which every message is held: a resync continues after it (see
   * `heldThrough`). A finished sync moves it over gaps shoppers never see (agents' internal notes),
   * which the messages alone cannot tell from lost ones.
   */
  synced: number;
  /** Unacknowledged messages of the conversation on screen, oldest first. */
  pending: OutboxEntry[];
  typing: MessageAuthor | null;
  /** Agent messages after the shopper side's read receipt. */
  unread: number;
  /** The newest agent message that arrived live, for the screen-reader announcement. */
  live: Message | null;
  /**
   * The shopper's 1-based place in the line of chats waiting for an agent; null when unknown
   * (after a reload or reconnect, until the server's next `queue:position`) or not waiting.
   */
  queue: number | null;
  /** The site's settings and availability: from the last page until the server sends them again. */
  site: WidgetSiteConfig | null;
  /** A `conversation:start` is waiting for an answer (perhaps for the network to come back). */
  starting: boolean;
}

/** How many of the newest messages are kept in storage for the next page. */
const SAVED_MESSAGES = 100;

/** What the `active` storage key holds while a conversation is open (the loader only checks it exists). */
interface SavedConversation {
  conversation: Conversation;
  messages: Message[];
  synced?: number;
}

/** Receipts only move forward, whatever order updates arrive in. */
const maxReceipts = (a: Receipts, b: Receipts): Receipts => ({
  deliveredSeq: Math.max(a.deliveredSeq, b.deliveredSeq),
  readSeq: Math.max(a.readSeq, b.readSeq),
});

/**
 * The conversation on screen and its messages, with no I/O but storage: it merges what the
 * server sends, keeps receipts monotonic, mirrors the outbox and saves the open conversation so
 * the next page (or another tab) shows it at once, even offline.
 */
export class ChatStore {
  state: ChatState = {
    connection: 'connecting',
    unavailable: null,
    customer: null,
    conversation: null,
    messages: [],
    synced: 0,
    pending: [],
    typing: null,
    unread: 0,
    live: null,
    queue: null,
    site: null,
    starting: false,
  };
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly storage: SafeStorage,
    private readonly savedKey: string,
    private readonly outbox: Outbox,
  ) {
    try {
      const saved = JSON.parse(storage.get(savedKey) ?? 'null') as SavedConversation | null;
      if (saved?.conversation?.id) this.update(saved);
    } catch {
      // Unreadable: the server's session:ready tells us again.
    }
    this.refreshPending();
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  update(patch: Partial<ChatState>): void {
    const next = { ...this.state, ...patch };
    next.unread = countUnread(next.messages, next.conversation);
    next.synced = heldThrough(next.messages, next.synced);
    this.state = next;
    if ('conversation' in patch || 'messages' in patch || 'synced' in patch) this.save();
    for (const listener of this.listeners) listener();
  }

  /** Puts a conversation on screen with the messages already known of it (`synced` holds for those only). */
  show(incoming: Conversation, messages: Message[]): void {
    const { conversation: known, queue, synced } = this.state;
    const same = known?.id === incoming.id;
    const conversation = same
      ? { ...incoming, visitorReceipts: maxReceipts(known.visitorReceipts, incoming.visitorReceipts) }
      : incoming;
    this.update({
      conversation,
      messages,
      queue: same ? queue : null,
      synced: messages === this.state.messages ? synced : 0,
    });
    this.refreshPending();
  }

  /** Takes the server's view of the conversation on screen, keeping receipts that moved ahead locally. */
  setConversation(incoming: Conversation): void {
    const known = this.state.conversation;
    if (known?.id !== incoming.id) return;
    const conversation = { ...incoming, visitorReceipts: maxReceipts(known.visitorReceipts, incoming.visitorReceipts) };
    this.update({
      conversation,
      // Assigned: the place in line is over (a later one comes with the next `queue:position`).
      queue: conversation.assigneeId ? null : this.state.queue,
      ...(conversation.status === 'resolved' ? { typing: null } : {}),
    });
  }

  /** The shopper's place in the line (null: an agent took the chat), for the conversation on screen. */
  setQueue(conversationId: string, position: number | null): void {
    if (conversationId === this.state.conversation?.id) this.update({ queue: position });
  }

  /** Moves one side's receipts forward. */
  setReceipts(side: 'visitor' | 'agent', receipts: Receipts): void {
    const conversation = this.state.conversation;
    if (!conversation) return;
    const field = side === 'agent' ? 'agentReceipts' : 'visitorReceipts';
    this.update({ conversation: { ...conversation, [field]: maxReceipts(conversation[field], receipts) } });
  }

  /** Merges stored messages and drops their outbox copies (an ack may have been lost). */
  receive(messages: Message[]): void {
    const conversation = this.state.conversation;
    const stored = new Set(messages.map((message) => message.clientId));
    for (const entry of this.outbox.list()) if (stored.has(entry.clientId)) this.outbox.remove(entry.clientId);
    if (conversation) this.update({ messages: mergeMessages(this.state.messages, messages, conversation.id) });
    this.refreshPending();
  }

  /** Re-reads the outbox (this tab or another changed it). */
  refreshPending(): void {
    const id = this.state.conversation?.id;
    const entries = this.outbox.list();
    // A refused message is only kept while its conversation is on screen (to show "Not sent");
    // otherwise it would keep the outbox, and the loader's eager app load, alive forever.
    for (const entry of entries) if (entry.failed && entry.conversationId !== id) this.outbox.remove(entry.clientId);
    this.update({ pending: id ? entries.filter((entry) => entry.conversationId === id) : [] });
  }

  private save(): void {
    const { conversation, messages, synced } = this.state;
    const saved: SavedConversation | null =
      conversation?.status === 'open' ? { conversation, messages: messages.slice(-SAVED_MESSAGES), synced } : null;
    this.storage.set(this.savedKey, saved && JSON.stringify(saved));
  }
}
