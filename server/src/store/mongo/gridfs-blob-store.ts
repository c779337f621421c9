import type { Readable } from 'node:stream';
import mongoose, { type Connection } from 'mongoose';
import type { BlobStore, BlobWriter } from '../../domain/attachments/blob-store.js';

type Bucket = InstanceType<typeof mongoose.mongo.GridFSBucket>;

/**
 * Attachment bytes in GridFS (bucket `attachments`), so every server process of a scale-out
 * deployment reads the same files. A file's GridFS id is the attachment id; GridFS writes the
 * files document only when the upload ends, so an aborted upload is never visible.
 */
export class GridFsBlobStore implements BlobStore {
  private readonly bucket: Bucket;

  constructor(connection: Connection) {
    if (!connection.db) throw new Error('GridFS needs an open connection');
    // The connection's write concern (majority, journaled) applies to the chunks and the files document.
    this.bucket = new mongoose.mongo.GridFSBucket(connection.db, { bucketName: 'attachments' });
  }

  async create(id: string): Promise<BlobWriter> {
    const upload = this.bucket.openUploadStreamWithId(id as never, id);
    let finished = false;
    const failed = new Promise<never>((_, reject) => upload.once('error', reject));
    failed.catch(() => undefined);
    return {
      write: (chunk) =>
        new Promise<void>((resolve, reject) => {
          upload.write(chunk, (error) => (error ? reject(error) : resolve()));
        }),
      commit: async () => {
        finished = true;
        await Promise.race([new Promise<void>((resolve) => upload.end(() => resolve())), failed]);
      },
      abort: async () => {
        if (finished) return;
        finished = true;
        // Removes the chunks written so far.
        await upload.abort().catch(() => undefined);
      },
    };
  }

  async open(id: string): Promise<Readable | null> {
    const found = await this.bucket
      .find({ _id: id as never })
      .limit(1)
      .toArray();
    return found.length > 0 ? this.bucket.openDownloadStream(id as never) : null;
  }

  async delete(id: string): Promise<void> {
    await this.bucket.delete(id as never).catch((error: unknown) => {
      // Deleting a missing file is not an error for this port.
      if (!(error instanceof Error && /FileNotFound|not found/i.test(error.message))) throw error;
    });
  }
}
