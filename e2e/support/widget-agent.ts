import {
  AGENT_NAMESPACE,
  type AgentClientEvents,
  type AgentServerEvents,
  type Message,
  PROTOCOL_VERSION,
  type Response,
} from '@aftercare/shared';
import { io, type Socket } from 'socket.io-client';
import { DEMO } from './server.js';

/** An agent for browser tests: a plain socket.io client on `/agent`, signed in as the demo agent. */
export interface TestAgent {
  socket: Socket<AgentServerEvents, AgentClientEvents>;
  /** Every `message:created` the agent has seen, in arrival order. */
  received: Message[];
  /** Sends a request and resolves with its data; rejects with the error code. */
  request<E extends keyof AgentClientEvents>(
    event: E,
    payload: Parameters<AgentClientEvents[E]>[0],
  ): Promise<AnswerOf<E>>;
  close(): void;
}

type AnswerOf<E extends keyof AgentClientEvents> = Parameters<AgentClientEvents[E]>[1] extends (
  response: Response<infer T>,
) => void
  ? T
  : never;

/** Signs in through `POST /api/auth/login` (as the demo agent unless told otherwise) and connects with the session cookie. */
export async function connectAgent(
  baseUrl: string,
  credentials: { email: string; password: string } = { email: DEMO.agentEmail, password: DEMO.agentPassword },
): Promise<TestAgent> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  if (!login.ok) throw new Error(`agent login failed: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const socket: TestAgent['socket'] = io(baseUrl + AGENT_NAMESPACE, {
    auth: { protocolVersion: PROTOCOL_VERSION },
    extraHeaders: { cookie },
    transports: ['websocket'],
  });
  const received: Message[] = [];
  socket.on('message:created', ({ message }) => received.push(message));
  await new Promise<void>((resolve, reject) => {
    socket.once('session:ready', () => resolve());
    socket.once('connect_error', reject);
  });
  return {
    socket,
    received,
    request(event, payload) {
      return new Promise((resolve, reject) => {
        const loose = socket as unknown as { emit(e: string, p: unknown, ack: (r: Response<unknown>) => void): void };
        loose.emit(event, payload, (response) => {
          if ('error' in response) reject(new Error(`${event}: ${response.error.code} ${response.error.message}`));
          else resolve(response.data as never);
        });
      });
    },
    close: () => socket.disconnect(),
  };
}
