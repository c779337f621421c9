import {
  type Ack,
  AGENT_NAMESPACE,
  type AgentClientEvents,
  type AgentHandshake,
  type AgentServerEvents,
  type ErrorBody,
  type ErrorCode,
  PROTOCOL_VERSION,
} from '@aftercare/shared';
import { io, type Socket } from 'socket.io-client';

/** The console's typed socket on the agent namespace. */
export type AgentSocket = Socket<AgentServerEvents, AgentClientEvents>;

export type AgentRequest = keyof AgentClientEvents;
export type RequestPayload<E extends AgentRequest> = Parameters<AgentClientEvents[E]>[0];
export type RequestData<E extends AgentRequest> = Parameters<AgentClientEvents[E]>[1] extends Ack<infer T> ? T : never;

/** Server codes plus the two failures only a client can see: no connection, and no answer in time. */
export type ClientErrorCode = ErrorCode | 'OFFLINE' | 'TIMEOUT';
export type ClientError = Omit<ErrorBody, 'code'> & { code: ClientErrorCode };
export type RequestResult<T> = { data: T } | { error: ClientError };

/**
 * Opens (lazily: call `connect()`) a socket to the agent namespace of the same origin. The
 * session cookie travels with the handshake; the protocol version lets the server refuse an
 * outdated console with `PROTOCOL_MISMATCH` instead of misreading its payloads.
 */
export function createAgentSocket(url: string = AGENT_NAMESPACE, connect: typeof io = io): AgentSocket {
  const auth: AgentHandshake = { protocolVersion: PROTOCOL_VERSION };
  return connect(url, { auth: { ...auth }, withCredentials: true, autoConnect: false });
}

/**
 * Sends one acknowledged request and resolves with its answer, never rejecting.
 * While disconnected it answers `OFFLINE` at once rather than letting socket.io buffer the
 * request: every caller re-issues what it needs after a reconnect, and buffered duplicates would
 * then arrive twice.
 */
export function request<E extends AgentRequest>(
  socket: AgentSocket,
  event: E,
  payload: RequestPayload<E>,
  timeoutMs = 10_000,
): Promise<RequestResult<RequestData<E>>> {
  if (!socket.connected) {
    return Promise.resolve({ error: { code: 'OFFLINE', message: 'not connected' } });
  }
  return new Promise((resolve) => {
    // socket.io's generic typings cannot follow a generic event name through `timeout()`.
    const emitter = socket.timeout(timeoutMs) as unknown as {
      emit(name: string, body: unknown, ack: (err: Error | null, res: RequestResult<RequestData<E>>) => void): void;
    };
    emitter.emit(event, payload, (err, res) => {
      // socket.io fails pending acks at once when the connection drops: that is OFFLINE, not slow.
      if (err) resolve({ error: { code: socket.connected ? 'TIMEOUT' : 'OFFLINE', message: err.message } });
      else resolve(res);
    });
  });
}
