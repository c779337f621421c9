import * as v from 'valibot';
import { CANNED_SHORTCUT_PATTERN } from '../domain/canned-response.js';
import { AGENT_ROLES, AGENT_STATUSES } from '../domain/types.js';
import { LIMITS } from '../protocol/limits.js';
import * as field from './fields.js';

export { customerGet, customerUpdate } from './customer-payloads.js';

/**
 * One schema per inbound payload. All objects are strict: an unknown field is an error, which
 * also keeps `__proto__` and operator-looking keys such as `$ne` out of everything we store.
 */

export const productContext = v.strictObject({
  name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(LIMITS.productName)),
  sku: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(LIMITS.productSku))),
  price: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1e12))),
  currency: v.optional(v.pipe(v.string(), v.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code'))),
  imageUrl: v.optional(field.webUrl),
  url: v.optional(field.webUrl),
});

/**
 * socket.io-client adds `pid` and `offset` to `auth` when it tries to recover a dropped session
 * (connection state recovery); they must pass, or every reconnect after a drop would be refused.
 */
const recoveryFields = {
  pid: v.optional(v.pipe(v.string(), v.maxLength(100))),
  offset: v.optional(v.pipe(v.string(), v.maxLength(100))),
};

export const visitorHandshake = v.strictObject({
  protocolVersion: v.number(),
  ...recoveryFields,
  siteKey: field.id,
  visitorToken: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{20,100}$/, 'malformed token'))),
});

export const agentHandshake = v.strictObject({
  protocolVersion: v.number(),
  ...recoveryFields,
});

export const conversationStart = v.strictObject({
  requestId: field.id,
  name: v.optional(field.name),
  email: v.optional(field.email),
  phone: v.optional(field.phone),
  product: v.optional(productContext),
});

export const emptyPayload = v.strictObject({});

export const conversationRef = v.strictObject({
  conversationId: field.id,
});

export const conversationList = v.strictObject({
  status: v.optional(v.picklist(['open', 'resolved'])),
  before: v.optional(field.seq),
  limit: v.optional(field.limit(LIMITS.listPageMax)),
});

export const messageSend = v.strictObject({
  conversationId: field.id,
  clientId: field.id,
  text: field.text(LIMITS.messageText),
});

export const messagesSync = v.strictObject({
  conversationId: field.id,
  afterSeq: field.seq,
  limit: v.optional(field.limit(LIMITS.syncPageMax)),
});

export const typingSet = v.strictObject({
  conversationId: field.id,
  typing: v.boolean(),
});

export const receiptUpdate = v.strictObject({
  conversationId: field.id,
  kind: v.picklist(['delivered', 'read']),
  seq: field.seq,
});

export const login = v.strictObject({
  email: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.maxLength(LIMITS.email), v.email()),
  password: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.password)),
});

export const agentRole = v.picklist(AGENT_ROLES);

export const presenceSet = v.strictObject({
  status: v.picklist(AGENT_STATUSES),
});

export const conversationTransfer = v.strictObject({
  conversationId: field.id,
  toAgentId: field.id,
});

export const agentCapacity = v.strictObject({
  agentId: field.id,
  capacity: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100)),
});

const cannedFields = {
  shortcut: v.pipe(
    v.string(),
    v.trim(),
    v.minLength(1),
    v.maxLength(LIMITS.cannedShortcut),
    v.regex(CANNED_SHORTCUT_PATTERN, 'lower-case letters, digits and dashes only'),
  ),
  title: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(LIMITS.cannedTitle)),
  text: field.text(LIMITS.cannedText),
};

export const cannedCreate = v.strictObject(cannedFields);

export const cannedUpdate = v.strictObject({ id: field.id, ...cannedFields });

export const cannedRef = v.strictObject({ id: field.id });
