import type { Message } from '@aftercare/shared';
import mongoose, { type Model } from 'mongoose';
import type {
  AppendMessageInput,
  AppendMessageResult,
  MessageAudience,
  MessageRepository,
} from '../../domain/conversations/conversation-repository.js';
import { AftercareError } from '../../domain/errors.js';
import { toMessageAttachmentDocument } from './attachment-schemas.js';
import {
  type ConversationDocument,
  type MessageDocument,
  messageIndexes,
  toConversation,
  toMessage,
} from './conversation-schemas.js';
import { isDuplicateKeyError } from './mongo-errors.js';
import type { PendingWrites } from './pending-writes.js';

/** Shoppers read public messages only; agents read everything (the (conversationId, seq) index still serves). */
function visibleTo(audience: MessageAudience): { internal?: false } {
  return audience === 'agent' ? {} : { internal: false };
}

/** Turns a caller's limit into MongoDB's, where 0 would mean "no limit". */
function positiveLimit(limit: number): number {
  return Number.isFinite(limit) ? Math.max(0, Math.floor(limit)) : 0;
}

/**
 * Messages in MongoDB.
 *
 * A message's `seq` comes from an atomic `$inc` of its conversation's `lastSeq`, and the message is
 * inserted with it in the same transaction. Without the transaction two writers could make seq 6
 * visible before seq 5, and a client resyncing "after 6" at that moment would never get 5. Inside
 * it, a second append to the same conversation hits a write conflict on the conversation document
 * and is retried by the driver after the first commits, so messages become visible in seq order.
 * A duplicate client id aborts the transaction, so no seq is wasted. This needs a replica set,
 * which production MongoDB deployments have (a single node can run as a one-member replica set).
 * The connection's `{ w: 'majority', journal: true }` write concern applies to the commit, so
 * `append` resolves only once the message is durable.
 */
export class MongoMessageRepository implements MessageRepository {
  constructor(
    private readonly messages: Model<MessageDocument>,
    private readonly conversations: Model<ConversationDocument>,
    private readonly pending: PendingWrites,
  ) {}

  append(input: AppendMessageInput): Promise<AppendMessageResult | null> {
    return this.pending.track(() => this.appendOnce(input));
  }

  async listAfter(
    conversationId: string,
    afterSeq: number,
    limit: number,
    audience: MessageAudience,
  ): Promise<Message[]> {
    const n = positiveLimit(limit);
    if (n === 0) return [];
    const after = Number.isFinite(afterSeq) ? afterSeq : 0;
    const docs = await this.messages
      // `trusted` exempts our own operator from `sanitizeFilter`; its operand is a number we checked.
      .find({ conversationId, seq: mongoose.trusted({ $gt: after }), ...visibleTo(audience) })
      .sort({ seq: 1 })
      .limit(n)
      .lean<MessageDocument[]>()
      .exec();
    return docs.map(toMessage);
  }

  async listLatest(conversationId: string, limit: number, audience: MessageAudience): Promise<Message[]> {
    const n = positiveLimit(limit);
    if (n === 0) return [];
    const docs = await this.messages
      .find({ conversationId, ...visibleTo(audience) })
      .sort({ seq: -1 })
      .limit(n)
      .lean<MessageDocument[]>()
      .exec();
    return docs.reverse().map(toMessage);
  }

  async findByClientId(conversationId: string, clientId: string): Promise<Message | null> {
    const doc = await this.findStored(conversationId, clientId);
    return doc ? toMessage(doc) : null;
  }

  count(conversationId: string): Promise<number> {
    return this.messages.countDocuments({ conversationId }).exec();
  }

  private async appendOnce(input: AppendMessageInput): Promise<AppendMessageResult | null> {
    const { conversationId, clientId } = input;
    // A retry of a stored message: answer with what was stored, and do not burn a seq.
    const stored = await this.findStored(conversationId, clientId);
    if (stored) return this.existing(stored);

    const createdAt = new Date(input.createdAt);
    const doc: MessageDocument = {
      _id: input.id,
      conversationId,
      clientId,
      seq: 0,
      author: {
        kind: input.author.kind,
        id: input.author.id,
        name: input.author.name,
        ...(input.author.avatarUrl ? { avatarUrl: input.author.avatarUrl } : {}),
      },
      text: input.text,
      internal: input.internal,
      attachments: (input.attachments ?? []).map(toMessageAttachmentDocument),
      createdAt,
    };
    let conversation: ConversationDocument | null;
    try {
      conversation = await this.messages.db.transaction(async (session) => {
        const updated = await this.conversations
          .findOneAndUpdate(
            { _id: conversationId },
            // `$max` so two racing appends can never move `updatedAt` backward.
            { $inc: { lastSeq: 1 }, $max: { updatedAt: createdAt } },
            { returnDocument: 'after', session },
          )
          .lean<ConversationDocument>()
          .exec();
        if (!updated) return null;
        doc.seq = updated.lastSeq;
        await this.messages.insertOne(doc, { session });
        // The author's side has necessarily seen everything up to its own message: its markers move too.
        const side =
          input.author.kind === 'system' ? null : input.author.kind === 'visitor' ? 'visitorReceipts' : 'agentReceipts';
        if (!side) return updated;
        return this.conversations
          .findOneAndUpdate({ _id: conversationId }, afterAppendUpdate(side, doc, input.internal), {
            returnDocument: 'after',
            session,
            updatePipeline: true,
          })
          .lean<ConversationDocument>()
          .exec();
      });
    } catch (error) {
      if (isDuplicateKeyError(error, messageIndexes.clientId)) {
        // A concurrent retry stored it first; the aborted transaction gave back its seq.
        const winner = await this.findStored(conversationId, clientId);
        if (winner) return this.existing(winner);
      }
      if (isDuplicateKeyError(error, '_id_')) {
        throw new AftercareError('CONFLICT', `A message with id ${input.id} already exists.`);
      }
      throw error;
    }
    if (!conversation) return null;
    return { message: toMessage(doc), created: true, conversation: toConversation(conversation) };
  }

  private findStored(conversationId: string, clientId: string): Promise<MessageDocument | null> {
    return this.messages.findOne({ conversationId, clientId }).lean<MessageDocument>().exec();
  }

  /** The answer for an already-stored message, with the conversation as it is now. */
  private async existing(stored: MessageDocument): Promise<AppendMessageResult | null> {
    const conversation = await this.conversations.findById(stored.conversationId).lean<ConversationDocument>().exec();
    if (!conversation) return null;
    return { message: toMessage(stored), created: false, conversation: toConversation(conversation) };
  }
}

/**
 * The conversation's changes once a shopper's or agent's message is stored, as one pipeline
 * update (evaluated against the stored document, inside the append's transaction): the author's
 * side's receipts move to the message; a public message says whose turn it is, and an agent's
 * first public message is the first reply.
 */
function afterAppendUpdate(side: 'visitorReceipts' | 'agentReceipts', doc: MessageDocument, internal: boolean) {
  const set: Record<string, unknown> = {
    [`${side}.deliveredSeq`]: { $max: [`$${side}.deliveredSeq`, doc.seq] },
    [`${side}.readSeq`]: { $max: [`$${side}.readSeq`, doc.seq] },
  };
  if (!internal) {
    const byAgent = side === 'agentReceipts';
    set.awaitingReplyFrom = { $literal: byAgent ? 'customer' : 'agent' };
    if (byAgent) set.firstReplyAt = { $ifNull: ['$firstReplyAt', doc.createdAt] };
  }
  return [{ $set: set }];
}
