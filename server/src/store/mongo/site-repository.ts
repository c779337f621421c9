import type { Site } from '@aftercare/shared';
import type { Model } from 'mongoose';
import type { SiteChanges, SiteRepository } from '../../domain/sites/site-repository.js';
import { type SiteDocument, toSite } from './account-schemas.js';
import { conflictOnDuplicate } from './mongo-errors.js';
import type { PendingWrites } from './pending-writes.js';

/** Sites in MongoDB. */
export class MongoSiteRepository implements SiteRepository {
  constructor(
    private readonly sites: Model<SiteDocument>,
    private readonly pending: PendingWrites,
  ) {}

  async create(site: Site): Promise<Site> {
    const doc: SiteDocument = {
      _id: site.id,
      tenantId: site.tenantId,
      key: site.key,
      name: site.name,
      allowedOrigins: [...site.allowedOrigins],
      settings: structuredClone(site.settings),
      createdAt: new Date(site.createdAt),
    };
    // Both the `_id` and the `key` index are unique, so either duplicate is a conflict.
    await this.pending.track(() =>
      conflictOnDuplicate(
        () => this.sites.insertOne(doc),
        `A site with id ${site.id} or key ${site.key} already exists.`,
      ),
    );
    return toSite(doc);
  }

  async getById(id: string): Promise<Site | null> {
    const doc = await this.sites.findById(id).lean<SiteDocument>().exec();
    return doc ? toSite(doc) : null;
  }

  async getByKey(key: string): Promise<Site | null> {
    const doc = await this.sites.findOne({ key }).lean<SiteDocument>().exec();
    return doc ? toSite(doc) : null;
  }

  async listByTenant(tenantId: string): Promise<Site[]> {
    const docs = await this.sites.find({ tenantId }).sort({ createdAt: 1, _id: 1 }).lean<SiteDocument[]>().exec();
    return docs.map(toSite);
  }

  async update(tenantId: string, id: string, changes: SiteChanges): Promise<Site | null> {
    // One `$set` per setting: each replaces that setting only, atomically, whatever else changes meanwhile.
    const set: Record<string, unknown> = {};
    if (changes.name !== undefined) set.name = changes.name;
    if (changes.allowedOrigins !== undefined) set.allowedOrigins = [...changes.allowedOrigins];
    for (const [key, value] of Object.entries(changes.settings ?? {})) {
      if (value !== undefined) set[`settings.${key}`] = structuredClone(value);
    }
    if (Object.keys(set).length === 0) {
      const doc = await this.sites.findOne({ _id: id, tenantId }).lean<SiteDocument>().exec();
      return doc ? toSite(doc) : null;
    }
    const doc = await this.pending.track(() =>
      this.sites
        .findOneAndUpdate({ _id: id, tenantId }, { $set: set }, { returnDocument: 'after', runValidators: true })
        .lean<SiteDocument>()
        .exec(),
    );
    return doc ? toSite(doc) : null;
  }
}
