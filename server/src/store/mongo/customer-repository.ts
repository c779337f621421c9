import type { ContactDetails, Customer } from '@aftercare/shared';
import type { Model } from 'mongoose';
import type {
  CustomerProfileChanges,
  CustomerRepository,
  VisitorToken,
} from '../../domain/customers/customer-repository.js';
import { AftercareError } from '../../domain/errors.js';
import {
  type CustomerDocument,
  toCustomer,
  toVisitorTokenDocument,
  type VisitorTokenDocument,
} from './customer-schemas.js';
import { conflictOnDuplicate, isDuplicateKeyError } from './mongo-errors.js';
import type { PendingWrites } from './pending-writes.js';

const contactFields = ['name', 'email', 'phone'] as const;

/**
 * Shoppers' profiles and visitor tokens in MongoDB.
 *
 * `createWithToken` needs both documents or neither, without requiring a replica set for a
 * multi-document transaction. It writes the token first, then the customer, and undoes the token if
 * the customer cannot be stored. A token is only ever read together with its customer, so a token
 * whose customer does not exist (a crash between the two writes) is invisible: nobody can observe
 * a half-finished create, which is what "atomically" has to mean to the port's callers.
 */
export class MongoCustomerRepository implements CustomerRepository {
  constructor(
    private readonly customers: Model<CustomerDocument>,
    private readonly visitorTokens: Model<VisitorTokenDocument>,
    private readonly pending: PendingWrites,
  ) {}

  createWithToken(customer: Customer, token: VisitorToken): Promise<Customer> {
    if (token.customerId !== customer.id) {
      return Promise.reject(new Error('createWithToken: the token belongs to another customer.'));
    }
    return this.pending.track(() => this.createBoth(customer, token));
  }

  async getById(id: string): Promise<Customer | null> {
    const doc = await this.customers.findById(id).lean<CustomerDocument>().exec();
    return doc ? toCustomer(doc) : null;
  }

  async getByTokenHash(tokenHash: string): Promise<Customer | null> {
    const token = await this.visitorTokens.findById(tokenHash).lean<VisitorTokenDocument>().exec();
    return token ? this.getById(token.customerId) : null;
  }

  async getByExternalId(siteId: string, externalId: string): Promise<Customer | null> {
    const doc = await this.customers.findOne({ siteId, externalId }).lean<CustomerDocument>().exec();
    return doc ? toCustomer(doc) : null;
  }

  async addToken(token: VisitorToken): Promise<void> {
    await this.pending.track(() =>
      conflictOnDuplicate(
        () => this.visitorTokens.insertOne(toVisitorTokenDocument(token)),
        'This visitor token is already in use.',
      ),
    );
  }

  async markVerified(id: string, externalId: string, now: number): Promise<Customer | null> {
    // Only an anonymous customer can be claimed; the unique index refuses a user id another customer has.
    const at = new Date(now);
    const doc = await this.pending.track(() =>
      conflictOnDuplicate(
        () =>
          this.customers
            .findOneAndUpdate(
              { _id: id, externalId: { $exists: false } },
              { $set: { externalId, verifiedAt: at, updatedAt: at } },
              { returnDocument: 'after' },
            )
            .lean<CustomerDocument>()
            .exec(),
        'Another customer of this site has this user id.',
      ),
    );
    return doc ? toCustomer(doc) : null;
  }

  async updateContact(id: string, contact: ContactDetails, now: number): Promise<Customer | null> {
    // Only the known contact fields, and only those given: others keep their stored value.
    const set: Partial<Record<(typeof contactFields)[number], string>> & { updatedAt: Date } = {
      updatedAt: new Date(now),
    };
    for (const field of contactFields) {
      const value = contact[field];
      if (value !== undefined) set[field] = value;
    }
    const doc = await this.pending.track(() =>
      this.customers
        .findOneAndUpdate({ _id: id }, { $set: set }, { returnDocument: 'after' })
        .lean<CustomerDocument>()
        .exec(),
    );
    return doc ? toCustomer(doc) : null;
  }

  async updateProfile(id: string, changes: CustomerProfileChanges, now: number): Promise<Customer | null> {
    // Named fields only: a string sets, null removes the field (absent, as if never given).
    const set: Partial<Record<(typeof contactFields)[number] | 'tier', string>> & { updatedAt: Date } = {
      updatedAt: new Date(now),
    };
    const unset: Partial<Record<(typeof contactFields)[number], ''>> = {};
    for (const field of contactFields) {
      const value = changes[field];
      if (value === null) unset[field] = '';
      else if (value !== undefined) set[field] = value;
    }
    if (changes.tier !== undefined) set.tier = changes.tier;
    const update = Object.keys(unset).length > 0 ? { $set: set, $unset: unset } : { $set: set };
    const doc = await this.pending.track(() =>
      this.customers
        .findOneAndUpdate({ _id: id }, update, { returnDocument: 'after', runValidators: true })
        .lean<CustomerDocument>()
        .exec(),
    );
    return doc ? toCustomer(doc) : null;
  }

  private async createBoth(customer: Customer, token: VisitorToken): Promise<Customer> {
    const doc: CustomerDocument = {
      _id: customer.id,
      siteId: customer.siteId,
      tenantId: customer.tenantId,
      tier: customer.tier,
      createdAt: new Date(customer.createdAt),
      updatedAt: new Date(customer.updatedAt),
    };
    for (const field of contactFields) {
      const value = customer[field];
      if (value !== undefined) doc[field] = value;
    }
    if (customer.externalId !== undefined) doc.externalId = customer.externalId;
    if (customer.verifiedAt !== undefined) doc.verifiedAt = new Date(customer.verifiedAt);
    try {
      await this.visitorTokens.insertOne(toVisitorTokenDocument(token));
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new AftercareError('CONFLICT', 'This visitor token is already in use.');
      throw error;
    }
    try {
      await this.customers.insertOne(doc);
    } catch (error) {
      // Best effort: if this delete fails too, the token stays orphaned and unreachable (see above).
      await this.visitorTokens.deleteOne({ _id: token.tokenHash }).catch(() => undefined);
      if (isDuplicateKeyError(error))
        throw new AftercareError('CONFLICT', `A customer with id ${customer.id} (or its user id) already exists.`);
      throw error;
    }
    return toCustomer(doc);
  }
}
