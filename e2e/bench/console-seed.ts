import type { Conversation, Message } from '@aftercare/shared';
import type { Socket } from 'socket.io-client';
import { type BenchVisitor, connectAgents, connectVisitors } from './bench-clients.js';

/** A seeded conversation and what the console must show last when it is open. */
export interface SeededConversation {
  conversation: Conversation;
  messages: number;
  lastSeq: number;
  lastText: string;
}

export interface Seeded {
  big: SeededConversation;
  small: SeededConversation;
  others: number;
  seedSeconds: number;
  /** Times of `conversation:open` on the big conversation from a Node client (server + loopback only). */
  serverOpenMs: number[];
  /** Size of that answer as JSON, in bytes. */
  openPayloadBytes: number;
}

/**
 * Fills the server: one conversation with `messages` messages (shopper and agent alternating, sent
 * concurrently in batches that each wait for their acks), one small conversation to switch to, and
 * `others` short conversations so the inbox is not trivial. Closes every socket it opened.
 */
export async function seedConversations(
  url: string,
  options: { messages: number; batch: number; others: number; smallMessages: number },
): Promise<Seeded> {
  const started = performance.now();
  const [agent] = await connectAgents(url, 1);
  const visitors = await connectVisitors(url, options.others + 2);
  try {
    const [bigVisitor, smallVisitor, ...otherVisitors] = visitors as [BenchVisitor, BenchVisitor, ...BenchVisitor[]];
    for (const [index, visitor] of otherVisitors.entries()) {
      await fill(agent!, visitor, 2 + (index % 7), options.batch, `other-${index}`);
    }
    const small = await fill(agent!, smallVisitor, options.smallMessages, options.batch, 'small');
    // The big one last, so it is the newest row of the inbox, as a busy chat would be.
    const big = await fill(agent!, bigVisitor, options.messages, options.batch, 'big');
    const seedSeconds = (performance.now() - started) / 1000;

    const serverOpenMs: number[] = [];
    let openPayloadBytes = 0;
    for (let i = 0; i < 7; i++) {
      const sent = performance.now();
      const response = await agent!
        .timeout(30_000)
        .emitWithAck('conversation:open', { conversationId: big.conversation.id });
      serverOpenMs.push(performance.now() - sent);
      openPayloadBytes = Buffer.byteLength(JSON.stringify(response));
    }
    return { big, small, others: otherVisitors.length, seedSeconds, serverOpenMs, openPayloadBytes };
  } finally {
    for (const socket of [agent!, ...visitors.map((visitor) => visitor.socket)]) socket.close();
  }
}

/**
 * Sends `count` messages into the visitor's conversation, alternating shopper and agent, `batch` at
 * a time; the last one is sent alone so it is certainly the newest.
 */
async function fill(
  agent: Socket,
  visitor: BenchVisitor,
  count: number,
  batch: number,
  label: string,
): Promise<SeededConversation> {
  const conversationId = visitor.conversation.id;
  const send = async (index: number, text: string): Promise<Message> => {
    const socket = index % 2 === 0 ? visitor.socket : agent;
    const response = (await socket
      .timeout(60_000)
      .emitWithAck('message:send', { conversationId, clientId: `${label}-${index}`, text })) as
      | { data: { message: Message } }
      | { error: { code: string; message: string } };
    if ('error' in response) throw new Error(`seeding ${label} #${index}: ${response.error.code}`);
    return response.data.message;
  };
  for (let start = 0; start < count - 1; start += batch) {
    const size = Math.min(batch, count - 1 - start);
    await Promise.all(Array.from({ length: size }, (_, i) => send(start + i, messageText(label, start + i))));
  }
  const lastText = `${label}: last message ${count} of ${count}`;
  const last = await send(count - 1, lastText);
  return { conversation: visitor.conversation, messages: count, lastSeq: last.seq, lastText };
}

const WORDS = 'the order arrived but the left earbud does not charge can you send a replacement or refund please'.split(
  ' ',
);

/** Plausible chat lines of varied length (20 to ~200 characters), deterministic. */
function messageText(label: string, index: number): string {
  const words = 4 + ((index * 7) % 33);
  const parts: string[] = [];
  for (let i = 0; i < words; i++) parts.push(WORDS[(index + i * 3) % WORDS.length]!);
  return `${label} #${index + 1}: ${parts.join(' ')}`;
}
