import {
  type Conversation,
  type ConversationStartPayload,
  type Message,
  PROTOCOL_VERSION,
  type Response,
  VISITOR_NAMESPACE,
  type VisitorClientEvents,
  type VisitorServerEvents,
  type VisitorSessionReadyEvent,
} from '@aftercare/shared';
import { io, type Socket } from 'socket.io-client';
import { DEMO } from './server.js';

type VisitorSocket = Socket<VisitorServerEvents, VisitorClientEvents>;
type ServerEventName = keyof VisitorServerEvents;
type ServerEvent<E extends ServerEventName> = Parameters<VisitorServerEvents[E]>[0];

/** A scripted shopper for console tests: a plain socket.io client on the visitor namespace. */
export interface TestShopper {
  socket: VisitorSocket;
  session: VisitorSessionReadyEvent;
  start(payload: Omit<ConversationStartPayload, 'requestId'>): Promise<Conversation>;
  send(conversationId: string, text: string): Promise<Message>;
  /**
   * Resolves with the first `event` (already received or still to come) that matches `test`,
   * so a test never races the server or sleeps.
   */
  waitFor<E extends ServerEventName>(
    event: E,
    test?: (payload: ServerEvent<E>) => boolean,
    timeoutMs?: number,
  ): Promise<ServerEvent<E>>;
  close(): void;
}

/**
 * Connects a shopper to the server at `url` on the demo site; resolves after `session:ready`.
 * Pass the `visitorToken` of an earlier session to come back as the same shopper.
 */
export async function connectShopper(
  url: string,
  options: { siteKey?: string; visitorToken?: string } = {},
): Promise<TestShopper> {
  const { siteKey = DEMO.siteKey, visitorToken } = options;
  const socket: VisitorSocket = io(`${url}${VISITOR_NAMESPACE}`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: { protocolVersion: PROTOCOL_VERSION, siteKey, ...(visitorToken ? { visitorToken } : {}) },
  });
  const received: { event: string; payload: unknown }[] = [];
  const waiters = new Set<() => void>();
  socket.onAny((event: string, payload: unknown) => {
    received.push({ event, payload });
    for (const wake of [...waiters]) wake();
  });
  const session = await new Promise<VisitorSessionReadyEvent>((resolve, reject) => {
    socket.once('session:ready', resolve);
    socket.once('connect_error', reject);
  });

  return {
    socket,
    session,
    async start(payload) {
      const res = await emit<{ conversation: Conversation }>(socket, 'conversation:start', {
        requestId: crypto.randomUUID(),
        ...payload,
      });
      return res.conversation;
    },
    async send(conversationId, text) {
      const res = await emit<{ message: Message }>(socket, 'message:send', {
        conversationId,
        clientId: crypto.randomUUID(),
        text,
      });
      return res.message;
    },
    waitFor(event, test = () => true, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = received.find((item) => item.event === event && test(item.payload as never));
          if (!hit) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(hit.payload as never);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`shopper did not receive ${event} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => socket.close(),
  };
}

async function emit<T>(socket: VisitorSocket, event: string, payload: unknown): Promise<T> {
  const loose = socket.timeout(10_000) as unknown as {
    emitWithAck(name: string, body: unknown): Promise<Response<T>>;
  };
  const res = await loose.emitWithAck(event, payload);
  if ('error' in res) throw new Error(`${event} failed: ${res.error.code} ${res.error.message}`);
  return res.data;
}
