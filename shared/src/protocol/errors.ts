/**
 * The closed set of error codes the server answers with, over sockets and HTTP alike.
 * Clients switch on `code`; `message` is for developers and logs, never shown as-is to shoppers.
 */
export const ERROR_CODES = [
  /** The payload failed validation: wrong types, missing or unknown fields. */
  'INVALID_PAYLOAD',
  /** A string or the whole payload is over its size limit. */
  'PAYLOAD_TOO_LARGE',
  /** No valid visitor token or agent session. */
  'UNAUTHORIZED',
  /** Authenticated, but this caller may not touch this resource (other visitor, other tenant, role). */
  'FORBIDDEN',
  /** The resource does not exist (or is not visible to the caller). */
  'NOT_FOUND',
  /** The request conflicts with the current state (e.g. reopening while another chat is open). */
  'CONFLICT',
  /** A repair ticket cannot move from its current status to the one asked for (see `TICKET_TRANSITIONS`). */
  'TRANSITION_NOT_ALLOWED',
  /** The warranty does not cover this remedy for this purchase; an agent may override with a reason. */
  'NOT_COVERED_BY_WARRANTY',
  /** The conversation is resolved; start a new one or ask an agent to reopen it. */
  'CONVERSATION_CLOSED',
  /** Email or password is wrong. */
  'INVALID_CREDENTIALS',
  /** Too many attempts or events in a short time; retry after `retryAfterMs`. */
  'RATE_LIMITED',
  /** The client speaks another protocol version; reload the widget or console. */
  'PROTOCOL_MISMATCH',
  /** An uploaded file is not one of `ATTACHMENT_TYPES` (judged by its bytes, not its name), or is empty. */
  'UNSUPPORTED_FILE_TYPE',
  /** An attachment id is unknown, not the sender's, or already attached to another message. */
  'ATTACHMENT_UNAVAILABLE',
  /** The site key is unknown. */
  'UNKNOWN_SITE',
  /** The page's origin is not in the site's allowlist. */
  'ORIGIN_NOT_ALLOWED',
  /**
   * The page identified the shopper without a valid HMAC of their user id (wrong or missing hash, or
   * one made with a rotated secret): the widget goes on as an anonymous visitor.
   */
  'IDENTITY_INVALID',
  /** A service the server depends on (Redis) is unreachable; nothing was changed, retry after `retryAfterMs`. */
  'UNAVAILABLE',
  /** The server is shutting down; retry (the client will reconnect elsewhere or later). */
  'SHUTTING_DOWN',
  /** Unexpected server failure; details are in the server log, never on the wire. */
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Error body sent in acks and HTTP error responses. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  /** For INVALID_PAYLOAD: where the payload is wrong, e.g. `["text: expected string"]`. */
  issues?: string[];
  /** For RATE_LIMITED: how long to wait before retrying. */
  retryAfterMs?: number;
}

/**
 * Every acknowledged request answers with exactly one of these.
 * @example
 * socket.emit('message:send', payload, (res) => {
 *   if ('error' in res) showError(res.error.code);
 *   else render(res.data.message);
 * });
 */
export type Response<T> = { data: T } | { error: ErrorBody };

/** Acknowledgement callback type for a request whose successful answer is `T`. */
export type Ack<T> = (response: Response<T>) => void;

/** Type guard for `ERROR_CODES`; used when an error crosses a boundary as plain data. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
