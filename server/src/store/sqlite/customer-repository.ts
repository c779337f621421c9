import type { ContactDetails, Customer, CustomerTier } from '@aftercare/shared';
import type { Database } from 'better-sqlite3';
import type {
  CustomerProfileChanges,
  CustomerRepository,
  VisitorToken,
} from '../../domain/customers/customer-repository.js';
import { conflictOnDuplicate } from './sqlite-errors.js';

export interface CustomerRow {
  id: string;
  site_id: string;
  tenant_id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  tier: CustomerTier;
  external_id: string | null;
  verified_at: number | null;
  created_at: number;
  updated_at: number;
}

type ProfileParams = {
  id: string;
  name: string | null;
  keep_name: 0 | 1;
  email: string | null;
  keep_email: 0 | 1;
  phone: string | null;
  keep_phone: 0 | 1;
  tier: CustomerTier | null;
  now: number;
};

export const columns =
  'id, site_id, tenant_id, name, email, phone, tier, external_id, verified_at, created_at, updated_at';

/** Contact fields the shopper never gave are absent from the domain object, not `null`. */
export function toCustomer(row: CustomerRow): Customer {
  const customer: Customer = {
    id: row.id,
    siteId: row.site_id,
    tenantId: row.tenant_id,
    tier: row.tier,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  if (row.name !== null) customer.name = row.name;
  if (row.email !== null) customer.email = row.email;
  if (row.phone !== null) customer.phone = row.phone;
  if (row.external_id !== null) customer.externalId = row.external_id;
  if (row.verified_at !== null) customer.verifiedAt = row.verified_at;
  return customer;
}

/** Shoppers' profiles and their visitor tokens in SQLite. */
export class SqliteCustomerRepository implements CustomerRepository {
  private readonly createBoth;
  private readonly selectById;
  private readonly selectByToken;
  private readonly updateContactFields;
  private readonly updateProfileFields;
  private readonly selectByExternalId;
  private readonly insertToken;
  private readonly claimExternalId;

  constructor(db: Database) {
    const insertCustomer = db.prepare<CustomerRow>(
      `INSERT INTO customers (${columns})
       VALUES (@id, @site_id, @tenant_id, @name, @email, @phone, @tier, @external_id, @verified_at, @created_at,
         @updated_at)`,
    );
    const insertToken = db.prepare<[string, string, string, number]>(
      'INSERT INTO visitor_tokens (token_hash, customer_id, site_id, created_at) VALUES (?, ?, ?, ?)',
    );
    this.insertToken = insertToken;
    // One transaction, so a customer never exists without the token that reaches it.
    this.createBoth = db.transaction((row: CustomerRow, token: VisitorToken) => {
      insertCustomer.run(row);
      insertToken.run(token.tokenHash, token.customerId, token.siteId, token.createdAt);
    });
    this.selectById = db.prepare<[string], CustomerRow>(`SELECT ${columns} FROM customers WHERE id = ?`);
    this.selectByToken = db.prepare<[string], CustomerRow>(
      `SELECT ${columns.replace(/(\w+)/g, 'c.$1')}
       FROM visitor_tokens t JOIN customers c ON c.id = t.customer_id WHERE t.token_hash = ?`,
    );
    this.selectByExternalId = db.prepare<[string, string], CustomerRow>(
      `SELECT ${columns} FROM customers WHERE site_id = ? AND external_id = ?`,
    );
    // Only an anonymous customer can be claimed; one already verified keeps its user id for good.
    this.claimExternalId = db.prepare<{ id: string; external_id: string; now: number }, CustomerRow>(
      `UPDATE customers SET external_id = @external_id, verified_at = @now, updated_at = @now
       WHERE id = @id AND external_id IS NULL RETURNING ${columns}`,
    );
    // COALESCE keeps a field whose new value is NULL (the caller left it undefined).
    this.updateContactFields = db.prepare<
      { id: string; name: string | null; email: string | null; phone: string | null; now: number },
      CustomerRow
    >(
      `UPDATE customers SET name = COALESCE(@name, name), email = COALESCE(@email, email),
         phone = COALESCE(@phone, phone), updated_at = @now
       WHERE id = @id RETURNING ${columns}`,
    );
    // Unlike COALESCE above, a field is kept only when the caller did not name it (`keep_*` = 1),
    // so an agent can clear one with null.
    this.updateProfileFields = db.prepare<ProfileParams, CustomerRow>(
      `UPDATE customers SET
         name = CASE WHEN @keep_name = 1 THEN name ELSE @name END,
         email = CASE WHEN @keep_email = 1 THEN email ELSE @email END,
         phone = CASE WHEN @keep_phone = 1 THEN phone ELSE @phone END,
         tier = COALESCE(@tier, tier), updated_at = @now
       WHERE id = @id RETURNING ${columns}`,
    );
  }

  async createWithToken(customer: Customer, token: VisitorToken): Promise<Customer> {
    const row: CustomerRow = {
      id: customer.id,
      site_id: customer.siteId,
      tenant_id: customer.tenantId,
      name: customer.name ?? null,
      email: customer.email ?? null,
      phone: customer.phone ?? null,
      tier: customer.tier,
      external_id: customer.externalId ?? null,
      verified_at: customer.verifiedAt ?? null,
      created_at: customer.createdAt,
      updated_at: customer.updatedAt,
    };
    conflictOnDuplicate(() => this.createBoth.immediate(row, token), 'This customer or visitor token already exists.');
    return toCustomer(row);
  }

  async getById(id: string): Promise<Customer | null> {
    const row = this.selectById.get(id);
    return row ? toCustomer(row) : null;
  }

  async getByTokenHash(tokenHash: string): Promise<Customer | null> {
    const row = this.selectByToken.get(tokenHash);
    return row ? toCustomer(row) : null;
  }

  async getByExternalId(siteId: string, externalId: string): Promise<Customer | null> {
    const row = this.selectByExternalId.get(siteId, externalId);
    return row ? toCustomer(row) : null;
  }

  async addToken(token: VisitorToken): Promise<void> {
    conflictOnDuplicate(
      () => this.insertToken.run(token.tokenHash, token.customerId, token.siteId, token.createdAt),
      'This visitor token already exists.',
    );
  }

  async markVerified(id: string, externalId: string, now: number): Promise<Customer | null> {
    const row = conflictOnDuplicate(
      () => this.claimExternalId.get({ id, external_id: externalId, now }),
      'Another customer of this site has this user id.',
    );
    return row ? toCustomer(row) : null;
  }

  async updateContact(id: string, contact: ContactDetails, now: number): Promise<Customer | null> {
    const row = this.updateContactFields.get({
      id,
      name: contact.name ?? null,
      email: contact.email ?? null,
      phone: contact.phone ?? null,
      now,
    });
    return row ? toCustomer(row) : null;
  }

  async updateProfile(id: string, changes: CustomerProfileChanges, now: number): Promise<Customer | null> {
    const row = this.updateProfileFields.get({
      id,
      name: changes.name ?? null,
      keep_name: changes.name === undefined ? 1 : 0,
      email: changes.email ?? null,
      keep_email: changes.email === undefined ? 1 : 0,
      phone: changes.phone ?? null,
      keep_phone: changes.phone === undefined ? 1 : 0,
      tier: changes.tier ?? null,
      now,
    });
    return row ? toCustomer(row) : null;
  }
}
