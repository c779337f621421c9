import {
  ATTACHMENT_UPLOAD_PATH,
  type Attachment,
  type AttachmentUploadResult,
  type ErrorBody,
} from '@aftercare/shared';

/** Why an upload failed: a server error code, `OFFLINE` (no answer) or `ABORTED` (cancelled). */
export class UploadError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/**
 * Uploads one file as the signed-in agent (the session cookie goes along: same origin). Uses
 * XMLHttpRequest because fetch cannot report upload progress.
 */
export function uploadAttachment(
  file: File,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
): Promise<Attachment> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${ATTACHMENT_UPLOAD_PATH}?name=${encodeURIComponent(file.name || 'file')}`);
    xhr.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    xhr.onload = () => {
      let body: Partial<AttachmentUploadResult> & { error?: ErrorBody } = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON (a proxy's error page): reported as INTERNAL below.
      }
      if (xhr.status === 201 && body.attachment) resolve(body.attachment);
      else reject(new UploadError(body.error?.code ?? 'INTERNAL'));
    };
    xhr.onerror = () => reject(new UploadError('OFFLINE'));
    xhr.onabort = () => reject(new UploadError('ABORTED'));
    signal.addEventListener('abort', () => xhr.abort());
    xhr.send(file);
  });
}
