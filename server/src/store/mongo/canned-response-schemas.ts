import type { CannedResponse } from '@aftercare/shared';
import { Schema } from 'mongoose';
import { strictSchemaOptions, toMillis } from './schema-options.js';

/** A `canned_responses` document; `_id` is the domain's string id. */
export interface CannedResponseDocument {
  _id: string;
  tenantId: string;
  shortcut: string;
  title: string;
  text: string;
  createdAt: Date;
  updatedAt: Date;
}

export const cannedResponseSchema = new Schema<CannedResponseDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    shortcut: { type: String, required: true },
    title: { type: String, required: true },
    text: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  // `timestamps` stays off: the domain's clock sets both times.
  { ...strictSchemaOptions, collection: 'canned_responses' },
);
// One shortcut per tenant, and the index the list (sorted by shortcut) reads.
cannedResponseSchema.index({ tenantId: 1, shortcut: 1 }, { unique: true, name: 'canned_shortcut_per_tenant' });

export function toCannedResponse(doc: CannedResponseDocument): CannedResponse {
  return {
    id: doc._id,
    tenantId: doc.tenantId,
    shortcut: doc.shortcut,
    title: doc.title,
    text: doc.text,
    createdAt: toMillis(doc.createdAt),
    updatedAt: toMillis(doc.updatedAt),
  };
}
