import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorBody } from '@aftercare/shared';
import { AftercareError } from '../../domain/errors.js';

export interface RouteRequest {
  raw: IncomingMessage;
  params: Record<string, string>;
  /** The parsed JSON body (only for methods that carry one). */
  body: unknown;
  /** The client's address, for throttling. */
  address: string;
}

export interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string | string[]>;
}

export type RouteHandler = (request: RouteRequest) => Promise<RouteResult> | RouteResult;

interface Route {
  method: string;
  pattern: RegExp;
  keys: string[];
  handler: RouteHandler;
}

/** Largest JSON body accepted; the API takes small documents, uploads will have their own route. */
const MAX_BODY_BYTES = 64 * 1024;

/**
 * A small JSON router: `/api/things/:id` patterns, bodies parsed with a size limit, errors as
 * `{ error: { code, message } }`. Small enough that a framework would add more than it saves.
 */
export function createRouter() {
  const routes: Route[] = [];

  function add(method: string, path: string, handler: RouteHandler): void {
    const keys: string[] = [];
    const pattern = new RegExp(
      `^${path.replace(/:(\w+)/g, (_, key: string) => {
        keys.push(key);
        return '([^/]+)';
      })}$`,
    );
    routes.push({ method, pattern, keys, handler });
  }

  /** Handles the request if a route matches its path; false lets the caller try other handlers. */
  async function dispatch(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const matching = routes.filter((route) => route.pattern.test(path));
    if (matching.length === 0) return false;
    const route = matching.find((candidate) => candidate.method === req.method);
    if (!route) {
      sendJson(res, 405, { error: { code: 'NOT_FOUND', message: 'Method not allowed' } });
      return true;
    }
    const values = route.pattern.exec(path)!.slice(1);
    const params = Object.fromEntries(route.keys.map((key, index) => [key, decodeURIComponent(values[index]!)]));
    try {
      const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await readJson(req);
      const result = await route.handler({ raw: req, params, body, address: req.socket.remoteAddress ?? '' });
      sendJson(res, result.status, result.body, result.headers);
    } catch (error) {
      if (error instanceof AftercareError) sendJson(res, statusFor(error.toBody()), { error: error.toBody() });
      else throw error;
    }
    return true;
  }

  return { get: add.bind(null, 'GET'), post: add.bind(null, 'POST'), dispatch };
}

/** HTTP status for each error code. */
export function statusFor(error: ErrorBody): number {
  switch (error.code) {
    case 'INVALID_PAYLOAD':
    case 'PROTOCOL_MISMATCH':
      return 400;
    case 'UNAUTHORIZED':
    case 'INVALID_CREDENTIALS':
      return 401;
    case 'FORBIDDEN':
    case 'ORIGIN_NOT_ALLOWED':
      return 403;
    case 'NOT_FOUND':
    case 'UNKNOWN_SITE':
      return 404;
    case 'CONFLICT':
    case 'CONVERSATION_CLOSED':
      return 409;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'UNSUPPORTED_FILE_TYPE':
      return 415;
    case 'ATTACHMENT_UNAVAILABLE':
      return 409;
    case 'RATE_LIMITED':
      return 429;
    case 'SHUTTING_DOWN':
      return 503;
    default:
      return 500;
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body?: unknown,
  headers: Record<string, string | string[]> = {},
): void {
  if (res.headersSent) return;
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...(text ? { 'content-type': 'application/json; charset=utf-8' } : {}),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/** Reads a JSON body, refusing other content types (a cheap CSRF guard: forms cannot send JSON) and big bodies. */
async function readJson(req: IncomingMessage): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  const length = Number(req.headers['content-length'] ?? 0);
  if (length === 0 && !req.headers['transfer-encoding']) return undefined;
  if (!type.startsWith('application/json')) {
    throw new AftercareError('INVALID_PAYLOAD', 'Send JSON with Content-Type: application/json');
  }
  if (length > MAX_BODY_BYTES) throw new AftercareError('PAYLOAD_TOO_LARGE', 'Body too large');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new AftercareError('PAYLOAD_TOO_LARGE', 'Body too large');
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new AftercareError('INVALID_PAYLOAD', 'Body is not valid JSON');
  }
}
