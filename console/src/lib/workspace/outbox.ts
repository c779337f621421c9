import { type Attachment, LIMITS } from '@aftercare/shared';
import { request } from '../agent-socket.js';
import { storeMessage, type WorkspaceContext } from './context.js';
import type { PendingMessage } from './state.js';

/**
 * Queues a reply (or, with `internal`, a note for agents only) and sends it. It shows as pending
 * until the server acknowledges the stored message; the `clientId` is fixed here so every retry is
 * stored only once. Returns false when there is nothing to send or the text is too long.
 */
export function sendReply(
  ctx: WorkspaceContext,
  conversationId: string,
  text: string,
  internal = false,
  attachments: Attachment[] = [],
): boolean {
  if ((text.trim() === '' && attachments.length === 0) || text.length > LIMITS.messageText) return false;
  const pending: PendingMessage = {
    clientId: ctx.newId(),
    conversationId,
    text,
    createdAt: ctx.now(),
    status: 'sending',
    ...(internal ? { internal: true } : {}),
    ...(attachments.length ? { attachments } : {}),
  };
  ctx.store.set((state) => ({ ...state, outbox: [...state.outbox, pending] }));
  void deliver(ctx, pending);
  return true;
}

/** Sends a failed reply again, with its original `clientId`. */
export function retryReply(ctx: WorkspaceContext, clientId: string): void {
  const pending = ctx.store.get().outbox.find((item) => item.clientId === clientId);
  if (!pending) return;
  const retry: PendingMessage = { ...pending, status: 'sending', errorCode: undefined };
  ctx.store.set((state) => ({
    ...state,
    outbox: state.outbox.map((item) => (item.clientId === clientId ? retry : item)),
  }));
  void deliver(ctx, retry);
}

/** Resends every reply still marked `sending`, oldest first; called after each (re)connect. */
export async function flushOutbox(ctx: WorkspaceContext): Promise<void> {
  for (const pending of ctx.store.get().outbox) {
    // Each send waits for its answer: a reply settled meanwhile, or discarded by a sign-out
    // (`unsent-work.ts`), has left the outbox and is not sent again.
    if (pending.status === 'sending' && isQueued(ctx, pending.clientId)) await deliver(ctx, pending);
  }
}

function isQueued(ctx: WorkspaceContext, clientId: string): boolean {
  return ctx.store.get().outbox.some((item) => item.clientId === clientId);
}

async function deliver(ctx: WorkspaceContext, pending: PendingMessage): Promise<void> {
  if (ctx.inFlight.has(pending.clientId)) return;
  ctx.inFlight.add(pending.clientId);
  const attachmentIds = pending.attachments?.map((attachment) => attachment.id);
  const payload = {
    conversationId: pending.conversationId,
    clientId: pending.clientId,
    text: pending.text,
    ...(attachmentIds ? { attachmentIds } : {}),
  };
  const res = await (pending.internal
    ? request(ctx.socket, 'note:add', payload)
    : request(ctx.socket, 'message:send', payload));
  ctx.inFlight.delete(pending.clientId);
  if ('data' in res) {
    const { message } = res.data;
    ctx.store.set((state) => storeMessage(state, message));
    return;
  }
  const { code } = res.error;
  // No connection: stay "sending"; the flush after the reconnect resends it.
  if (code === 'OFFLINE') return;
  // A draining server disconnects us next; the flush after the reconnect resends. Every other
  // refusal waits for the agent (Retry), as resending blindly could repeat it forever.
  const status = code === 'SHUTTING_DOWN' ? 'sending' : 'failed';
  ctx.store.set((state) => ({
    ...state,
    outbox: state.outbox.map((item) =>
      item.clientId === pending.clientId ? { ...item, status, errorCode: code } : item,
    ),
  }));
}

/** Tells the shopper the agent is typing, at most once per interval, and stops after a pause. */
export interface TypingNotifier {
  /** Call on every keystroke in the composer. */
  input(conversationId: string): void;
  /** Call when the reply is sent, the composer loses focus or another conversation opens. */
  stop(): void;
  dispose(): void;
}

/** Creates the throttled typing indicator sender of one workspace. */
export function createTypingNotifier(ctx: WorkspaceContext, repeatMs = 3_000, idleMs = 4_000): TypingNotifier {
  let typingIn: string | null = null;
  let lastSentAt = 0;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    clearTimeout(idleTimer);
    if (typingIn) void request(ctx.socket, 'typing:set', { conversationId: typingIn, typing: false });
    typingIn = null;
  };
  return {
    input(conversationId) {
      if (typingIn && typingIn !== conversationId) stop();
      const now = ctx.now();
      // Re-sending `true` now and then keeps the shopper's indicator alive if one event was lost.
      if (typingIn !== conversationId || now - lastSentAt >= repeatMs) {
        typingIn = conversationId;
        lastSentAt = now;
        void request(ctx.socket, 'typing:set', { conversationId, typing: true });
      }
      clearTimeout(idleTimer);
      idleTimer = setTimeout(stop, idleMs);
    },
    stop,
    dispose: () => clearTimeout(idleTimer),
  };
}
