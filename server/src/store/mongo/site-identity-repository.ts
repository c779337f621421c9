import type { SiteIdentity } from '@aftercare/shared';
import { type Model, Schema } from 'mongoose';
import type { SiteIdentityChanges, SiteIdentityRepository } from '../../domain/sites/site-identity-repository.js';
import type { PendingWrites } from './pending-writes.js';
import { strictSchemaOptions, toMillis } from './schema-options.js';

/**
 * A `site_identities` document, keyed by site id. Kept out of the `sites` collection so that no
 * read of a site (every role's, the widget's) can carry the secret.
 */
export interface SiteIdentityDocument {
  _id: string;
  secret: string;
  required: boolean;
  rotatedAt: Date;
}

export const siteIdentitySchema = new Schema<SiteIdentityDocument>(
  {
    _id: { type: String, required: true },
    secret: { type: String, required: true },
    required: { type: Boolean, required: true },
    rotatedAt: { type: Date, required: true },
  },
  { ...strictSchemaOptions, collection: 'site_identities' },
);

function toSiteIdentity(doc: SiteIdentityDocument): SiteIdentity {
  return { siteId: doc._id, secret: doc.secret, required: doc.required, rotatedAt: toMillis(doc.rotatedAt) };
}

/** Sites' identity verification settings in MongoDB. */
export class MongoSiteIdentityRepository implements SiteIdentityRepository {
  constructor(
    private readonly identities: Model<SiteIdentityDocument>,
    private readonly pending: PendingWrites,
  ) {}

  async get(siteId: string): Promise<SiteIdentity | null> {
    const doc = await this.identities.findById(siteId).lean<SiteIdentityDocument>().exec();
    return doc ? toSiteIdentity(doc) : null;
  }

  async ensure(initial: SiteIdentity): Promise<SiteIdentity> {
    // `$setOnInsert` with an upsert: the first writer's secret is stored, later ones read it back.
    const doc = await this.pending.track(() =>
      this.identities
        .findOneAndUpdate(
          { _id: initial.siteId },
          {
            $setOnInsert: {
              secret: initial.secret,
              required: initial.required,
              rotatedAt: new Date(initial.rotatedAt),
            },
          },
          { upsert: true, returnDocument: 'after' },
        )
        .lean<SiteIdentityDocument>()
        .exec(),
    );
    if (!doc) throw new Error(`site_identities: the upsert of ${initial.siteId} returned nothing`);
    return toSiteIdentity(doc);
  }

  async update(siteId: string, changes: SiteIdentityChanges): Promise<SiteIdentity | null> {
    const set: Partial<Omit<SiteIdentityDocument, '_id'>> = {};
    if (changes.secret !== undefined) set.secret = changes.secret;
    if (changes.required !== undefined) set.required = changes.required;
    if (changes.rotatedAt !== undefined) set.rotatedAt = new Date(changes.rotatedAt);
    const doc = await this.pending.track(() =>
      this.identities
        .findOneAndUpdate({ _id: siteId }, { $set: set }, { returnDocument: 'after' })
        .lean<SiteIdentityDocument>()
        .exec(),
    );
    return doc ? toSiteIdentity(doc) : null;
  }
}
