import type { Team } from '@aftercare/shared';
import { Schema } from 'mongoose';
import { strictSchemaOptions, toMillis } from './schema-options.js';

/** A `teams` document; `nameKey` is the lower-cased name the unique index compares. */
export interface TeamDocument {
  _id: string;
  tenantId: string;
  name: string;
  nameKey: string;
  memberIds: string[];
  createdAt: Date;
}

export const teamSchema = new Schema<TeamDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    name: { type: String, required: true },
    nameKey: { type: String, required: true },
    memberIds: { type: [String], default: [] },
    createdAt: { type: Date, required: true },
  },
  { ...strictSchemaOptions, collection: 'teams' },
);
// One name per tenant whatever its case, and the index the list (sorted by name) reads.
teamSchema.index({ tenantId: 1, nameKey: 1 }, { unique: true, name: 'team_name_per_tenant' });

export function toTeam(doc: TeamDocument): Team {
  return {
    id: doc._id,
    tenantId: doc.tenantId,
    name: doc.name,
    memberIds: [...doc.memberIds],
    createdAt: toMillis(doc.createdAt),
  };
}
