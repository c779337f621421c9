import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../lib/logger.js';
import {
  connectTestClient,
  hasRedisServer,
  startRedisServer,
  type TestRedisServer,
} from '../../test-support/redis-server.js';
import { type OpenedSocketAdapter, openSocketAdapter } from './redis-streams-adapter.js';

/**
 * A Redis that is connected but silent (here: its process stopped) must not hold this process's
 * broadcasts: the adapter awaits each one's `XADD` before delivering it even locally.
 */
describe.skipIf(!hasRedisServer())('socket.io adapter with a silent Redis', () => {
  let redis: TestRedisServer;
  let adapter: OpenedSocketAdapter;
  let http: HttpServer;
  let io: Server;
  let client: Socket;
  const received: Array<{ n: number; at: number }> = [];
  let recoveries = 0;
  let writer: Awaited<ReturnType<typeof connectTestClient>>;

  beforeAll(async () => {
    redis = await startRedisServer();
    writer = await connectTestClient(redis.url);
    adapter = await openSocketAdapter({ redisUrl: redis.url, logger: silentLogger });
    adapter.onRecovered(() => recoveries++);
    http = createServer();
    io = new Server(http, { adapter: adapter.adapter });
    io.of('/visitor').on('connection', (socket) => void socket.join('shoppers'));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const { port } = http.address() as AddressInfo;
    client = connect(`http://127.0.0.1:${port}/visitor`, { transports: ['websocket'] });
    client.on('news', (n: number) => received.push({ n, at: performance.now() }));
    await new Promise<void>((resolve) => client.once('connect', () => resolve()));
    // Joined once the server side ran its connection handler; a broadcast now reaches the client.
    io.of('/visitor').to('shoppers').emit('news', 0);
    for (let waited = 0; received.length === 0 && waited < 5_000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });

  afterAll(async () => {
    redis.resume();
    client.close();
    await new Promise<void>((resolve) => io.close(() => resolve()));
    await adapter.close();
    await writer.close();
    await redis.close();
  });

  it('does not take a pause of its own thread (a long GC) for a silent Redis', async () => {
    const streamLength = () => writer.xLen('socket.io');
    const before = await streamLength();
    io.of('/visitor').to('shoppers').emit('news', -1);
    // Longer than the bound, with the broadcast's XADD queued and its reply unread meanwhile.
    const until = performance.now() + 800;
    while (performance.now() < until) {
      // busy, as in a stop-the-world collection
    }
    await expect.poll(() => received.some(({ n }) => n === -1)).toBe(true);
    // Published through Redis, not dropped as if Redis were away, and no recovery announced.
    expect(await streamLength()).toBe(before + 1);
    expect(recoveries).toBe(0);
    received.splice(1);
  });

  it('delivers to its own clients within the bound while Redis does not answer, once each', async () => {
    redis.pause();
    const sentAt = performance.now();
    io.of('/visitor').to('shoppers').emit('news', 1);
    io.of('/visitor').to('shoppers').emit('news', 2);
    await expect.poll(() => received.length, { timeout: 3_000 }).toBe(3);
    expect(received.map(({ n }) => n)).toEqual([0, 1, 2]);
    // 500 ms bound, then delivered locally; without it, only once Redis came back.
    expect(received[2]!.at - sentAt).toBeLessThan(2_000);
    expect(recoveries).toBe(0);

    redis.resume();
    // Late answers to the stalled commands tell the adapter Redis speaks again: broadcasts go
    // through it as usual, and nothing was delivered twice.
    await expect
      .poll(async () => {
        io.of('/visitor').to('shoppers').emit('news', 3);
        await new Promise((resolve) => setTimeout(resolve, 100));
        return received.some(({ n }) => n === 3);
      })
      .toBe(true);
    expect(adapter.isReady()).toBe(true);
    const numbers = received.map(({ n }) => n);
    expect(numbers.filter((n) => n !== 3)).toEqual([0, 1, 2]);
    // The other processes' clients missed what was published meanwhile: Redis being back is
    // announced once, so that every process's clients resync (`cluster-resync.ts`).
    expect(recoveries).toBe(1);
  });
});
