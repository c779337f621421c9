import {
  AGENT_NAMESPACE,
  type AgentClientEvents,
  type AgentServerEvents,
  type Conversation,
  PROTOCOL_VERSION,
  type Response,
  VISITOR_NAMESPACE,
  type VisitorClientEvents,
  type VisitorServerEvents,
  type VisitorSessionReadyEvent,
} from '@aftercare/shared';
import { io, type Socket } from 'socket.io-client';
import { DEMO } from '../demo/demo-data.js';

export type VisitorClient = Socket<VisitorServerEvents, VisitorClientEvents>;
export type AgentClient = Socket<AgentServerEvents, AgentClientEvents>;

const clientOptions = { transports: ['websocket'], reconnection: false, forceNew: true };

/** Connects a shopper's socket; resolves once the server sent `session:ready`. */
export async function connectVisitor(
  url: string,
  auth: { siteKey?: string; visitorToken?: string; protocolVersion?: number; userId?: string; userHash?: string } = {},
): Promise<{ socket: VisitorClient; session: VisitorSessionReadyEvent }> {
  const socket: VisitorClient = io(`${url}${VISITOR_NAMESPACE}`, {
    ...clientOptions,
    auth: { protocolVersion: PROTOCOL_VERSION, siteKey: DEMO.siteKey, ...auth },
  });
  const session = await new Promise<VisitorSessionReadyEvent>((resolve, reject) => {
    socket.once('session:ready', resolve);
    socket.once('connect_error', reject);
  });
  return { socket, session };
}

/** Signs in over HTTP and returns the session cookie. */
export async function login(url: string, email: string = DEMO.agentEmail, password: string = DEMO.agentPassword) {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

/** Connects a console socket with a session cookie; resolves once connected. */
export async function connectAgent(url: string, cookie?: string): Promise<AgentClient> {
  const socket: AgentClient = io(`${url}${AGENT_NAMESPACE}`, {
    ...clientOptions,
    auth: { protocolVersion: PROTOCOL_VERSION },
    extraHeaders: { cookie: cookie ?? (await login(url)) },
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('session:ready', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

/** Emits a request and resolves with its ack (with a timeout so a missing ack fails the test clearly). */
export function request<T = unknown>(socket: Socket, event: string, payload?: unknown): Promise<Response<T>> {
  return socket.timeout(5_000).emitWithAck(event, payload) as Promise<Response<T>>;
}

/** Like `request` but expects success and returns the data. */
export async function requestData<T = unknown>(socket: Socket, event: string, payload?: unknown): Promise<T> {
  const response = await request<T>(socket, event, payload);
  if ('error' in response) throw new Error(`${event} failed: ${JSON.stringify(response.error)}`);
  return response.data;
}

/** Starts a conversation for a connected visitor. */
export async function startConversation(
  socket: VisitorClient,
  extra: Record<string, unknown> = {},
): Promise<Conversation> {
  const data = await requestData<{ conversation: Conversation }>(socket, 'conversation:start', {
    requestId: crypto.randomUUID(),
    ...extra,
  });
  return data.conversation;
}

/** Resolves with the next `count` payloads of `event`. */
export function nextEvents<T>(socket: Socket, event: string, count = 1, timeoutMs = 5_000): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const received: T[] = [];
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`timed out waiting for ${count} × ${event} (got ${received.length})`));
    }, timeoutMs);
    const listener = (payload: T) => {
      received.push(payload);
      if (received.length === count) {
        clearTimeout(timer);
        socket.off(event, listener);
        resolve(received);
      }
    };
    socket.on(event, listener);
  });
}
