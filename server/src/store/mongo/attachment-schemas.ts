import type { Attachment } from '@aftercare/shared';
import { Schema } from 'mongoose';
import type { AttachmentRecord } from '../../domain/attachments/attachment-repository.js';
import { embeddedSchemaOptions, strictSchemaOptions, toMillis } from './schema-options.js';

/** An `attachments` document: the file's metadata; its bytes are in the GridFS bucket under the same id. */
export interface AttachmentDocument {
  _id: string;
  tenantId: string;
  siteId: string | null;
  uploader: { kind: 'visitor' | 'agent'; id: string };
  name: string;
  mimeType: string;
  size: number;
  width: number | null;
  height: number | null;
  createdAt: Date;
  claim: { conversationId: string; clientId: string } | null;
}

const claimSchema = new Schema(
  {
    conversationId: { type: String, required: true },
    clientId: { type: String, required: true },
  },
  embeddedSchemaOptions,
);

export const attachmentSchema = new Schema<AttachmentDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    siteId: { type: String, default: null },
    uploader: {
      kind: { type: String, required: true, enum: ['visitor', 'agent'] },
      id: { type: String, required: true },
    },
    name: { type: String, required: true },
    mimeType: { type: String, required: true },
    size: { type: Number, required: true },
    width: { type: Number, default: null },
    height: { type: Number, default: null },
    createdAt: { type: Date, required: true },
    claim: { type: claimSchema, default: null },
  },
  { ...strictSchemaOptions, collection: 'attachments' },
);
// Serve the janitor's sweep of old unattached uploads, and the cap on one uploader's.
attachmentSchema.index(
  { 'uploader.kind': 1, 'uploader.id': 1 },
  { name: 'attachments_unclaimed_by_uploader', partialFilterExpression: { claim: null } },
);
attachmentSchema.index({ createdAt: 1 }, { name: 'attachments_unclaimed', partialFilterExpression: { claim: null } });

export function toAttachmentRecord(doc: AttachmentDocument): AttachmentRecord {
  return {
    id: doc._id,
    tenantId: doc.tenantId,
    siteId: doc.siteId,
    uploader: { kind: doc.uploader.kind, id: doc.uploader.id },
    name: doc.name,
    mimeType: doc.mimeType,
    size: doc.size,
    width: doc.width ?? null,
    height: doc.height ?? null,
    createdAt: toMillis(doc.createdAt),
    claim: doc.claim ? { conversationId: doc.claim.conversationId, clientId: doc.claim.clientId } : null,
  };
}

/** A message's files as embedded in its document (the wire type, with a Date). */
export interface MessageAttachmentDocument extends Omit<Attachment, 'createdAt'> {
  createdAt: Date;
}

export const messageAttachmentSchema = new Schema<MessageAttachmentDocument>(
  {
    id: { type: String, required: true },
    name: { type: String, required: true },
    mimeType: { type: String, required: true },
    size: { type: Number, required: true },
    width: { type: Number, default: null },
    height: { type: Number, default: null },
    url: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  embeddedSchemaOptions,
);

export function toMessageAttachmentDocument(attachment: Attachment): MessageAttachmentDocument {
  return { ...attachment, createdAt: new Date(attachment.createdAt) };
}

export function fromMessageAttachmentDocument(doc: MessageAttachmentDocument): Attachment {
  return {
    id: doc.id,
    name: doc.name,
    mimeType: doc.mimeType,
    size: doc.size,
    width: doc.width ?? null,
    height: doc.height ?? null,
    url: doc.url,
    createdAt: toMillis(doc.createdAt),
  };
}
