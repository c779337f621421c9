import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { ATTACHMENT_HEADERS, ATTACHMENT_IMAGE_TYPES, LIMITS } from '@aftercare/shared';
import { schemas, validate } from '@aftercare/shared/schemas';
import type { AuthService } from '../../domain/agents/auth-service.js';
import type { AttachmentUploader } from '../../domain/attachments/attachment-repository.js';
import type { AttachmentService, UploadOwner } from '../../domain/attachments/attachment-service.js';
import type { VisitorService } from '../../domain/customers/visitor-service.js';
import { AftercareError } from '../../domain/errors.js';
import type { Logger } from '../../lib/logger.js';
import { readSessionCookie } from './cookies.js';
import { isSameOrigin } from './origin.js';
import { sendJson, statusFor } from './router.js';

export interface AttachmentRoutesDeps {
  attachments: AttachmentService;
  visitors: VisitorService;
  auth: AuthService;
  /** The console's own origin: agents upload from there only. */
  publicUrl: string;
  logger: Logger;
}

const UPLOAD_PATH = '/api/attachments';
const DOWNLOAD_PATH = /^\/api\/attachments\/([A-Za-z0-9_-]{8,64})\/[^/]+$/;
const IMAGE_TYPES: readonly string[] = ATTACHMENT_IMAGE_TYPES;

/**
 * `POST /api/attachments` (raw file bytes, streamed with a hard cap) and
 * `GET /api/attachments/:id/:name`. Not routes of the JSON router: the upload body is a file, and
 * the download answer is one.
 * @returns a handler that answers and returns true for these paths, false for any other.
 */
export function createAttachmentRoutes(deps: AttachmentRoutesDeps) {
  const { attachments, logger } = deps;

  function fail(req: IncomingMessage, res: ServerResponse, error: unknown, headers: Record<string, string> = {}) {
    if (!(error instanceof AftercareError)) {
      logger.error('attachment route failed', { path: req.url, error });
      error = new AftercareError('INTERNAL', 'Something went wrong on the server');
    }
    const body = (error as AftercareError).toBody();
    sendJson(res, statusFor(body), { error: body }, headers);
  }

  /** Who is uploading: a widget (site key and visitor token headers) or a console (session cookie). */
  async function ownerOf(req: IncomingMessage): Promise<UploadOwner> {
    const { origin, host } = req.headers;
    const siteKey = req.headers[ATTACHMENT_HEADERS.siteKey];
    if (siteKey !== undefined) {
      const checked = validate(schemas.attachmentVisitorAuth, {
        siteKey,
        visitorToken: req.headers[ATTACHMENT_HEADERS.visitorToken] ?? '',
      });
      if (!checked.ok) throw new AftercareError('UNAUTHORIZED', 'Send the site key and visitor token headers');
      // The same rule as the widget's socket handshake: the page's origin must be on the site's allowlist.
      const foreignOrigin = origin && !isSameOrigin(origin, host, null) ? origin : null;
      const { site, customer } = await deps.visitors.connect(
        checked.value.siteKey,
        checked.value.visitorToken,
        foreignOrigin,
      );
      return { uploader: { kind: 'visitor', id: customer.id }, tenantId: site.tenantId, siteId: site.id };
    }
    // Cookies ride along on cross-site requests; the console's routes answer its own origin only.
    if (origin && !isSameOrigin(origin, host, deps.publicUrl)) {
      throw new AftercareError('ORIGIN_NOT_ALLOWED', 'The console runs on its own origin only');
    }
    const session = await deps.auth.authenticate(readSessionCookie(req.headers.cookie));
    if (!session) throw new AftercareError('UNAUTHORIZED', 'Sign in first');
    return { uploader: { kind: 'agent', id: session.agent.id }, tenantId: session.agent.tenantId, siteId: null };
  }

  /** The caller if they identify themselves (only needed to see their own unattached uploads). */
  async function requesterOf(req: IncomingMessage): Promise<AttachmentUploader | null> {
    try {
      return (await ownerOf(req)).uploader;
    } catch {
      return null;
    }
  }

  async function upload(req: IncomingMessage, res: ServerResponse) {
    // Widgets upload from the shop's origin: let them read the answer (the allowlist is checked below).
    const cors: Record<string, string> = req.headers.origin
      ? { 'access-control-allow-origin': req.headers.origin, vary: 'origin' }
      : {};
    try {
      const query = validate(
        schemas.attachmentUploadQuery,
        Object.fromEntries(new URL(req.url ?? '/', 'http://localhost').searchParams),
      );
      if (!query.ok) throw new AftercareError('INVALID_PAYLOAD', 'Name the file in the `name` query parameter');
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > LIMITS.attachmentBytes) {
        throw new AftercareError('PAYLOAD_TOO_LARGE', `Files are limited to ${LIMITS.attachmentBytes} bytes`);
      }
      const owner = await ownerOf(req);
      const attachment = await attachments.upload(owner, query.value.name, req);
      sendJson(res, 201, { attachment }, cors);
    } catch (error) {
      // The uploader went away mid-file (closed the tab, cancelled): nothing to answer, nothing kept.
      if (req.destroyed && !(error instanceof AftercareError)) return;
      // The rest of an oversized or refused body is not read: answer, then close the connection.
      const unread = !req.readableEnded;
      fail(req, res, error, unread ? { ...cors, connection: 'close' } : cors);
      if (unread) res.once('finish', () => req.destroy());
    }
  }

  async function download(req: IncomingMessage, res: ServerResponse, id: string) {
    try {
      const found = await attachments.openForDownload(id, await requesterOf(req));
      if (!found) throw new AftercareError('NOT_FOUND', 'No such file');
      const { attachment, bytes } = found;
      const inline = IMAGE_TYPES.includes(attachment.mimeType);
      res.writeHead(200, {
        'content-type': attachment.mimeType === 'text/plain' ? 'text/plain; charset=utf-8' : attachment.mimeType,
        'content-length': String(attachment.size),
        'content-disposition': contentDisposition(inline ? 'inline' : 'attachment', attachment.name),
        // Even if a browser rendered the file as a page, it would run in an opaque origin, without scripts.
        'content-security-policy': 'sandbox',
        // The bytes behind an id never change; `private` keeps capability URLs out of shared caches.
        'cache-control': 'private, max-age=31536000, immutable',
        // Shops' pages show shoppers' images in the widget, which runs on the shop's origin.
        'cross-origin-resource-policy': 'cross-origin',
      });
      if (req.method === 'HEAD') {
        bytes.destroy();
        return res.end();
      }
      await pipeline(bytes, res);
    } catch (error) {
      if (res.headersSent) {
        logger.warn('attachment download interrupted', { id, error });
        res.destroy();
      } else fail(req, res, error);
    }
  }

  return async function handleAttachments(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
    if (path === UPLOAD_PATH) {
      if (req.method === 'POST') await upload(req, res);
      else if (req.method === 'OPTIONS') preflight(req, res);
      else sendJson(res, 405, { error: { code: 'NOT_FOUND', message: 'Method not allowed' } });
      return true;
    }
    const match = DOWNLOAD_PATH.exec(path);
    if (!match) return false;
    if (req.method === 'GET' || req.method === 'HEAD') await download(req, res, match[1]!);
    else sendJson(res, 405, { error: { code: 'NOT_FOUND', message: 'Method not allowed' } });
    return true;
  };
}

/**
 * CORS preflight for widgets' uploads. The browser sends no header values here, so the site's
 * allowlist is checked on the upload itself; no credentials (cookies) are ever allowed cross-origin.
 */
function preflight(req: IncomingMessage, res: ServerResponse) {
  res.writeHead(204, {
    'access-control-allow-origin': req.headers.origin ?? '*',
    'access-control-allow-methods': 'POST',
    'access-control-allow-headers': `${ATTACHMENT_HEADERS.siteKey}, ${ATTACHMENT_HEADERS.visitorToken}, content-type`,
    'access-control-max-age': '600',
    vary: 'origin',
  });
  res.end();
}

/** `inline` or `attachment` with the name: an ASCII fallback, and the exact name per RFC 6266 / 5987. */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
