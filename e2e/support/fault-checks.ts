import type { Cluster, StoredMessage } from './cluster.js';
import type { ClientRecord } from './fault-clients.js';

/** One side's view of a conversation to check: the shopper's (public messages only) or an agent's. */
export interface Receiver {
  client: ClientRecord;
  /** Shoppers never see internal notes. */
  side: 'visitor' | 'agent';
  /**
   * Connected all along, so every message of the others must have arrived live exactly once (not
   * only through a sync). Leave off for clients that reconnected: what they missed comes by sync.
   */
  live?: boolean;
  /**
   * Must hold every message (default). Off for a client that stayed connected through a fault that
   * may cost it live events it had no reason to resync: it is then checked for duplicates only.
   */
  holdsAll?: boolean;
}

/**
 * Everything wrong with one conversation after a fault, as readable lines (empty: nothing lost,
 * nothing duplicated). Compares every client id each sender queued with what storage holds (once
 * each, in each sender's order), with what each send was acked with, and with what every receiver
 * holds by sequence; a live `message:created` that arrived twice is a duplicate too.
 */
export function conversationProblems(
  cluster: Cluster,
  conversationId: string,
  senders: readonly ClientRecord[],
  receivers: readonly Receiver[],
): string[] {
  const problems: string[] = [];
  const stored = cluster.storedMessages(conversationId);
  const byClientId = new Map<string, StoredMessage[]>();
  for (const message of stored)
    byClientId.set(message.clientId, [...(byClientId.get(message.clientId) ?? []), message]);
  const sentIds = new Set<string>();

  for (const sender of senders) {
    const sent = sender.sent.get(conversationId) ?? [];
    let previousSeq = 0;
    for (const clientId of sent) {
      sentIds.add(clientId);
      const copies = byClientId.get(clientId) ?? [];
      if (copies.length === 0) {
        if (!sender.refused.some((refusal) => refusal.clientId === clientId)) {
          problems.push(`${sender.name}: ${clientId} lost (not stored, not refused)`);
        }
        continue;
      }
      if (copies.length > 1) problems.push(`${sender.name}: ${clientId} stored ${copies.length} times`);
      const row = copies[0]!;
      if (row.seq <= previousSeq) problems.push(`${sender.name}: ${clientId} stored out of order (seq ${row.seq})`);
      previousSeq = row.seq;
      const ack = sender.acks.get(clientId);
      if (!ack) problems.push(`${sender.name}: ${clientId} stored as seq ${row.seq} but never acked`);
      else if (ack.id !== row.id || ack.seq !== row.seq) {
        problems.push(`${sender.name}: ${clientId} acked as seq ${ack.seq}, stored as seq ${row.seq}`);
      }
    }
    for (const { clientId, code } of sender.refused) {
      if (sent.includes(clientId)) problems.push(`${sender.name}: ${clientId} refused with ${code}`);
    }
  }
  const authored = stored.filter((row) => row.authorKind !== 'system');
  for (const row of authored) {
    if (!sentIds.has(row.clientId)) problems.push(`storage holds ${row.clientId} (seq ${row.seq}) that nobody sent`);
  }

  for (const { client, side, live, holdsAll = true } of receivers) {
    const expected = stored.filter((row) => side === 'agent' || !row.internal);
    const view = client.views.get(conversationId) ?? new Map();
    const missing = expected.filter((row) => view.get(row.seq)?.id !== row.id).map((row) => row.seq);
    if (holdsAll && missing.length > 0)
      problems.push(`${client.name} lacks seq ${missing.join(', ')} of ${expected.length}`);
    const extra = [...view.keys()].filter((seq) => !expected.some((row) => row.seq === seq));
    if (extra.length > 0) problems.push(`${client.name} holds seq ${extra.join(', ')} that storage does not`);
    for (const row of expected) {
      const count = client.liveCounts.get(row.id) ?? 0;
      if (count > 1) problems.push(`${client.name} got seq ${row.seq} live ${count} times`);
      // A client's own messages come back in its acks, not as events (the sending socket is skipped).
      const own = client.acks.get(row.clientId)?.id === row.id;
      if (live && count === 0 && !own) problems.push(`${client.name} never got seq ${row.seq} live`);
    }
  }
  for (const client of new Set([...senders, ...receivers.map((receiver) => receiver.client)])) {
    for (const conflict of client.conflicts) problems.push(`${client.name}: two messages under one seq: ${conflict}`);
  }
  return [...new Set(problems)];
}
