import {
  type AuthorKind,
  AWAITING_REPLY_FROM,
  type AwaitingReplyFrom,
  type Conversation,
  type ConversationStatus,
  type Message,
  type ProductContext,
} from '@aftercare/shared';
import { Schema } from 'mongoose';
import {
  fromMessageAttachmentDocument,
  type MessageAttachmentDocument,
  messageAttachmentSchema,
} from './attachment-schemas.js';
import { embeddedSchemaOptions, strictSchemaOptions, toMillis } from './schema-options.js';

/** How far one side got, as stored inside a conversation. */
export interface ReceiptsDocument {
  deliveredSeq: number;
  readSeq: number;
}

/** A conversation's product as stored; optional fields are absent rather than `null`. */
export type ProductDocument = ProductContext;

/** A `conversations` document: the wire type plus the start request id that makes starts idempotent. */
export interface ConversationDocument {
  _id: string;
  tenantId: string;
  siteId: string;
  customerId: string;
  requestId: string;
  status: ConversationStatus;
  assigneeId: string | null;
  /** Absent in documents written before teams existed: read as `null`. */
  teamId?: string | null;
  product: ProductDocument | null;
  lastSeq: number;
  visitorReceipts: ReceiptsDocument;
  agentReceipts: ReceiptsDocument;
  createdAt: Date;
  updatedAt: Date;
  resolvedAt: Date | null;
  /** Absent in documents written before it existed: read as `null`. */
  awaitingReplyFrom?: AwaitingReplyFrom | null;
  firstReplyAt?: Date | null;
  /** Service promises; absent in documents written before they existed: read as `null` (no promise made). */
  firstReplyDueAt?: Date | null;
  resolutionDueAt?: Date | null;
  escalateAt?: Date | null;
  escalatedAt?: Date | null;
}

/** Index names the repositories match duplicate-key errors against. */
export const conversationIndexes = {
  requestId: 'conversation_request_unique',
  oneOpenPerCustomer: 'conversation_one_open_per_customer',
} as const;

// Product strings are not `required`: Mongoose's required check rejects '', which the domain may allow.
const productSchema = new Schema<ProductDocument>(
  {
    name: { type: String },
    sku: { type: String },
    price: { type: Number },
    currency: { type: String },
    imageUrl: { type: String },
    url: { type: String },
  },
  embeddedSchemaOptions,
);

/** A fresh definition per use: Mongoose may annotate the definition objects it is given. */
function receiptsDefinition() {
  return {
    deliveredSeq: { type: Number, required: true, default: 0 },
    readSeq: { type: Number, required: true, default: 0 },
  };
}

export const conversationSchema = new Schema<ConversationDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    siteId: { type: String, required: true },
    customerId: { type: String, required: true },
    requestId: { type: String, required: true },
    status: { type: String, required: true, enum: ['open', 'resolved'] },
    assigneeId: { type: String, default: null },
    teamId: { type: String, default: null },
    product: { type: productSchema, default: null },
    lastSeq: { type: Number, required: true, default: 0 },
    visitorReceipts: receiptsDefinition(),
    agentReceipts: receiptsDefinition(),
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    resolvedAt: { type: Date, default: null },
    awaitingReplyFrom: { type: String, enum: [...AWAITING_REPLY_FROM, null], default: null },
    firstReplyAt: { type: Date, default: null },
    firstReplyDueAt: { type: Date, default: null },
    resolutionDueAt: { type: Date, default: null },
    escalateAt: { type: Date, default: null },
    escalatedAt: { type: Date, default: null },
  },
  { ...strictSchemaOptions, collection: 'conversations' },
);
// The escalation scanner: open chats not yet escalated (equalities first), by when they fall due.
conversationSchema.index({ status: 1, escalatedAt: 1, escalateAt: 1 }, { name: 'conversations_to_escalate' });
// A retried start with the same request id finds the conversation it created.
conversationSchema.index({ customerId: 1, requestId: 1 }, { unique: true, name: conversationIndexes.requestId });
// At most one open conversation per customer, even when two starts or a start and a reopen race.
conversationSchema.index(
  { customerId: 1 },
  { unique: true, partialFilterExpression: { status: 'open' }, name: conversationIndexes.oneOpenPerCustomer },
);
// `_id` ends each sort key so equal timestamps still come back in a stable order.
conversationSchema.index({ customerId: 1, createdAt: -1, _id: -1 }, { name: 'conversations_by_customer' });
conversationSchema.index({ tenantId: 1, updatedAt: -1, _id: -1 }, { name: 'conversations_by_tenant' });
conversationSchema.index(
  { tenantId: 1, status: 1, updatedAt: -1, _id: -1 },
  { name: 'conversations_by_tenant_status' },
);
// The inbox filters: waiting on whom, one agent's chats (or the unassigned ones), one site.
conversationSchema.index(
  { tenantId: 1, status: 1, awaitingReplyFrom: 1, updatedAt: -1, _id: -1 },
  { name: 'conversations_by_tenant_waiting' },
);
conversationSchema.index(
  { tenantId: 1, assigneeId: 1, updatedAt: -1, _id: -1 },
  { name: 'conversations_by_tenant_assignee' },
);
conversationSchema.index({ tenantId: 1, siteId: 1, updatedAt: -1, _id: -1 }, { name: 'conversations_by_tenant_site' });
// Reports read every conversation created in a range (see `report-repository.ts`).
conversationSchema.index({ tenantId: 1, createdAt: 1 }, { name: 'conversations_for_reports' });
// Deleting a team finds its conversations; sparse on purpose: most conversations have no team.
conversationSchema.index(
  { tenantId: 1, teamId: 1 },
  { name: 'conversations_by_team', partialFilterExpression: { teamId: { $type: 'string' } } },
);

function toProduct(doc: ProductDocument): ProductContext {
  const product: ProductContext = { name: doc.name ?? '' };
  if (doc.sku != null) product.sku = doc.sku;
  if (doc.price != null) product.price = doc.price;
  if (doc.currency != null) product.currency = doc.currency;
  if (doc.imageUrl != null) product.imageUrl = doc.imageUrl;
  if (doc.url != null) product.url = doc.url;
  return product;
}

export function toConversation(doc: ConversationDocument): Conversation {
  return {
    id: doc._id,
    tenantId: doc.tenantId,
    siteId: doc.siteId,
    customerId: doc.customerId,
    status: doc.status,
    assigneeId: doc.assigneeId ?? null,
    teamId: doc.teamId ?? null,
    product: doc.product ? toProduct(doc.product) : null,
    lastSeq: doc.lastSeq,
    visitorReceipts: { deliveredSeq: doc.visitorReceipts.deliveredSeq, readSeq: doc.visitorReceipts.readSeq },
    agentReceipts: { deliveredSeq: doc.agentReceipts.deliveredSeq, readSeq: doc.agentReceipts.readSeq },
    createdAt: toMillis(doc.createdAt),
    updatedAt: toMillis(doc.updatedAt),
    resolvedAt: doc.resolvedAt ? toMillis(doc.resolvedAt) : null,
    awaitingReplyFrom: doc.awaitingReplyFrom ?? null,
    firstReplyAt: doc.firstReplyAt ? toMillis(doc.firstReplyAt) : null,
    firstReplyDueAt: doc.firstReplyDueAt ? toMillis(doc.firstReplyDueAt) : null,
    resolutionDueAt: doc.resolutionDueAt ? toMillis(doc.resolutionDueAt) : null,
    escalateAt: doc.escalateAt ? toMillis(doc.escalateAt) : null,
    escalatedAt: doc.escalatedAt ? toMillis(doc.escalatedAt) : null,
  };
}

/** Maps a new conversation to its document; `requestId` is stored but is not part of the wire type. */
export function toConversationDocument(conversation: Conversation, requestId: string): ConversationDocument {
  return {
    _id: conversation.id,
    tenantId: conversation.tenantId,
    siteId: conversation.siteId,
    customerId: conversation.customerId,
    requestId,
    status: conversation.status,
    assigneeId: conversation.assigneeId,
    teamId: conversation.teamId,
    product: conversation.product === null ? null : { ...conversation.product },
    lastSeq: conversation.lastSeq,
    visitorReceipts: { ...conversation.visitorReceipts },
    agentReceipts: { ...conversation.agentReceipts },
    createdAt: new Date(conversation.createdAt),
    updatedAt: new Date(conversation.updatedAt),
    resolvedAt: conversation.resolvedAt === null ? null : new Date(conversation.resolvedAt),
    awaitingReplyFrom: conversation.awaitingReplyFrom,
    firstReplyAt: conversation.firstReplyAt === null ? null : new Date(conversation.firstReplyAt),
    firstReplyDueAt: toDate(conversation.firstReplyDueAt),
    resolutionDueAt: toDate(conversation.resolutionDueAt),
    escalateAt: toDate(conversation.escalateAt),
    escalatedAt: toDate(conversation.escalatedAt),
  };
}

function toDate(millis: number | null): Date | null {
  return millis === null ? null : new Date(millis);
}

/** A `messages` document. */
export interface MessageDocument {
  _id: string;
  conversationId: string;
  clientId: string;
  seq: number;
  /** `avatarUrl` only for agents with a picture when the message was stored. */
  author: { kind: AuthorKind; id: string; name: string | null; avatarUrl?: string };
  text: string;
  /** Agents-only note; always written (false for public messages), so queries can match it exactly. */
  internal: boolean;
  /** The message's files; absent on messages stored before attachments existed. */
  attachments?: MessageAttachmentDocument[];
  createdAt: Date;
}

/** Index names `messages.append` matches duplicate-key errors against. */
export const messageIndexes = {
  clientId: 'message_client_id_unique',
  seq: 'message_seq_unique',
} as const;

export const messageSchema = new Schema<MessageDocument>(
  {
    _id: { type: String, required: true },
    conversationId: { type: String, required: true },
    clientId: { type: String, required: true },
    seq: { type: Number, required: true },
    author: {
      kind: { type: String, required: true, enum: ['visitor', 'agent', 'system'] },
      // Not `required`: system messages have an empty author id, which Mongoose's required check rejects.
      id: { type: String, default: '' },
      name: { type: String, default: null },
      avatarUrl: { type: String, default: undefined },
    },
    text: { type: String, default: '' },
    internal: { type: Boolean, default: false },
    attachments: { type: [messageAttachmentSchema], default: undefined },
    createdAt: { type: Date, required: true },
  },
  { ...strictSchemaOptions, collection: 'messages' },
);
// A retried send (same client id) can never be stored twice.
messageSchema.index({ conversationId: 1, clientId: 1 }, { unique: true, name: messageIndexes.clientId });
// Serves `listAfter`, `listLatest` and `count`, and makes two messages with one seq impossible.
messageSchema.index({ conversationId: 1, seq: 1 }, { unique: true, name: messageIndexes.seq });

export function toMessage(doc: MessageDocument): Message {
  return {
    id: doc._id,
    conversationId: doc.conversationId,
    clientId: doc.clientId,
    seq: doc.seq,
    author: {
      kind: doc.author.kind,
      id: doc.author.id ?? '',
      name: doc.author.name ?? null,
      ...(doc.author.avatarUrl ? { avatarUrl: doc.author.avatarUrl } : {}),
    },
    text: doc.text,
    internal: doc.internal === true,
    attachments: (doc.attachments ?? []).map(fromMessageAttachmentDocument),
    createdAt: toMillis(doc.createdAt),
  };
}
