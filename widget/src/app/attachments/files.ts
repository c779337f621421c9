import type { Attachment } from '@aftercare/shared';

/**
 * A file of a message in the outbox. The entry (in localStorage) keeps what it needs to render and
 * to send: the uploaded `attachment` once the server has the bytes. Until then the bytes exist
 * only in this page's memory (`LocalFiles`); a reload loses them, and the message then says so.
 */
export interface OutboxFile {
  /** Key of the bytes in `LocalFiles`. */
  key: string;
  name: string;
  size: number;
  mimeType: string;
  attachment?: Attachment;
  /** The page holding the bytes (see `page-id.ts`). */
  page: string;
  /** The bytes were lost to a reload before they were uploaded; the message cannot be sent. */
  lost?: true;
}

/** A file not yet uploaded, and its upload in flight (if any), held in memory by one page. */
export interface LocalFile {
  file: File;
  upload?: Promise<Attachment>;
}

export type LocalFiles = Map<string, LocalFile>;

/** What an upload needs to authenticate as this shopper. */
export interface UploadTarget {
  baseUrl: string;
  siteKey: string;
  token(): string | null;
}

/** `failed` value of an outbox entry whose file was lost to a page reload before it was uploaded. */
export const FILE_LOST = 'FILE_LOST';
