import type { ErrorBody } from '@aftercare/shared';

/**
 * A handshake refusal as socket.io delivers it: the client's `connect_error` has the code as
 * `err.message` and the whole body as `err.data`.
 */
export function handshakeError(body: ErrorBody): Error & { data: ErrorBody } {
  return Object.assign(new Error(body.code), { data: body });
}
