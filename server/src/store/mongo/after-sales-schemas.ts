import type { ProductContext } from '@aftercare/shared';
import { Schema } from 'mongoose';
import { strictSchemaOptions } from './schema-options.js';

/**
 * Ratings, rating requests and follow-ups. Times are epoch milliseconds (numbers), the shape the
 * reports read from `ratings` (see `report-repository.ts`).
 */

/** A `ratings` document; `_id` is the rating's id. */
export interface RatingDocument {
  _id: string;
  tenantId: string;
  siteId: string;
  customerId: string;
  subjectKind: 'conversation' | 'ticket';
  subjectId: string;
  score: number;
  comment: string | null;
  agentId: string | null;
  technicianId: string | null;
  productName: string | null;
  productSku: string | null;
  createdAt: number;
  updatedAt: number;
}

export const ratingSchema = new Schema<RatingDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    siteId: { type: String, required: true },
    customerId: { type: String, required: true },
    subjectKind: { type: String, required: true, enum: ['conversation', 'ticket'] },
    subjectId: { type: String, required: true },
    score: { type: Number, required: true, min: 1, max: 5 },
    comment: { type: String, default: null },
    agentId: { type: String, default: null },
    technicianId: { type: String, default: null },
    productName: { type: String, default: null },
    productSku: { type: String, default: null },
    createdAt: { type: Number, required: true },
    updatedAt: { type: Number, required: true },
  },
  { ...strictSchemaOptions, collection: 'ratings' },
);
// One rating per chat or ticket: what keeps two racing submissions to one document.
ratingSchema.index({ subjectKind: 1, subjectId: 1 }, { unique: true, name: 'ratings_one_per_subject' });
ratingSchema.index({ tenantId: 1, createdAt: 1 }, { name: 'ratings_by_tenant' });
ratingSchema.index({ tenantId: 1, customerId: 1, createdAt: -1 }, { name: 'ratings_by_customer' });

/** A `rating_requests` document; `_id` is `<subjectKind>:<subjectId>`, so a subject has one request. */
export interface RatingRequestDocument {
  _id: string;
  subjectKind: 'conversation' | 'ticket';
  subjectId: string;
  tenantId: string;
  siteId: string;
  customerId: string;
  requestedAt: number;
  requestedBy: string | null;
  ticketNumber: string | null;
  product: ProductContext | null;
  agentId: string | null;
  agentName: string | null;
  technicianId: string | null;
}

export const ratingRequestSchema = new Schema<RatingRequestDocument>(
  {
    _id: { type: String, required: true },
    subjectKind: { type: String, required: true, enum: ['conversation', 'ticket'] },
    subjectId: { type: String, required: true },
    tenantId: { type: String, required: true },
    siteId: { type: String, required: true },
    customerId: { type: String, required: true },
    requestedAt: { type: Number, required: true },
    requestedBy: { type: String, default: null },
    ticketNumber: { type: String, default: null },
    product: { type: Schema.Types.Mixed, default: null },
    agentId: { type: String, default: null },
    agentName: { type: String, default: null },
    technicianId: { type: String, default: null },
  },
  { ...strictSchemaOptions, collection: 'rating_requests', minimize: false },
);
ratingRequestSchema.index({ customerId: 1, requestedAt: -1 }, { name: 'rating_requests_by_customer' });

/** A `follow_ups` document; `_id` is the follow-up's id. */
export interface FollowUpDocument {
  _id: string;
  tenantId: string;
  siteId: string;
  ticketId: string;
  ticketNumber: string;
  customerId: string;
  product: ProductContext | null;
  sequence: 1 | 2;
  dueAt: number;
  lateAt: number;
  status: 'pending' | 'done';
  outcome: string | null;
  note: string | null;
  doneBy: string | null;
  doneAt: number | null;
  createdAt: number;
}

export const followUpSchema = new Schema<FollowUpDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    siteId: { type: String, required: true },
    ticketId: { type: String, required: true },
    ticketNumber: { type: String, required: true },
    customerId: { type: String, required: true },
    product: { type: Schema.Types.Mixed, default: null },
    sequence: { type: Number, required: true, enum: [1, 2] },
    dueAt: { type: Number, required: true },
    lateAt: { type: Number, required: true },
    status: { type: String, required: true, enum: ['pending', 'done'] },
    outcome: { type: String, default: null },
    note: { type: String, default: null },
    doneBy: { type: String, default: null },
    doneAt: { type: Number, default: null },
    createdAt: { type: Number, required: true },
  },
  { ...strictSchemaOptions, collection: 'follow_ups', minimize: false },
);
// Scheduling a ticket's follow-ups twice keeps the first ones.
followUpSchema.index({ ticketId: 1, sequence: 1 }, { unique: true, name: 'follow_ups_one_per_sequence' });
followUpSchema.index(
  { tenantId: 1, dueAt: 1, _id: 1 },
  { name: 'follow_ups_pending', partialFilterExpression: { status: 'pending' } },
);
followUpSchema.index(
  { dueAt: 1, _id: 1 },
  { name: 'follow_ups_pending_all', partialFilterExpression: { status: 'pending' } },
);
followUpSchema.index(
  { tenantId: 1, doneAt: -1, _id: -1 },
  { name: 'follow_ups_done', partialFilterExpression: { status: 'done' } },
);
