import { CUSTOMER_TIERS, type Customer, type CustomerTier, DEFAULT_CUSTOMER_TIER } from '@aftercare/shared';
import { Schema } from 'mongoose';
import type { VisitorToken } from '../../domain/customers/customer-repository.js';
import { strictSchemaOptions, toMillis } from './schema-options.js';

/** A `customers` document. Contact fields the shopper never gave are absent, not `null`. */
export interface CustomerDocument {
  _id: string;
  siteId: string;
  tenantId: string;
  name?: string;
  email?: string;
  phone?: string;
  /** Absent in documents written before tiers existed: read as `standard`. */
  tier?: CustomerTier;
  /** Set together, once the shop verified the shopper (identity verification). */
  externalId?: string;
  verifiedAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}

export const customerSchema = new Schema<CustomerDocument>(
  {
    _id: { type: String, required: true },
    siteId: { type: String, required: true },
    tenantId: { type: String, required: true },
    name: { type: String },
    email: { type: String },
    phone: { type: String },
    tier: { type: String, enum: CUSTOMER_TIERS, default: DEFAULT_CUSTOMER_TIER },
    externalId: { type: String },
    verifiedAt: { type: Date },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { ...strictSchemaOptions, collection: 'customers' },
);
// Serves search: a tenant's most recently updated customers (see `MongoSearchRepository`).
customerSchema.index({ tenantId: 1, updatedAt: -1 }, { name: 'customers_by_tenant' });
// At most one verified customer per site and shop user id; anonymous customers (no id) are not indexed.
customerSchema.index(
  { siteId: 1, externalId: 1 },
  { name: 'customers_by_external_id', unique: true, partialFilterExpression: { externalId: { $type: 'string' } } },
);

export function toCustomer(doc: CustomerDocument): Customer {
  const customer: Customer = {
    id: doc._id,
    siteId: doc.siteId,
    tenantId: doc.tenantId,
    // Lean reads skip schema defaults, so older documents without a tier are defaulted here.
    tier: doc.tier ?? DEFAULT_CUSTOMER_TIER,
    createdAt: toMillis(doc.createdAt),
    updatedAt: toMillis(doc.updatedAt),
  };
  // `!= null` also drops a `null` written by hand or by an older version of the adapter.
  if (doc.name != null) customer.name = doc.name;
  if (doc.email != null) customer.email = doc.email;
  if (doc.phone != null) customer.phone = doc.phone;
  if (doc.externalId != null) customer.externalId = doc.externalId;
  if (doc.verifiedAt != null) customer.verifiedAt = toMillis(doc.verifiedAt);
  return customer;
}

/**
 * A `visitor_tokens` document. The primary key is the token's SHA-256, so the always-present
 * unique `_id` index makes two customers sharing a token impossible.
 */
export interface VisitorTokenDocument {
  _id: string;
  customerId: string;
  siteId: string;
  createdAt: Date;
}

export const visitorTokenSchema = new Schema<VisitorTokenDocument>(
  {
    _id: { type: String, required: true },
    customerId: { type: String, required: true },
    siteId: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { ...strictSchemaOptions, collection: 'visitor_tokens' },
);

export function toVisitorTokenDocument(token: VisitorToken): VisitorTokenDocument {
  return {
    _id: token.tokenHash,
    customerId: token.customerId,
    siteId: token.siteId,
    createdAt: new Date(token.createdAt),
  };
}
