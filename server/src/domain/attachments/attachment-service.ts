import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { type Attachment, type Conversation, LIMITS } from '@aftercare/shared';
import type { Clock } from '../clock.js';
import type { Actor } from '../conversations/access.js';
import { AftercareError } from '../errors.js';
import {
  type AttachmentRecord,
  type AttachmentRepository,
  type AttachmentUploader,
  toAttachment,
} from './attachment-repository.js';
import type { BlobStore } from './blob-store.js';
import { nameMatchesType, sanitizeFileName } from './file-name.js';
import { FileTypeSniffer } from './file-type.js';

export interface AttachmentServiceDeps {
  attachments: AttachmentRepository;
  blobs: BlobStore;
  clock: Clock;
}

/** Who uploads, and the tenant and site the file will belong to. */
export interface UploadOwner {
  uploader: AttachmentUploader;
  tenantId: string;
  siteId: string | null;
}

/** Uploads live this long without a message before the janitor deletes them. */
export const UNATTACHED_TTL_MS = 24 * 60 * 60_000;

/** The file's id: 128 random bits, because its download URL is the capability to read it. */
function newAttachmentId(): string {
  return randomBytes(16).toString('base64url');
}

export function uploaderOf(actor: Actor): AttachmentUploader {
  return actor.kind === 'visitor' ? { kind: 'visitor', id: actor.customer.id } : { kind: 'agent', id: actor.agent.id };
}

const unavailable = (id: string, why: string) =>
  new AftercareError('ATTACHMENT_UNAVAILABLE', `Attachment ${id} ${why}`);

/** Files attached to messages: upload, attaching to one message, download, clean-up of the unused. */
export function createAttachmentService({ attachments, blobs, clock }: AttachmentServiceDeps) {
  return {
    /**
     * Streams `body` into the blob store while counting and sniffing it, and stores the metadata once
     * the whole file checked out. Nothing stays behind when it does not.
     * @throws AftercareError PAYLOAD_TOO_LARGE (over `LIMITS.attachmentBytes`; reading stops there),
     *   UNSUPPORTED_FILE_TYPE (empty, not an accepted type, or named as another type), RATE_LIMITED
     *   (the sender already holds `LIMITS.attachmentsUnsent` files no message took)
     */
    async upload(owner: UploadOwner, rawName: string, body: AsyncIterable<Buffer>): Promise<Attachment> {
      // Unsent uploads cost disk until the janitor runs: one sender cannot pile them up.
      if ((await attachments.countUnclaimed(owner.uploader)) >= LIMITS.attachmentsUnsent) {
        throw new AftercareError('RATE_LIMITED', 'Send or remove the files already uploaded first', {
          retryAfterMs: 60_000,
        });
      }
      const id = newAttachmentId();
      const name = sanitizeFileName(rawName);
      const sniffer = new FileTypeSniffer();
      const writer = await blobs.create(id);
      let size = 0;
      try {
        for await (const chunk of body) {
          size += chunk.length;
          if (size > LIMITS.attachmentBytes) {
            throw new AftercareError('PAYLOAD_TOO_LARGE', `Files are limited to ${LIMITS.attachmentBytes} bytes`);
          }
          sniffer.push(chunk);
          await writer.write(chunk);
        }
        if (size === 0) throw new AftercareError('UNSUPPORTED_FILE_TYPE', 'The file is empty');
        const detected = sniffer.finish();
        if (!detected)
          throw new AftercareError('UNSUPPORTED_FILE_TYPE', 'Only images, PDF and plain text are accepted');
        if (!nameMatchesType(name, detected.mimeType)) {
          throw new AftercareError('UNSUPPORTED_FILE_TYPE', `The file's name does not match its contents`);
        }
        await writer.commit();
        const record: AttachmentRecord = {
          id,
          tenantId: owner.tenantId,
          siteId: owner.siteId,
          uploader: owner.uploader,
          name,
          mimeType: detected.mimeType,
          size,
          width: detected.width,
          height: detected.height,
          createdAt: clock.now(),
          claim: null,
        };
        try {
          await attachments.create(record);
        } catch (error) {
          await blobs.delete(id);
          throw error;
        }
        return toAttachment(record);
      } catch (error) {
        await writer.abort();
        throw error;
      }
    },

    /**
     * Gives the sender's uploads to the message `(conversation, clientId)`, all or none, and returns
     * them in the order asked. A retried send (same client id) claims the same files again.
     * @throws AftercareError ATTACHMENT_UNAVAILABLE (unknown, another sender's or another tenant's,
     *   or already on another message)
     */
    async claimForMessage(
      actor: Actor,
      conversation: Conversation,
      ids: readonly string[],
      clientId: string,
    ): Promise<Attachment[]> {
      const uploader = uploaderOf(actor);
      const records = await Promise.all(ids.map((id) => attachments.getById(id)));
      records.forEach((record, index) => {
        const id = ids[index]!;
        // Another sender's file answers like an unknown one, so ids cannot be probed.
        if (
          !record ||
          record.uploader.kind !== uploader.kind ||
          record.uploader.id !== uploader.id ||
          record.tenantId !== conversation.tenantId
        ) {
          throw unavailable(id, 'is unknown');
        }
        const { claim } = record;
        if (claim && (claim.conversationId !== conversation.id || claim.clientId !== clientId)) {
          throw unavailable(id, 'is already attached to another message');
        }
      });
      const claimed = await attachments.claim(ids, uploader, { conversationId: conversation.id, clientId });
      if (!claimed) throw unavailable(ids.join(', '), 'was just attached to another message');
      return records.map((record) => toAttachment(record!));
    },

    /**
     * The file behind a download URL: attached ones for anyone holding the URL, unattached ones for
     * their uploader only. Null (answered 404) otherwise.
     */
    async openForDownload(
      id: string,
      requester: AttachmentUploader | null,
    ): Promise<{ attachment: Attachment; bytes: Readable } | null> {
      const record = await attachments.getById(id);
      if (!record) return null;
      const isUploader = requester?.kind === record.uploader.kind && requester.id === record.uploader.id;
      if (!record.claim && !isUploader) return null;
      const bytes = await blobs.open(id);
      return bytes ? { attachment: toAttachment(record), bytes } : null;
    },

    /** Deletes uploads that no message took within `UNATTACHED_TTL_MS`; returns how many. */
    async deleteAbandoned(): Promise<number> {
      const ids = await attachments.deleteUnclaimedBefore(clock.now() - UNATTACHED_TTL_MS);
      for (const id of ids) await blobs.delete(id);
      return ids.length;
    },
  };
}

export type AttachmentService = ReturnType<typeof createAttachmentService>;
