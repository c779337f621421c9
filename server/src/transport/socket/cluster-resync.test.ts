import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../lib/logger.js';
import { hasRedisServer, startRedisServer, type TestRedisServer } from '../../test-support/redis-server.js';
import { type ClusterResync, startClusterResync } from './cluster-resync.js';
import { type OpenedSocketAdapter, openSocketAdapter } from './redis-streams-adapter.js';

/** A bare socket.io server on the Redis Streams adapter, as one server process of a cluster. */
interface Node {
  io: Server;
  http: HttpServer;
  url: string;
  adapter: OpenedSocketAdapter;
  resync: ClusterResync;
}

describe.skipIf(!hasRedisServer())('cluster resync', () => {
  let redis: TestRedisServer;
  const nodes: Node[] = [];
  const sockets: Socket[] = [];

  /** `resync: false`: a process that hears the others' requests but never answers them (hung, or an old version). */
  async function startNode({
    resync: withResync = true,
    goodbyeValidMs = undefined as number | undefined,
  } = {}): Promise<Node> {
    const adapter = await openSocketAdapter({ redisUrl: redis.url, logger: silentLogger });
    const http = createServer();
    const io = new Server(http, { adapter: adapter.adapter });
    io.of('/visitor');
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const resync = withResync
      ? startClusterResync({
          io,
          adapter,
          namespace: '/visitor',
          intervalMs: 50,
          logger: silentLogger,
          ...(goodbyeValidMs === undefined ? {} : { goodbyeValidMs }),
        })
      : { leave: async () => {}, stop: () => {} };
    const node = { io, http, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, adapter, resync };
    nodes.push(node);
    return node;
  }

  /** Graceful (`leave`, as on SIGTERM) or as if the process died (its Redis connections just drop). */
  async function stopNode(node: Node, { graceful = false } = {}): Promise<void> {
    nodes.splice(nodes.indexOf(node), 1);
    if (graceful) await node.resync.leave();
    else node.resync.stop();
    await new Promise<void>((resolve) => node.io.close(() => resolve()));
    await node.adapter.close();
  }

  /** A client that counts how often its transport was closed under it. */
  async function client(node: Node) {
    const socket = connect(`${node.url}/visitor`, { transports: ['websocket'], reconnectionDelay: 50 });
    sockets.push(socket);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const drops: string[] = [];
    socket.on('disconnect', (reason) => drops.push(reason));
    return { socket, drops };
  }

  /**
   * Until `node` counts `count` processes (as its resync's next check will). A new process learns
   * of the others from their answers to its first heartbeat, read off Redis: under a loaded
   * machine (the whole suite on two cores) that took over the default second.
   */
  async function waitForCount(node: Node, count: number): Promise<void> {
    const adapter = node.io.of('/visitor').adapter as unknown as { serverCount(): Promise<number> };
    await expect.poll(() => adapter.serverCount(), { interval: 10, timeout: 5_000 }).toBe(count);
    await new Promise((resolve) => setTimeout(resolve, 60)); // one check interval
  }

  beforeAll(async () => {
    redis = await startRedisServer();
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    for (const node of [...nodes]) await stopNode(node);
    await redis.close();
  });

  it('leaves clients alone while the cluster is steady or grows', async () => {
    const first = await startNode();
    const { drops } = await client(first);
    await startNode();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(drops).toEqual([]);
  });

  it('leaves clients alone when a process shuts down gracefully (it drained its work first)', async () => {
    const [first] = nodes as [Node];
    const { drops } = await client(first);
    // Several times: the goodbye and the drop in the count travel on different Redis connections.
    for (let i = 0; i < 20; i++) {
      const leaving = await startNode();
      await waitForCount(first, nodes.length);
      await stopNode(leaving, { graceful: true });
      await waitForCount(first, nodes.length);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(drops).toEqual([]);
  });

  it('makes clients reconnect when a process leaves without saying goodbye', async () => {
    const [first, second] = nodes as [Node, Node];
    const { socket, drops } = await client(first);
    await stopNode(second);
    await expect.poll(() => drops).toEqual(['transport close']);
    // The transport closed, not the socket: the client reconnects by itself.
    await expect.poll(() => socket.connected).toBe(true);
  });

  it('makes clients of every process reconnect when Redis is back after an outage', async () => {
    // The earlier test's resync is still within its quiet window on `first`.
    await new Promise((resolve) => setTimeout(resolve, 5_100));
    const [first] = nodes as [Node];
    const second = await startNode();
    const { socket, drops } = await client(first);
    const other = await client(second);
    await redis.stop();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(drops).toEqual([]);
    await redis.restart();
    await expect.poll(() => drops, { timeout: 10_000 }).toEqual(['transport close']);
    await expect.poll(() => other.drops, { timeout: 10_000 }).toEqual(['transport close']);
    await expect.poll(() => socket.connected).toBe(true);
  }, 20_000);

  it('does not hold a shutdown for long when another process never notes the goodbye', async () => {
    const leaving = await startNode();
    await startNode({ resync: false });
    await waitForCount(leaving, nodes.length);
    const started = performance.now();
    await leaving.resync.leave();
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it('does not let a goodbye excuse a later crash once its time is up', async () => {
    const observer = await startNode({ goodbyeValidMs: 300 });
    const { drops } = await client(observer);
    const pretender = await startNode();
    await waitForCount(observer, nodes.length);
    // It says goodbye but stays (as when a process joined at the same moment: the count did not move)…
    await pretender.resync.leave();
    await new Promise((resolve) => setTimeout(resolve, 500));
    // …then dies without a word.
    await stopNode(pretender);
    await expect.poll(() => drops).toEqual(['transport close']);
  });
});
