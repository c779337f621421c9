import type { Attachment } from '@aftercare/shared';

/** Who uploaded a file: a shopper (their customer id) or an agent (their agent id). */
export interface AttachmentUploader {
  kind: 'visitor' | 'agent';
  id: string;
}

/** The message a file was attached to, named by its idempotency key so a retried send can claim it again. */
export interface AttachmentClaim {
  conversationId: string;
  clientId: string;
}

/** An uploaded file's metadata as stored; the bytes live in the `BlobStore` under the same id. */
export interface AttachmentRecord {
  id: string;
  tenantId: string;
  /** The shopper's site; null for an agent's upload (agents belong to the tenant). */
  siteId: string | null;
  uploader: AttachmentUploader;
  name: string;
  mimeType: string;
  size: number;
  width: number | null;
  height: number | null;
  createdAt: number;
  /** Null until a message takes the file; then it never changes. */
  claim: AttachmentClaim | null;
}

/** Storage port for attachment metadata. */
export interface AttachmentRepository {
  create(record: AttachmentRecord): Promise<void>;
  getById(id: string): Promise<AttachmentRecord | null>;
  /**
   * Gives every file in `ids` to the message `claim`, all or none: each must exist, belong to
   * `uploader` and be unclaimed or already claimed by this same message (a retried send). Returns
   * false, changing nothing, when any of them fails that test (decided by a conditional write, so
   * two sends racing for one file cannot both win).
   */
  claim(ids: readonly string[], uploader: AttachmentUploader, claim: AttachmentClaim): Promise<boolean>;
  /** How many of the uploader's files no message has taken yet. */
  countUnclaimed(uploader: AttachmentUploader): Promise<number>;
  /** Deletes the records never claimed and created before `cutoff`; returns their ids. */
  deleteUnclaimedBefore(cutoff: number): Promise<string[]>;
}

/** The wire form of a stored file; the URL carries the name so downloads save under it. */
export function toAttachment(record: AttachmentRecord): Attachment {
  return {
    id: record.id,
    name: record.name,
    mimeType: record.mimeType,
    size: record.size,
    width: record.width,
    height: record.height,
    url: `/api/attachments/${record.id}/${encodeURIComponent(record.name)}`,
    createdAt: record.createdAt,
  };
}
