import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Conversation, type Message, PROTOCOL_VERSION, VISITOR_NAMESPACE } from '@aftercare/shared';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../demo/demo-data.js';
import {
  type AgentClient,
  connectAgent,
  nextEvents,
  request,
  requestData,
  startConversation,
  type VisitorClient,
} from '../test-support/clients.js';
import { hasRedisServer, startRedisServer, type TestRedisServer } from '../test-support/redis-server.js';
import { spawnServer } from '../test-support/spawn-server.js';

/**
 * `WORKERS=2` as a site owner runs it: one primary on one port, two app processes behind it with
 * sticky sessions, one SQLite file, one Redis. Least-connection balancing puts the first two
 * clients on different workers, so every message here crosses processes.
 */
describe.skipIf(!hasRedisServer())('WORKERS=2: one port, two processes', () => {
  let redis: TestRedisServer;
  let server: Awaited<ReturnType<typeof spawnServer>>;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'aftercare-cluster-'));
  const sockets: Array<{ close(): unknown }> = [];
  let closing = false;

  beforeAll(async () => {
    redis = await startRedisServer();
    server = await spawnServer(dataDir, { WORKERS: '2', REDIS_URL: redis.url });
  }, 60_000);
  afterAll(async () => {
    closing = true;
    for (const socket of sockets) socket.close();
    expect(await server?.stop()).toBe(0);
    await redis?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A shopper on long-polling: each request must reach the worker holding its session. */
  async function pollingVisitor(): Promise<VisitorClient> {
    const socket: VisitorClient = io(`${server.url}${VISITOR_NAMESPACE}`, {
      transports: ['polling'],
      reconnection: false,
      forceNew: true,
      auth: { protocolVersion: PROTOCOL_VERSION, siteKey: DEMO.siteKey },
    });
    sockets.push(socket);
    await new Promise((resolve, reject) => {
      socket.once('session:ready', resolve);
      socket.once('connect_error', reject);
    });
    return socket;
  }

  it('carries a conversation between a polling shopper and an agent on the other worker', async () => {
    const agent: AgentClient = await connectAgent(server.url);
    sockets.push(agent);
    const visitor = await pollingVisitor();
    const created = nextEvents<{ conversation: Conversation }>(agent, 'conversation:created', 1, 10_000);
    const conversation = await startConversation(visitor, { name: 'Xu Lei' });
    expect((await created)[0]!.conversation.id).toBe(conversation.id);

    for (let index = 1; index <= 20; index++) {
      const seen = nextEvents<{ message: Message }>(agent, 'message:created', 1, 10_000);
      const { message } = await requestData<{ message: Message }>(visitor, 'message:send', {
        conversationId: conversation.id,
        clientId: `poll-${index}`,
        text: `message ${index}`,
      });
      expect(message.seq).toBe(index);
      expect((await seen)[0]!.message.id).toBe(message.id);
    }
    const reply = nextEvents<{ message: Message }>(visitor, 'message:created', 1, 10_000);
    await requestData(agent, 'message:send', { conversationId: conversation.id, clientId: 'agent-1', text: 'Got it' });
    expect((await reply)[0]!.message.text).toBe('Got it');
  });

  // One retry: once in a CI run (of many here) the websocket shopper got no `session:ready` within
  // the test's 45 s and no worker had been killed yet; it never reproduced in ~10 local runs. The
  // bounded wait below now says what the client saw, so the next occurrence can be diagnosed.
  // Another time the shopper stayed disconnected for the whole 20 s after the kill: a refusal by a
  // handshake middleware during the failover ends socket.io's own reconnecting, and this client,
  // unlike the widget (`live-updates.ts`), did not try again. It now does, as the widget does.
  it('replaces a worker killed with SIGKILL while the shopper carries on', { timeout: 60_000, retry: 1 }, async () => {
    const workersBefore = workerPids(server.process.pid!);
    expect(workersBefore).toHaveLength(2);
    // Like the widget: keeps the token it was given and shows it on every reconnect.
    let visitorToken: string | undefined;
    const visitor: VisitorClient = io(`${server.url}${VISITOR_NAMESPACE}`, {
      transports: ['websocket'],
      forceNew: true,
      reconnectionDelay: 100,
      auth: (send) => send({ protocolVersion: PROTOCOL_VERSION, siteKey: DEMO.siteKey, visitorToken }),
    });
    sockets.push(visitor);
    visitor.on('session:ready', (session) => {
      visitorToken ??= session.visitorToken;
    });
    const answers: string[] = []; // what each try and each refused handshake got, for the failure message
    // Like the widget: after a middleware's refusal socket.io does not reconnect by itself.
    visitor.on('connect_error', (error: Error & { data?: { retryAfterMs?: number } }) => {
      answers.push(`connect_error ${error.message}@${Date.now()}`);
      if (!visitor.active) setTimeout(() => closing || visitor.connect(), error.data?.retryAfterMs ?? 500);
    });
    await sessionReady(visitor, 15_000);
    const conversation = await startConversation(visitor, { name: 'Ma Jun' });

    // Whichever worker held the shopper, they carry on: reconnected to the other one, or untouched.
    process.kill(workersBefore[0]!, 'SIGKILL');
    // As the widget's outbox does: resend with the same client id until acked.
    let message: Message | undefined;
    for (const deadline = Date.now() + 20_000; !message && Date.now() < deadline; ) {
      const response = await request<{ message: Message }>(visitor, 'message:send', {
        conversationId: conversation.id,
        clientId: 'after-crash',
        text: 'Are you back?',
      }).catch((error: Error) => ({ error: { code: error.message } }));
      if ('data' in response) message = response.data.message;
      else {
        answers.push(`${JSON.stringify(response.error)} connected=${visitor.connected}@${Date.now()}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    expect(message?.seq, `no ack in 20 s; tries: ${answers.join('; ')}`).toBe(1);
    // The killed one may still show for a moment (a signal is acted on when the process next runs).
    const replaced = (pids: number[]) => pids.length === 2 && !pids.includes(workersBefore[0]!);
    let workersAfter = workerPids(server.process.pid!);
    for (let waited = 0; !replaced(workersAfter) && waited < 20_000; waited += 200) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      workersAfter = workerPids(server.process.pid!);
    }
    expect(workersAfter).toHaveLength(2);
    expect(workersAfter).not.toContain(workersBefore[0]);
  });

  it('serves HTTP through the primary and answers health checks', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });
});

/** `nextEvents` for `session:ready`, whose timeout also says what the client saw meanwhile. */
async function sessionReady(socket: VisitorClient, timeoutMs: number): Promise<void> {
  const seen: string[] = [];
  const onConnect = () => seen.push(`connect@${Date.now()}`);
  const onDisconnect = (reason: string) => seen.push(`disconnect ${reason}@${Date.now()}`);
  const onError = (error: Error) => seen.push(`connect_error ${error.message}@${Date.now()}`);
  socket.on('connect', onConnect).on('disconnect', onDisconnect).on('connect_error', onError);
  try {
    await nextEvents(socket, 'session:ready', 1, timeoutMs);
  } catch (error) {
    const saw = seen.join(', ') || 'nothing';
    throw new Error(`${(error as Error).message}; connected=${socket.connected}; saw ${saw}`);
  } finally {
    socket.off('connect', onConnect).off('disconnect', onDisconnect).off('connect_error', onError);
  }
}

/**
 * The primary's live worker processes: the `node` children it forked (read from /proc; tsx's
 * esbuild service is a child too, and a killed worker stays a zombie until it is reaped).
 */
function workerPids(primaryPid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        // `pid (name) state ppid …`; the name may hold spaces, so split after its closing parenthesis.
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const [state, parent] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return name === 'node' && state !== 'Z' && Number(parent) === primaryPid;
      } catch {
        return false; // exited meanwhile
      }
    })
    .map(Number);
}
