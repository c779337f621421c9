import * as v from 'valibot';
import { CANNED_SHORTCUT_PATTERN } from '../domain/canned-response.js';
import { AGENT_ROLES, AGENT_STATUSES, AWAITING_REPLY_FROM } from '../domain/types.js';
import { LIMITS } from '../protocol/limits.js';
import * as field from './fields.js';
import { productContext } from './product-context.js';

export {
  agentCreate,
  agentUpdate,
  businessHours,
  conversationTransfer,
  siteCreate,
  siteSettings,
  siteUpdate,
  teamCreate,
  teamRef,
  teamUpdate,
} from './admin-payloads.js';
export { alertList, alertRead } from './alert-payloads.js';
export { customerGet, customerUpdate } from './customer-payloads.js';
export { followUpComplete, followUpList, ratingList, ratingRequest, ratingSubmit } from './rating-payloads.js';
export { reportCsvQuery, reportGet } from './report-payloads.js';
export { searchQuery } from './search-payloads.js';
export { siteIdentityRef, siteIdentityUpdate } from './site-identity-payloads.js';
export * from './ticket-payloads.js';

/**
 * One schema per inbound payload. All objects are strict: an unknown field is an error, which
 * also keeps `__proto__` and operator-looking keys such as `$ne` out of everything we store.
 */

export { productContext };

/**
 * socket.io-client adds `pid` and `offset` to `auth` when it tries to recover a dropped session
 * (connection state recovery); they must pass, or every reconnect after a drop would be refused.
 */
const recoveryFields = {
  pid: v.optional(v.pipe(v.string(), v.maxLength(100))),
  offset: v.optional(v.pipe(v.string(), v.maxLength(100))),
};

/**
 * The shop's claim of who the shopper is. The hash is checked against the site's secret by the
 * server (a malformed one is just a wrong one, answered `IDENTITY_INVALID` in `session:ready`),
 * so only its size is limited here.
 */
const identityClaim = {
  userId: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.externalUserId))),
  userHash: v.optional(v.pipe(v.string(), v.maxLength(200))),
};

export const visitorHandshake = v.strictObject({
  protocolVersion: v.number(),
  ...recoveryFields,
  siteKey: field.id,
  visitorToken: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{20,100}$/, 'malformed token'))),
  ...identityClaim,
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
  siteId: v.optional(field.id),
  assigneeId: v.optional(v.nullable(field.id)),
  waitingOn: v.optional(v.picklist(AWAITING_REPLY_FROM)),
  product: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(LIMITS.productName))),
  escalated: v.optional(v.literal(true)),
  cursor: v.optional(v.strictObject({ updatedAt: field.seq, id: field.id })),
  before: v.optional(field.seq),
  limit: v.optional(field.limit(LIMITS.listPageMax)),
});

/** Text may be blank only when files are attached; the same file twice in one message is refused. */
export const messageSend = v.pipe(
  v.strictObject({
    conversationId: field.id,
    clientId: field.id,
    text: v.pipe(v.string(), v.maxLength(LIMITS.messageText)),
    attachmentIds: v.optional(
      v.pipe(
        v.array(field.id),
        v.maxLength(LIMITS.attachmentsPerMessage),
        v.check((ids) => new Set(ids).size === ids.length, 'must not repeat an attachment'),
      ),
    ),
  }),
  v.forward(
    v.check(
      (payload) => payload.text.trim().length > 0 || (payload.attachmentIds?.length ?? 0) > 0,
      'must not be blank without attachments',
    ),
    ['text'],
  ),
);

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

/** `POST /api/attachments` query: the file's name as the sender's computer knew it (sanitised by the server). */
export const attachmentUploadQuery = v.strictObject({
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(1_000)),
});

/** A widget's upload credentials, sent as headers (`ATTACHMENT_HEADERS`). */
export const attachmentVisitorAuth = v.strictObject({
  siteKey: field.id,
  visitorToken: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{20,100}$/, 'malformed token')),
});
