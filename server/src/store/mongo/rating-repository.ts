import type { Rating, RatingSubject } from '@aftercare/shared';
import mongoose, { type Model } from 'mongoose';
import type { RatingChanges, RatingRepository, RatingRequestRecord } from '../../domain/ratings/rating-repository.js';
import type { RatingDocument, RatingRequestDocument } from './after-sales-schemas.js';
import { conflictOnDuplicate } from './mongo-errors.js';
import type { PendingWrites } from './pending-writes.js';

function toRating(doc: RatingDocument): Rating {
  return {
    id: doc._id,
    tenantId: doc.tenantId,
    siteId: doc.siteId,
    customerId: doc.customerId,
    subject: { kind: doc.subjectKind, id: doc.subjectId },
    score: doc.score,
    comment: doc.comment ?? null,
    agentId: doc.agentId ?? null,
    technicianId: doc.technicianId ?? null,
    product: doc.productName ? { name: doc.productName, ...(doc.productSku ? { sku: doc.productSku } : {}) } : null,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

function toRequest(doc: RatingRequestDocument): RatingRequestRecord {
  return {
    tenantId: doc.tenantId,
    siteId: doc.siteId,
    customerId: doc.customerId,
    subject: { kind: doc.subjectKind, id: doc.subjectId },
    requestedAt: doc.requestedAt,
    requestedBy: doc.requestedBy ?? null,
    ticketNumber: doc.ticketNumber ?? null,
    product: doc.product ?? null,
    agentId: doc.agentId ?? null,
    agentName: doc.agentName ?? null,
    technicianId: doc.technicianId ?? null,
  };
}

const requestKey = (subject: RatingSubject) => `${subject.kind}:${subject.id}`;

/** Ratings and rating requests in MongoDB; the unique (subjectKind, subjectId) index keeps one rating per subject. */
export class MongoRatingRepository implements RatingRepository {
  constructor(
    private readonly ratings: Model<RatingDocument>,
    private readonly requests: Model<RatingRequestDocument>,
    private readonly pending: PendingWrites,
  ) {}

  async create(rating: Rating): Promise<Rating> {
    const doc: RatingDocument = {
      _id: rating.id,
      tenantId: rating.tenantId,
      siteId: rating.siteId,
      customerId: rating.customerId,
      subjectKind: rating.subject.kind,
      subjectId: rating.subject.id,
      score: rating.score,
      comment: rating.comment,
      agentId: rating.agentId,
      technicianId: rating.technicianId,
      productName: rating.product?.name ?? null,
      productSku: rating.product?.sku ?? null,
      createdAt: rating.createdAt,
      updatedAt: rating.updatedAt,
    };
    await this.pending.track(() =>
      conflictOnDuplicate(() => this.ratings.insertMany([doc]), 'This was rated already.'),
    );
    return toRating(doc);
  }

  async getBySubject(tenantId: string, subject: RatingSubject): Promise<Rating | null> {
    const doc = await this.ratings
      .findOne({ tenantId, subjectKind: subject.kind, subjectId: subject.id })
      .lean<RatingDocument>()
      .exec();
    return doc ? toRating(doc) : null;
  }

  async update(
    tenantId: string,
    subject: RatingSubject,
    changes: RatingChanges,
    createdSince: number,
  ): Promise<Rating | null> {
    const doc = await this.pending.track(() =>
      this.ratings
        .findOneAndUpdate(
          {
            tenantId,
            subjectKind: subject.kind,
            subjectId: subject.id,
            // The window is checked in the same write, so a change can never slip in after it closed.
            createdAt: mongoose.trusted({ $gte: createdSince }),
          },
          { $set: { score: changes.score, comment: changes.comment, updatedAt: changes.updatedAt } },
          { returnDocument: 'after', runValidators: true },
        )
        .lean<RatingDocument>()
        .exec(),
    );
    return doc ? toRating(doc) : null;
  }

  async listByCustomer(tenantId: string, customerId: string, limit: number): Promise<Rating[]> {
    const docs = await this.ratings
      .find({ tenantId, customerId })
      .sort({ createdAt: -1, _id: -1 })
      .limit(limit)
      .lean<RatingDocument[]>()
      .exec();
    return docs.map(toRating);
  }

  async saveRequest(request: RatingRequestRecord): Promise<RatingRequestRecord> {
    const doc = await this.pending.track(() =>
      this.requests
        .findOneAndUpdate(
          { _id: requestKey(request.subject) },
          {
            $set: { requestedAt: request.requestedAt, requestedBy: request.requestedBy },
            $setOnInsert: {
              subjectKind: request.subject.kind,
              subjectId: request.subject.id,
              tenantId: request.tenantId,
              siteId: request.siteId,
              customerId: request.customerId,
              ticketNumber: request.ticketNumber,
              product: request.product,
              agentId: request.agentId,
              agentName: request.agentName,
              technicianId: request.technicianId,
            },
          },
          { upsert: true, returnDocument: 'after', runValidators: true },
        )
        .lean<RatingRequestDocument>()
        .exec(),
    );
    return toRequest(doc as RatingRequestDocument);
  }

  async getRequest(tenantId: string, subject: RatingSubject): Promise<RatingRequestRecord | null> {
    const doc = await this.requests
      .findOne({ _id: requestKey(subject), tenantId })
      .lean<RatingRequestDocument>()
      .exec();
    return doc ? toRequest(doc) : null;
  }

  async listRequestsByCustomer(customerId: string, limit: number): Promise<RatingRequestRecord[]> {
    const docs = await this.requests
      .find({ customerId })
      .sort({ requestedAt: -1, subjectId: -1 })
      .limit(limit)
      .lean<RatingRequestDocument[]>()
      .exec();
    return docs.map(toRequest);
  }
}
