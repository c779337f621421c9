import { type FileHandle, mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { BlobStore, BlobWriter } from '../../domain/attachments/blob-store.js';

/** Blob ids are URL-safe base64 (`[A-Za-z0-9_-]`), so they are safe as file names; anything else is refused. */
const SAFE_ID = /^[A-Za-z0-9_-]{8,64}$/;

function checkedId(id: string): string {
  if (!SAFE_ID.test(id)) throw new Error(`Not a blob id: ${JSON.stringify(id)}`);
  return id;
}

/**
 * Attachment bytes as files under `root` (`DATA_DIR/attachments`): `root/ab/abcdef…` (two-character
 * fan-out keeps folders small), written to `root/tmp/` first, fsynced, then renamed into place, so
 * a crash never leaves a half-written file under a real id.
 */
export class FileBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  private pathOf(id: string): string {
    const safe = checkedId(id);
    return join(this.root, safe.slice(0, 2), safe);
  }

  async create(id: string): Promise<BlobWriter> {
    const finalPath = this.pathOf(id);
    const tmpDir = join(this.root, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    const tmpPath = join(tmpDir, `${checkedId(id)}.part`);
    const file: FileHandle = await open(tmpPath, 'wx');
    let closed = false;
    const close = async () => {
      if (closed) return;
      closed = true;
      await file.close();
    };
    return {
      async write(chunk) {
        await file.write(chunk);
      },
      async commit() {
        await file.sync();
        await close();
        const folder = join(finalPath, '..');
        await mkdir(folder, { recursive: true });
        await rename(tmpPath, finalPath);
        // The rename itself is durable only once the folder's entry is on disk.
        const dir = await open(folder, 'r');
        try {
          await dir.sync();
        } finally {
          await dir.close();
        }
      },
      async abort() {
        await close().catch(() => undefined);
        await rm(tmpPath, { force: true });
      },
    };
  }

  async open(id: string): Promise<Readable | null> {
    const path = this.pathOf(id);
    const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    return handle ? handle.createReadStream() : null;
  }

  async delete(id: string): Promise<void> {
    await rm(this.pathOf(id), { force: true });
  }
}
