/**
 * A file a shopper or an agent attached to a message. Uploaded first over HTTP
 * (`POST /api/attachments`), then referenced by id in `message:send`. The bytes are served from `url`,
 * an unguessable capability URL (the id is 128 random bits), with a content type checked against the
 * file's own bytes, never the uploader's claim.
 */
export interface Attachment {
  id: string;
  /** Original file name, sanitised (no path separators or control characters). */
  name: string;
  /** Detected from the bytes, one of `ATTACHMENT_TYPES`. */
  mimeType: string;
  /** Bytes. */
  size: number;
  /** Pixel size for images, so clients reserve space before the image loads. */
  width: number | null;
  height: number | null;
  /** Path (server-relative) to download the file, e.g. `/api/attachments/ID/receipt.pdf`. */
  url: string;
  createdAt: number;
}

/** File types anyone may attach. Images are shown inline; the rest download. */
export const ATTACHMENT_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export const ATTACHMENT_TYPES = [...ATTACHMENT_IMAGE_TYPES, 'application/pdf', 'text/plain'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];
