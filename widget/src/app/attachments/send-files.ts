import type { ErrorCode } from '@aftercare/shared';
import type { Outbox, OutboxEntry } from '../lib/outbox.js';
import { FILE_LOST, type LocalFiles, type UploadTarget } from './files.js';
import { pageId } from './page-id.js';
import { UploadError, uploadFile } from './upload.js';

/**
 * Before the outbox sends a message with files: uploads those the server does not have yet
 * (reusing an upload the composer started), records them in the entry, and returns their ids.
 * Returns null after marking the entry failed when a file was refused for good or its bytes were
 * lost to a reload of this page. Throws, leaving the entry queued, while offline or when another
 * open tab holds the bytes (that tab sends it; later messages wait so the order holds).
 */
export async function uploadMissing(
  entry: OutboxEntry,
  outbox: Outbox,
  files: LocalFiles,
  target: UploadTarget,
): Promise<string[] | null> {
  const uploaded = [];
  for (const file of entry.files ?? []) {
    const local = files.get(file.key);
    if (file.attachment) uploaded.push(file);
    else if (!local) {
      if (file.page !== pageId()) throw new Error('Another tab holds this file');
      // Marked on the file too, so the message tells the shopper which file to attach again.
      const marked = (entry.files ?? []).map((other) =>
        other.key === file.key ? { ...other, lost: true as const } : other,
      );
      outbox.replace({ ...entry, files: marked });
      outbox.markFailed(entry.clientId, FILE_LOST);
      return null;
    } else {
      local.upload ??= uploadFile(target, local.file, () => {});
      try {
        uploaded.push({ ...file, attachment: await local.upload });
        files.delete(file.key); // The entry now carries the server's record; the bytes can go.
      } catch (error) {
        local.upload = undefined; // The next attempt starts a new upload.
        if (!(error instanceof UploadError) || error.retryable) throw error;
        outbox.markFailed(entry.clientId, error.code as ErrorCode);
        return null;
      }
    }
  }
  outbox.replace({ ...entry, files: uploaded });
  return uploaded.map((file) => file.attachment!.id);
}
