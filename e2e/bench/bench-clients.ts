import {
  AGENT_NAMESPACE,
  type Conversation,
  PROTOCOL_VERSION,
  VISITOR_NAMESPACE,
  type VisitorSessionReadyEvent,
} from '@aftercare/shared';
import { io, type Socket } from 'socket.io-client';
import { DEMO } from '../support/server.js';

export interface BenchVisitor {
  socket: Socket;
  conversation: Conversation;
}

const options = { transports: ['websocket'], reconnection: false, forceNew: true };

/** Signs the demo agent in once and opens `count` console sockets with that session. */
export async function connectAgents(url: string, count: number): Promise<Socket[]> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO.agentEmail, password: DEMO.agentPassword }),
  });
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  return Promise.all(
    Array.from({ length: count }, async () => {
      const socket = io(`${url}${AGENT_NAMESPACE}`, {
        ...options,
        auth: { protocolVersion: PROTOCOL_VERSION },
        extraHeaders: { cookie },
      });
      await new Promise((resolve, reject) => socket.once('session:ready', resolve).once('connect_error', reject));
      return socket;
    }),
  );
}

/** Opens `count` shopper sockets, each with its own conversation, `batch` handshakes at a time. */
export async function connectVisitors(url: string, count: number, batch = 50): Promise<BenchVisitor[]> {
  const visitors: BenchVisitor[] = [];
  for (let start = 0; start < count; start += batch) {
    const size = Math.min(batch, count - start);
    visitors.push(
      ...(await Promise.all(
        Array.from({ length: size }, async () => {
          const socket = io(`${url}${VISITOR_NAMESPACE}`, {
            ...options,
            auth: { protocolVersion: PROTOCOL_VERSION, siteKey: DEMO.siteKey },
          });
          await new Promise<VisitorSessionReadyEvent>((resolve, reject) =>
            socket.once('session:ready', resolve).once('connect_error', reject),
          );
          const response = await socket
            .timeout(30_000)
            .emitWithAck('conversation:start', { requestId: crypto.randomUUID() });
          return { socket, conversation: (response as { data: { conversation: Conversation } }).data.conversation };
        }),
      )),
    );
  }
  return visitors;
}
