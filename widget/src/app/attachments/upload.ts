import {
  ATTACHMENT_HEADERS,
  ATTACHMENT_UPLOAD_PATH,
  type Attachment,
  type AttachmentUploadResult,
  type ErrorBody,
} from '@aftercare/shared';
import type { UploadTarget } from './files.js';

/** An upload that failed; `retryable` when the same file may succeed later (offline, server busy). */
export class UploadError extends Error {
  constructor(
    readonly code: string,
    readonly retryable: boolean,
  ) {
    super(code);
  }
}

/** Codes after which uploading the same bytes again cannot succeed. */
const FINAL = new Set(['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_FILE_TYPE', 'INVALID_PAYLOAD', 'ORIGIN_NOT_ALLOWED']);

/**
 * Uploads one file with XMLHttpRequest (fetch cannot report upload progress), as this shopper.
 * Rejects with `UploadError`; `ABORTED` when `signal` cancels it.
 */
export function uploadFile(
  target: UploadTarget,
  file: File,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<Attachment> {
  return new Promise((resolve, reject) => {
    const token = target.token();
    if (!token) return reject(new UploadError('UNAUTHORIZED', true));
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${target.baseUrl}${ATTACHMENT_UPLOAD_PATH}?name=${encodeURIComponent(file.name || 'file')}`);
    xhr.setRequestHeader(ATTACHMENT_HEADERS.siteKey, target.siteKey);
    xhr.setRequestHeader(ATTACHMENT_HEADERS.visitorToken, token);
    xhr.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    xhr.onload = () => {
      let body: Partial<AttachmentUploadResult> & { error?: ErrorBody } = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {}
      if (xhr.status === 201 && body.attachment) return resolve(body.attachment);
      const code = body.error?.code ?? 'INTERNAL';
      reject(new UploadError(code, !FINAL.has(code)));
    };
    // No answer at all: offline or the server is unreachable; the outbox tries again later.
    xhr.onerror = () => reject(new UploadError('OFFLINE', true));
    xhr.onabort = () => reject(new UploadError('ABORTED', false));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(file);
  });
}
