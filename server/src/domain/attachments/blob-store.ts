import type { Readable } from 'node:stream';

/** One file being written. Nothing is visible under its id until `commit` resolves. */
export interface BlobWriter {
  write(chunk: Uint8Array): Promise<void>;
  /** Makes the bytes durable and visible under the id. */
  commit(): Promise<void>;
  /** Throws the partial bytes away; safe to call after a failure, and more than once. */
  abort(): Promise<void>;
}

/**
 * Storage port for attachment bytes: a folder under `DATA_DIR/attachments` in embedded mode,
 * GridFS in MongoDB mode. Metadata lives in the `AttachmentRepository`.
 */
export interface BlobStore {
  create(id: string): Promise<BlobWriter>;
  /** The stored bytes, or null when there is no such blob. */
  open(id: string): Promise<Readable | null>;
  /** Removes the blob; a missing one is not an error. */
  delete(id: string): Promise<void>;
}
