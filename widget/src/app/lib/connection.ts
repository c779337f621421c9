import {
  PROTOCOL_VERSION,
  type Response,
  VISITOR_NAMESPACE,
  type VisitorClientEvents,
  type VisitorHandshake,
  type VisitorServerEvents,
} from '@aftercare/shared';
import { io, type Socket } from 'socket.io-client';
import type { ShopperIdentity } from '../../bridge.js';

/** The widget's typed socket on the visitor namespace. */
export type VisitorSocket = Socket<VisitorServerEvents, VisitorClientEvents>;

/** The successful answer of a visitor request `E`. */
export type AnswerOf<E extends keyof VisitorClientEvents> = Parameters<VisitorClientEvents[E]>[1] extends (
  response: Response<infer T>,
) => void
  ? T
  : never;

/** How long a request may wait for its acknowledgement before we treat the link as broken. */
const REQUEST_TIMEOUT_MS = 10_000;

/** Thrown by `request` when no acknowledgement came in time; the caller retries later. */
export class RequestTimeout extends Error {
  constructor(readonly event: string) {
    super(`${event}: no acknowledgement within ${REQUEST_TIMEOUT_MS} ms`);
  }
}

/**
 * Opens (lazily: `autoConnect: false`) the socket to the server the loader came from. `auth` is a
 * function so every reconnect reads the current visitor token, which may have been issued or
 * dropped since (by this tab or another), and the shopper the page identified, whose hash the
 * server verifies at every connection.
 */
export function createVisitorSocket(
  baseUrl: string,
  siteKey: string,
  readToken: () => string | null,
  readUser: () => ShopperIdentity | null | undefined,
): VisitorSocket {
  return io(new URL(baseUrl).origin + VISITOR_NAMESPACE, {
    auth: (send) => {
      const visitorToken = readToken();
      const user = readUser();
      // Undefined fields vanish in JSON: an anonymous shopper sends no user, a hash-less identify the id alone.
      const handshake: VisitorHandshake = {
        protocolVersion: PROTOCOL_VERSION,
        siteKey,
        userId: user?.id,
        userHash: user?.hash,
      };
      if (visitorToken) handshake.visitorToken = visitorToken;
      send({ ...handshake });
    },
    transports: ['websocket', 'polling'],
    autoConnect: false,
  });
}

/**
 * Sends a request and resolves with its `Response`. Rejects with `RequestTimeout` when the
 * acknowledgement does not come back (socket.io would otherwise wait forever).
 */
export function request<E extends keyof VisitorClientEvents>(
  socket: VisitorSocket,
  event: E,
  payload: Parameters<VisitorClientEvents[E]>[0],
): Promise<Response<AnswerOf<E>>> {
  return new Promise((resolve, reject) => {
    // The typed overloads cannot express a generic event name, hence the loose view.
    const loose = socket.timeout(REQUEST_TIMEOUT_MS) as unknown as {
      emit(event: string, payload: unknown, ack: (error: Error | null, response: Response<AnswerOf<E>>) => void): void;
    };
    loose.emit(event, payload, (error, response) => (error ? reject(new RequestTimeout(event)) : resolve(response)));
  });
}
