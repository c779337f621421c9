import type { ContactDetails, Customer, CustomerTier } from '@aftercare/shared';

/** Links an unguessable visitor token (stored as its SHA-256) to a customer. */
export interface VisitorToken {
  tokenHash: string;
  customerId: string;
  siteId: string;
  createdAt: number;
}

/** Storage port for shoppers' profiles and the tokens their browsers hold. */
export interface CustomerRepository {
  /** Stores a customer and the visitor token that identifies them, atomically. */
  createWithToken(customer: Customer, token: VisitorToken): Promise<Customer>;
  getById(id: string): Promise<Customer | null>;
  /** The customer a token belongs to, or null. */
  getByTokenHash(tokenHash: string): Promise<Customer | null>;
  /** The site's verified customer with the shop's user id `externalId`, or null. */
  getByExternalId(siteId: string, externalId: string): Promise<Customer | null>;
  /** Links one more visitor token (another browser of a verified shopper) to an existing customer. */
  addToken(token: VisitorToken): Promise<void>;
  /**
   * Marks an anonymous customer as the shop's verified user `externalId` (an anonymous visitor who
   * logged in keeps their chats). Null when the customer is unknown or already has an external id;
   * throws `CONFLICT` when another customer of the site has this one.
   */
  markVerified(id: string, externalId: string, now: number): Promise<Customer | null>;
  /** Sets the given contact fields (others unchanged) and returns the updated customer, or null if unknown. */
  updateContact(id: string, contact: ContactDetails, now: number): Promise<Customer | null>;
  /**
   * An agent's edit of the profile: an absent field keeps its value, `null` clears a contact field.
   * Returns the updated customer, or null if unknown.
   */
  updateProfile(id: string, changes: CustomerProfileChanges, now: number): Promise<Customer | null>;
}

/** What `updateProfile` may change (see `CustomerUpdatePayload`). */
export interface CustomerProfileChanges {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  tier?: CustomerTier;
}
