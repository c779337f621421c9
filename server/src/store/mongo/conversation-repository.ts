import type { Conversation, ConversationStatus } from '@aftercare/shared';
import mongoose, { type Model } from 'mongoose';
import type {
  ConversationRepository,
  ListConversationsQuery,
  RoutingWrite,
  StartConversationInput,
  StartConversationResult,
} from '../../domain/conversations/conversation-repository.js';
import { AftercareError } from '../../domain/errors.js';
import { conversationListFilter } from './conversation-list-filter.js';
import {
  type ConversationDocument,
  conversationIndexes,
  toConversation,
  toConversationDocument,
} from './conversation-schemas.js';
import { isDuplicateKeyError } from './mongo-errors.js';
import type { PendingWrites } from './pending-writes.js';

type ReceiptSide = 'visitor' | 'agent';

/**
 * How often `start` tries again when its insert lost a race but the winner is gone by the time it
 * looks (resolved in between). Each retry needs another writer to win in a tiny window, so a
 * handful is plenty; running out is reported as `CONFLICT`.
 */
const START_ATTEMPTS = 3;

/** Turns a caller's limit into MongoDB's, where 0 would mean "no limit". */
function positiveLimit(limit: number): number {
  return Number.isFinite(limit) ? Math.max(0, Math.floor(limit)) : 0;
}

/**
 * Conversations in MongoDB. "One conversation per start request" and "one open conversation per
 * customer" are unique indexes (the second a partial one), so they hold across server processes;
 * every change is a single atomic update, never a read-modify-write.
 */
export class MongoConversationRepository implements ConversationRepository {
  constructor(
    private readonly conversations: Model<ConversationDocument>,
    private readonly pending: PendingWrites,
  ) {}

  async start(input: StartConversationInput): Promise<StartConversationResult> {
    const doc = toConversationDocument(input.conversation, input.requestId);
    const { customerId } = doc;
    // Insert first, then look: the unique indexes decide who wins a race, not a prior read.
    for (let attempt = 0; attempt < START_ATTEMPTS; attempt++) {
      try {
        await this.pending.track(() => this.conversations.insertOne(doc));
        return { conversation: toConversation(doc), created: true };
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        // The request id first: a retry gets what its request created, even once it is resolved.
        const existing =
          (await this.findOne({ customerId, requestId: input.requestId })) ??
          (await this.findOne({ customerId, status: 'open' }));
        if (existing) return { conversation: toConversation(existing), created: false };
        if (isDuplicateKeyError(error, '_id_')) {
          throw new AftercareError('CONFLICT', `A conversation with id ${doc._id} already exists.`);
        }
        // The open conversation that blocked us was resolved meanwhile: try the insert again.
      }
    }
    throw new AftercareError('CONFLICT', 'The conversation could not be started; try again.');
  }

  async getById(id: string): Promise<Conversation | null> {
    const doc = await this.conversations.findById(id).lean<ConversationDocument>().exec();
    return doc ? toConversation(doc) : null;
  }

  async listByCustomer(customerId: string, limit: number): Promise<Conversation[]> {
    const n = positiveLimit(limit);
    if (n === 0) return [];
    const docs = await this.conversations
      .find({ customerId })
      .sort({ createdAt: -1, _id: -1 })
      .limit(n)
      .lean<ConversationDocument[]>()
      .exec();
    return docs.map(toConversation);
  }

  async listByTenant(query: ListConversationsQuery): Promise<Conversation[]> {
    const n = positiveLimit(query.limit);
    if (n === 0) return [];
    const docs = await this.conversations
      .find(conversationListFilter(query))
      .sort({ updatedAt: -1, _id: -1 })
      .limit(n)
      .lean<ConversationDocument[]>()
      .exec();
    return docs.map(toConversation);
  }

  async setStatus(id: string, status: ConversationStatus, now: number): Promise<Conversation | null> {
    const at = new Date(now);
    const unchanged = { $eq: ['$status', { $literal: status }] };
    // One pipeline update, evaluated against the stored document: setting the status it already has
    // changes nothing, so `resolvedAt` keeps its first value and `updatedAt` does not move.
    const update = [
      {
        $set: {
          updatedAt: { $cond: [unchanged, '$updatedAt', at] },
          resolvedAt: { $cond: [unchanged, '$resolvedAt', status === 'resolved' ? at : null] },
          status: { $literal: status },
        },
      },
    ];
    try {
      const doc = await this.pending.track(() =>
        this.conversations
          .findOneAndUpdate({ _id: id }, update, { returnDocument: 'after', updatePipeline: true })
          .lean<ConversationDocument>()
          .exec(),
      );
      return doc ? toConversation(doc) : null;
    } catch (error) {
      if (isDuplicateKeyError(error, conversationIndexes.oneOpenPerCustomer)) {
        throw new AftercareError('CONFLICT', 'The customer already has another open conversation.');
      }
      throw error;
    }
  }

  async setAssignee(
    id: string,
    assigneeId: string | null,
    expectedAssigneeId: string | null,
    now: number,
  ): Promise<RoutingWrite> {
    if (assigneeId !== expectedAssigneeId) {
      // The filter is the compare-and-set; `assigneeId: null` also matches documents without the field.
      const doc = await this.pending.track(() =>
        this.conversations
          .findOneAndUpdate(
            { _id: id, status: 'open', assigneeId: expectedAssigneeId },
            { $set: { assigneeId, updatedAt: new Date(now) } },
            { returnDocument: 'after' },
          )
          .lean<ConversationDocument>()
          .exec(),
      );
      if (doc) return { changed: true, conversation: toConversation(doc) };
    }
    return { changed: false, conversation: await this.getById(id) };
  }

  async setRouting(
    id: string,
    target: { assigneeId: string | null; teamId: string | null },
    expectedAssigneeId: string | null,
    now: number,
  ): Promise<RoutingWrite> {
    // The filter is the compare-and-set on the assignee, and skips a write that would change nothing
    // (`teamId: null` also matches documents written before teams existed).
    const doc = await this.pending.track(() =>
      this.conversations
        .findOneAndUpdate(
          {
            _id: id,
            status: 'open',
            assigneeId: expectedAssigneeId,
            $nor: [{ assigneeId: target.assigneeId, teamId: target.teamId }],
          },
          { $set: { assigneeId: target.assigneeId, teamId: target.teamId, updatedAt: new Date(now) } },
          { returnDocument: 'after' },
        )
        .lean<ConversationDocument>()
        .exec(),
    );
    return doc
      ? { changed: true, conversation: toConversation(doc) }
      : { changed: false, conversation: await this.getById(id) };
  }

  async clearTeam(tenantId: string, teamId: string, now: number): Promise<Conversation[]> {
    const open = await this.conversations
      .find({ tenantId, teamId, status: 'open' })
      .select({ _id: 1 })
      .lean<{ _id: string }[]>()
      .exec();
    const ids = open.map((doc) => doc._id);
    // Open ones move `updatedAt` (they change queue); resolved ones only forget the deleted team.
    await this.pending.track(() =>
      this.conversations
        .updateMany({ tenantId, teamId, status: 'open' }, { $set: { teamId: null, updatedAt: new Date(now) } })
        .exec(),
    );
    await this.pending.track(() =>
      this.conversations.updateMany({ tenantId, teamId }, { $set: { teamId: null } }).exec(),
    );
    if (ids.length === 0) return [];
    // `trusted`: our own `$in` over ids we just read, exempt from `sanitizeFilter`.
    const docs = await this.conversations
      .find({ _id: mongoose.trusted({ $in: ids }), teamId: null, status: 'open' })
      .lean<ConversationDocument[]>()
      .exec();
    return docs.map(toConversation);
  }

  async advanceReceipt(
    id: string,
    side: ReceiptSide,
    kind: 'delivered' | 'read',
    seq: number,
    _now: number,
  ): Promise<Conversation | null> {
    const receipts = side === 'visitor' ? 'visitorReceipts' : 'agentReceipts';
    // A non-number would otherwise reach the server as an expression; treat it as "nothing new".
    const requested = Number.isFinite(seq) ? seq : 0;
    const target = { $min: [{ $literal: requested }, '$lastSeq'] };
    const read = kind === 'read' ? { $max: [`$${receipts}.readSeq`, target] } : `$${receipts}.readSeq`;
    // Whatever was read was necessarily delivered. `updatedAt` is left alone on purpose: receipts
    // are not activity, so they must not reorder the queue or disturb `before` paging.
    const update = [
      {
        $set: {
          [`${receipts}.readSeq`]: read,
          [`${receipts}.deliveredSeq`]: { $max: [`$${receipts}.deliveredSeq`, target, read] },
        },
      },
    ];
    const doc = await this.pending.track(() =>
      this.conversations
        .findOneAndUpdate({ _id: id }, update, { returnDocument: 'after', updatePipeline: true })
        .lean<ConversationDocument>()
        .exec(),
    );
    return doc ? toConversation(doc) : null;
  }

  async listDueForEscalation(now: number, limit: number): Promise<Conversation[]> {
    const docs = await this.conversations
      .find({ status: 'open', escalatedAt: null, escalateAt: mongoose.trusted({ $lte: new Date(now) }) })
      .sort({ escalateAt: 1 })
      .limit(positiveLimit(limit))
      .lean<ConversationDocument[]>()
      .exec();
    return docs.map(toConversation);
  }

  async markEscalated(id: string, now: number): Promise<Conversation | null> {
    // The filter is the compare-and-set: of two processes escalating at once, one matches.
    const doc = await this.pending.track(() =>
      this.conversations
        .findOneAndUpdate(
          { _id: id, status: 'open', escalatedAt: null },
          { $set: { escalatedAt: new Date(now) } },
          { returnDocument: 'after' },
        )
        .lean<ConversationDocument>()
        .exec(),
    );
    return doc ? toConversation(doc) : null;
  }

  private findOne(filter: { customerId: string; requestId: string } | { customerId: string; status: 'open' }) {
    return this.conversations.findOne(filter).lean<ConversationDocument>().exec();
  }
}
