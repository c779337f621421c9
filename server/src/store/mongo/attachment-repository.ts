import mongoose, { type Model } from 'mongoose';
import type {
  AttachmentClaim,
  AttachmentRecord,
  AttachmentRepository,
  AttachmentUploader,
} from '../../domain/attachments/attachment-repository.js';
import { type AttachmentDocument, toAttachmentRecord } from './attachment-schemas.js';
import { conflictOnDuplicate } from './mongo-errors.js';
import type { PendingWrites } from './pending-writes.js';

/**
 * Attachment metadata in MongoDB. A claim of several files runs in a transaction, so a send takes
 * all its files or none even when another send races for one of them.
 */
export class MongoAttachmentRepository implements AttachmentRepository {
  constructor(
    private readonly attachments: Model<AttachmentDocument>,
    private readonly pending: PendingWrites,
  ) {}

  async create(record: AttachmentRecord): Promise<void> {
    const doc: AttachmentDocument = {
      _id: record.id,
      tenantId: record.tenantId,
      siteId: record.siteId,
      uploader: { ...record.uploader },
      name: record.name,
      mimeType: record.mimeType,
      size: record.size,
      width: record.width,
      height: record.height,
      createdAt: new Date(record.createdAt),
      claim: record.claim ? { ...record.claim } : null,
    };
    await this.pending.track(() =>
      conflictOnDuplicate(() => this.attachments.insertOne(doc), `An attachment with id ${record.id} exists.`),
    );
  }

  async getById(id: string): Promise<AttachmentRecord | null> {
    const doc = await this.attachments.findById(id).lean<AttachmentDocument>().exec();
    return doc ? toAttachmentRecord(doc) : null;
  }

  claim(ids: readonly string[], uploader: AttachmentUploader, claim: AttachmentClaim): Promise<boolean> {
    return this.pending.track(async () => {
      try {
        await this.attachments.db.transaction(async (session) => {
          for (const id of ids) {
            const result = await this.attachments
              .updateOne(
                {
                  _id: id,
                  'uploader.kind': uploader.kind,
                  'uploader.id': uploader.id,
                  // Unclaimed, or claimed by this very message (a retried send). `trusted` exempts our
                  // own operator from `sanitizeFilter`; its operands are ids the schema validated.
                  claim: mongoose.trusted({
                    $in: [null, { conversationId: claim.conversationId, clientId: claim.clientId }],
                  }),
                },
                { $set: { claim: { conversationId: claim.conversationId, clientId: claim.clientId } } },
                { session },
              )
              .exec();
            // Aborting the transaction undoes the files this claim already took.
            if (result.matchedCount !== 1) throw new ClaimRefused();
          }
        });
        return true;
      } catch (error) {
        if (error instanceof ClaimRefused) return false;
        throw error;
      }
    });
  }

  countUnclaimed(uploader: AttachmentUploader): Promise<number> {
    return this.attachments
      .countDocuments({ 'uploader.kind': uploader.kind, 'uploader.id': uploader.id, claim: null })
      .exec();
  }

  async deleteUnclaimedBefore(cutoff: number): Promise<string[]> {
    const filter = { claim: null, createdAt: mongoose.trusted({ $lt: new Date(cutoff) }) };
    const docs = await this.attachments.find(filter).select({ _id: 1 }).lean<{ _id: string }[]>().exec();
    const ids: string[] = [];
    // One by one with the condition repeated, so a file claimed meanwhile is kept.
    for (const { _id } of docs) {
      const result = await this.pending.track(() => this.attachments.deleteOne({ _id, ...filter }).exec());
      if (result.deletedCount === 1) ids.push(_id);
    }
    return ids;
  }
}

class ClaimRefused extends Error {}
