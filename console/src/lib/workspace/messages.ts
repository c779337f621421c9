import type { Message } from '@aftercare/shared';
import type { ActiveConversation, PendingMessage } from './state.js';

/**
 * Merges stored messages into an ascending list, keeping each `seq` once. The same message can
 * reach the console up to three times (the send ack, the `message:created` broadcast, and a
 * `messages:sync` after a reconnect), so every path goes through here.
 */
export function mergeMessages(current: readonly Message[], incoming: readonly Message[]): Message[] {
  if (incoming.length === 0) return current as Message[];
  const bySeq = new Map<number, Message>();
  for (const message of current) bySeq.set(message.seq, message);
  let changed = false;
  for (const message of incoming) {
    if (!bySeq.has(message.seq)) changed = true;
    bySeq.set(message.seq, message);
  }
  if (!changed) return current as Message[];
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** Drops pending replies the server has stored (matched by `clientId`), wherever the copy came from. */
export function settleOutbox(outbox: readonly PendingMessage[], stored: readonly Message[]): PendingMessage[] {
  if (stored.length === 0 || outbox.length === 0) return outbox as PendingMessage[];
  const ids = new Set(stored.map((message) => `${message.conversationId}\n${message.clientId}`));
  const kept = outbox.filter((item) => !ids.has(`${item.conversationId}\n${item.clientId}`));
  return kept.length === outbox.length ? (outbox as PendingMessage[]) : kept;
}

/**
 * The sequence up to which every message is held: `from` (vouched for by the server), then on
 * over `messages` (ascending) while no sequence is missing. A resync continues after it, not after
 * the highest held: with several server processes a newer message (the agent's own ack, or another
 * process's broadcast) can arrive before an older one relayed through Redis, and a sync after the
 * newest would skip the older one for good.
 */
export function heldThrough(messages: readonly Message[], from: number): number {
  let seq = from;
  for (const message of messages) if (message.seq === seq + 1) seq++;
  return seq;
}

/**
 * Whether a message of the open conversation is missing before `seq`, which a sync should fetch
 * (unless it arrives by itself meanwhile).
 */
export function gapBefore(active: ActiveConversation | null, conversationId: string, seq: number): boolean {
  if (active?.id !== conversationId || active.status !== 'ready') return false;
  return seq > heldThrough(active.messages, active.syncedSeq);
}

/** The highest sequence held, 0 when there is none (how far the agent has read). */
export function lastSeqOf(messages: readonly Message[]): number {
  return messages.length === 0 ? 0 : messages[messages.length - 1]!.seq;
}

/**
 * The `messages:sync` request that fetches the page just before `firstSeq`.
 * The protocol only pages forward (messages with seq > afterSeq, oldest first), so we start the
 * window `pageSize` sequence numbers before the oldest message held and keep only what is older
 * than it (see `olderPageMessages`). Sequences may have gaps, so a page can come back short or
 * even empty while older messages still exist; `hasOlder` is then decided by `afterSeq > 0`.
 */
export function olderPageRequest(firstSeq: number, pageSize: number): { afterSeq: number; limit: number } {
  return { afterSeq: Math.max(0, firstSeq - 1 - pageSize), limit: pageSize };
}

/** Keeps the part of an older page that precedes the oldest message held. */
export function olderPageMessages(page: readonly Message[], firstSeq: number): Message[] {
  return page.filter((message) => message.seq < firstSeq);
}
