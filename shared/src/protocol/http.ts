import type { Attachment } from '../domain/attachment.js';
import type { Agent } from '../domain/types.js';

/** `POST /api/auth/login` body. */
export interface LoginRequest {
  email: string;
  password: string;
}

/** `POST /api/auth/login` and `GET /api/auth/me` answer. The session itself travels in an httpOnly cookie. */
export interface SessionInfo {
  agent: Agent;
  expiresAt: number;
}

/** `GET /healthz` answer. */
export interface HealthStatus {
  status: 'ok' | 'draining';
  version: string;
  protocolVersion: number;
  storage: 'sqlite' | 'mongodb';
  uptimeSeconds: number;
}

/**
 * `POST /api/attachments?name=FILE_NAME`: the body is the file's raw bytes (any `Content-Type`; the
 * server detects the type from the bytes), at most `LIMITS.attachmentBytes`. A shopper's widget
 * authenticates with the two headers below (and the page's origin must be on the site's allowlist);
 * a console with its session cookie. Answers 201 with `AttachmentUploadResult`, or an `ErrorBody`:
 * 413 `PAYLOAD_TOO_LARGE`, 415 `UNSUPPORTED_FILE_TYPE`, 401 `UNAUTHORIZED`, 403 `ORIGIN_NOT_ALLOWED`.
 *
 * `GET /api/attachments/:id/:name` downloads a file that was attached to a message (its uploader may
 * also fetch it before that). The URL is the capability: ids are 128 random bits.
 */
export const ATTACHMENT_UPLOAD_PATH = '/api/attachments';

/** Headers a widget sends with an upload (a console sends its session cookie instead). */
export const ATTACHMENT_HEADERS = {
  siteKey: 'x-aftercare-site-key',
  visitorToken: 'x-aftercare-visitor-token',
} as const;

/** `POST /api/attachments` answer; send `attachment.id` in `message:send`'s `attachmentIds`. */
export interface AttachmentUploadResult {
  attachment: Attachment;
}
