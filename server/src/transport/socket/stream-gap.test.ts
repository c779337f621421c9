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
import { type ClusterResync, startClusterResync } from './cluster-resync.js';
import { type OpenedSocketAdapter, openSocketAdapter } from './redis-streams-adapter.js';
import { compareStreamIds, type StreamGap } from './stream-gap-watch.js';

/** The adapter's stream (`@socket.io/redis-streams-adapter`'s default name). */
const STREAM = 'socket.io';

describe('stream entry ids', () => {
  it('order by time, then sequence, as numbers', () => {
    expect(compareStreamIds('1700000000000-0', '1700000000000-0')).toBe(0);
    expect(compareStreamIds('1700000000000-10', '1700000000000-9')).toBe(1);
    expect(compareStreamIds('999-5', '1000-0')).toBe(-1);
    expect(compareStreamIds('18446744073709551615-1', '18446744073709551615-0')).toBe(1);
  });
});

/**
 * A process whose stream reader falls further behind than the stream keeps loses the trimmed
 * entries unread; it must notice, so its clients resync from storage (`cluster-resync.ts`).
 * Entries without a namespace are skipped by the adapter, so the test writes its own filler.
 */
describe.skipIf(!hasRedisServer())('socket.io adapter reader falling behind the stream', () => {
  let redis: TestRedisServer;
  let adapter: OpenedSocketAdapter;
  let http: HttpServer;
  let io: Server;
  let resync: ClusterResync;
  let writer: Awaited<ReturnType<typeof connectTestClient>>;
  let client: Socket;
  const gaps: StreamGap[] = [];
  /** Why the client's connection dropped, each time. */
  const drops: string[] = [];

  /** Once the reader has read past `id` (its next full batch would be checked against it). */
  async function readerPassed(id: string): Promise<void> {
    const marker = await writer.xAdd(STREAM, '*', { filler: 'marker' });
    expect(compareStreamIds(marker, id)).toBe(1);
    await readerWaiting();
  }

  /**
   * Until the adapter's reader is blocked in `XREAD` again, which it is only once it has read every
   * entry there is (Redis serves a blocked reader within the `XADD` that wakes it).
   */
  async function readerWaiting(): Promise<void> {
    const blocked = async () =>
      String(await writer.sendCommand(['CLIENT', 'LIST']))
        .split('\n')
        .some((line) => / flags=\w*b\w* /.test(line) && line.includes(' cmd=xread'));
    // A loop, not `expect.poll`: `beforeAll` waits for it too.
    for (const deadline = Date.now() + 5_000; !(await blocked()); ) {
      if (Date.now() > deadline) throw new Error('the stream reader did not wait on the stream again');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  beforeAll(async () => {
    redis = await startRedisServer();
    writer = await connectTestClient(redis.url);
    adapter = await openSocketAdapter({ redisUrl: redis.url, logger: silentLogger });
    adapter.onStreamGap((gap) => gaps.push(gap));
    http = createServer();
    io = new Server(http, { adapter: adapter.adapter });
    io.of('/visitor');
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    resync = startClusterResync({ io, adapter, namespace: '/visitor', intervalMs: 50, logger: silentLogger });
    const { port } = http.address() as AddressInfo;
    client = connect(`http://127.0.0.1:${port}/visitor`, { transports: ['websocket'], reconnectionDelay: 50 });
    client.on('disconnect', (reason) => drops.push(reason));
    await new Promise<void>((resolve) => client.once('connect', () => resolve()));
    // The reader starts at `$` (only what comes next); give it an entry so it reads from an id.
    await readerWaiting();
    await readerPassed('0-1');
  });

  afterAll(async () => {
    client.close();
    resync.stop();
    await new Promise<void>((resolve) => io.close(() => resolve()));
    await adapter.close();
    await writer.close();
    await redis.close();
  });

  it('reports nothing while it keeps up, even with more entries than one read takes', async () => {
    const batch = writer.multi();
    for (let i = 0; i < 350; i++) batch.xAdd(STREAM, '*', { filler: String(i) });
    await batch.exec();
    await readerPassed('0-1');
    expect(gaps).toEqual([]);
    expect(drops).toEqual([]);
  });

  it('reports entries trimmed before it read them, and its clients reconnect to resync', async () => {
    const last = (await writer.xRevRange(STREAM, '+', '-', { COUNT: 1 }))?.[0];
    if (!last) throw new Error('the stream is empty');
    // Written and trimmed in one transaction: the blocked reader wakes only after it, as a
    // reader of a busy process would, once the cap had already dropped what it had not read.
    const burst = writer.multi();
    for (let i = 0; i < 300; i++) burst.xAdd(STREAM, '*', { filler: String(i) });
    burst.xTrim(STREAM, 'MAXLEN', 0);
    await burst.exec();
    // More than one read's worth arrives after the trim: the reader is behind, and checks.
    const after = writer.multi();
    for (let i = 0; i < 150; i++) after.xAdd(STREAM, '*', { filler: String(i) });
    const firstKept = String((await after.exec())[0]);
    await expect.poll(() => gaps.length, { timeout: 3_000 }).toBeGreaterThan(0);
    expect(gaps[0]).toEqual({ stream: STREAM, readFrom: last.id, firstKept });
    // Its clients missed broadcasts: their transports close, they reconnect and catch up from storage.
    await expect.poll(() => drops).toEqual(['transport close']);
    await expect.poll(() => client.connected).toBe(true);

    // Caught up again: later reads report nothing new.
    const seen = gaps.length;
    const calm = writer.multi();
    for (let i = 0; i < 350; i++) calm.xAdd(STREAM, '*', { filler: String(i) });
    await calm.exec();
    await readerPassed(firstKept);
    expect(gaps.length).toBe(seen);
  });
});
