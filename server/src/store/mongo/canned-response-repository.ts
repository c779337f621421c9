import type { CannedResponse } from '@aftercare/shared';
import type { Model } from 'mongoose';
import type { CannedResponseRepository } from '../../domain/canned/canned-response-repository.js';
import { type CannedResponseDocument, toCannedResponse } from './canned-response-schemas.js';
import { conflictOnDuplicate } from './mongo-errors.js';
import type { PendingWrites } from './pending-writes.js';

const duplicate = (shortcut: string) => `A canned response with shortcut ${shortcut} already exists.`;

/**
 * Canned responses in MongoDB. Every filter names the tenant next to the id, so one tenant can
 * never read or change another's responses; the unique (tenantId, shortcut) index refuses a taken shortcut.
 */
export class MongoCannedResponseRepository implements CannedResponseRepository {
  constructor(
    private readonly responses: Model<CannedResponseDocument>,
    private readonly pending: PendingWrites,
  ) {}

  async create(response: CannedResponse): Promise<CannedResponse> {
    const doc: CannedResponseDocument = {
      _id: response.id,
      tenantId: response.tenantId,
      shortcut: response.shortcut,
      title: response.title,
      text: response.text,
      createdAt: new Date(response.createdAt),
      updatedAt: new Date(response.updatedAt),
    };
    await this.pending.track(() => conflictOnDuplicate(() => this.responses.insertOne(doc), duplicate(doc.shortcut)));
    return toCannedResponse(doc);
  }

  async getById(tenantId: string, id: string): Promise<CannedResponse | null> {
    const doc = await this.responses.findOne({ _id: id, tenantId }).lean<CannedResponseDocument>().exec();
    return doc ? toCannedResponse(doc) : null;
  }

  async listByTenant(tenantId: string): Promise<CannedResponse[]> {
    const docs = await this.responses.find({ tenantId }).sort({ shortcut: 1 }).lean<CannedResponseDocument[]>().exec();
    return docs.map(toCannedResponse);
  }

  async update(
    tenantId: string,
    id: string,
    changes: Pick<CannedResponse, 'shortcut' | 'title' | 'text' | 'updatedAt'>,
  ): Promise<CannedResponse | null> {
    const doc = await this.pending.track(() =>
      conflictOnDuplicate(
        () =>
          this.responses
            .findOneAndUpdate(
              { _id: id, tenantId },
              {
                $set: {
                  shortcut: changes.shortcut,
                  title: changes.title,
                  text: changes.text,
                  updatedAt: new Date(changes.updatedAt),
                },
              },
              { returnDocument: 'after', runValidators: true },
            )
            .lean<CannedResponseDocument>()
            .exec(),
        duplicate(changes.shortcut),
      ),
    );
    return doc ? toCannedResponse(doc) : null;
  }

  async delete(tenantId: string, id: string): Promise<boolean> {
    const result = await this.pending.track(() => this.responses.deleteOne({ _id: id, tenantId }).exec());
    return result.deletedCount > 0;
  }
}
