import type { FollowUp, FollowUpOutcome, FollowUpView } from '@aftercare/shared';
import mongoose, { type Model } from 'mongoose';
import type { FollowUpRepository, FollowUpResult } from '../../domain/follow-ups/follow-up-repository.js';
import type { FollowUpDocument } from './after-sales-schemas.js';
import { isDuplicateKeyError } from './mongo-errors.js';
import type { PendingWrites } from './pending-writes.js';

function toFollowUp(doc: FollowUpDocument): FollowUp {
  return {
    id: doc._id,
    tenantId: doc.tenantId,
    siteId: doc.siteId,
    ticketId: doc.ticketId,
    ticketNumber: doc.ticketNumber,
    customerId: doc.customerId,
    product: doc.product ?? null,
    sequence: doc.sequence,
    dueAt: doc.dueAt,
    lateAt: doc.lateAt,
    status: doc.status,
    outcome: (doc.outcome ?? null) as FollowUpOutcome | null,
    note: doc.note ?? null,
    doneBy: doc.doneBy ?? null,
    doneAt: doc.doneAt ?? null,
    createdAt: doc.createdAt,
  };
}

function toDocument(followUp: FollowUp): FollowUpDocument {
  return {
    _id: followUp.id,
    tenantId: followUp.tenantId,
    siteId: followUp.siteId,
    ticketId: followUp.ticketId,
    ticketNumber: followUp.ticketNumber,
    customerId: followUp.customerId,
    product: followUp.product,
    sequence: followUp.sequence,
    dueAt: followUp.dueAt,
    lateAt: followUp.lateAt,
    status: followUp.status,
    outcome: followUp.outcome,
    note: followUp.note,
    doneBy: followUp.doneBy,
    doneAt: followUp.doneAt,
    createdAt: followUp.createdAt,
  };
}

/** Follow-ups in MongoDB; each view reads one partial index. */
export class MongoFollowUpRepository implements FollowUpRepository {
  constructor(
    private readonly followUps: Model<FollowUpDocument>,
    private readonly pending: PendingWrites,
  ) {}

  async schedule(followUps: FollowUp[]): Promise<FollowUp[]> {
    const stored: FollowUp[] = [];
    // One by one: a duplicate (ticket, sequence) is skipped, the others are still stored.
    for (const followUp of followUps) {
      try {
        await this.pending.track(() => this.followUps.insertMany([toDocument(followUp)]));
        stored.push(followUp);
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
    return stored;
  }

  async getById(tenantId: string, id: string): Promise<FollowUp | null> {
    const doc = await this.followUps.findOne({ _id: id, tenantId }).lean<FollowUpDocument>().exec();
    return doc ? toFollowUp(doc) : null;
  }

  async list(
    tenantId: string,
    view: FollowUpView,
    now: number,
    page: { offset: number; limit: number },
  ): Promise<FollowUp[]> {
    const query =
      view === 'done'
        ? this.followUps.find({ tenantId, status: 'done' }).sort({ doneAt: -1, _id: -1 })
        : this.followUps
            .find({
              tenantId,
              status: 'pending',
              dueAt: mongoose.trusted(view === 'due' ? { $lte: now } : { $gt: now }),
            })
            .sort({ dueAt: 1, _id: 1 });
    const docs = await query.skip(page.offset).limit(page.limit).lean<FollowUpDocument[]>().exec();
    return docs.map(toFollowUp);
  }

  async complete(tenantId: string, id: string, result: FollowUpResult): Promise<FollowUp | null> {
    const doc = await this.pending.track(() =>
      this.followUps
        .findOneAndUpdate(
          { _id: id, tenantId, status: 'pending' },
          {
            $set: {
              status: 'done',
              outcome: result.outcome,
              note: result.note,
              doneBy: result.doneBy,
              doneAt: result.doneAt,
            },
          },
          { returnDocument: 'after', runValidators: true },
        )
        .lean<FollowUpDocument>()
        .exec(),
    );
    return doc ? toFollowUp(doc) : null;
  }

  async listFallenDue(after: number, upTo: number, limit: number): Promise<FollowUp[]> {
    const docs = await this.followUps
      .find({ status: 'pending', dueAt: mongoose.trusted({ $gt: after, $lte: upTo }) })
      .sort({ dueAt: 1, _id: 1 })
      .limit(limit)
      .lean<FollowUpDocument[]>()
      .exec();
    return docs.map(toFollowUp);
  }
}
