import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import { closeRedisClient } from '../../lib/close-redis-client.js';
import type { Logger } from '../../lib/logger.js';
import { withoutCommandTimers } from '../../lib/redis-command-options.js';
import { type StreamGap, watchForStreamGaps } from './stream-gap-watch.js';

type RedisClient = ReturnType<typeof createClient>;
export type SocketAdapterFactory = ReturnType<typeof createAdapter>;

export interface OpenedSocketAdapter {
  /** Pass to `io.adapter(...)` before any namespace is used. */
  adapter: SocketAdapterFactory;
  /** Whether the publishing connection is up right now (health and metrics). */
  isReady(): boolean;
  /**
   * Called each time Redis is back after an outage: the connection returned, or Redis answers
   * again after going silent (see `cluster-resync.ts`).
   */
  onRecovered(listener: () => void): void;
  /** Called when this process's reader fell so far behind that entries were trimmed unread. */
  onStreamGap(listener: (gap: StreamGap) => void): void;
  /** Closes the publishing connection; the adapter closes its readers when `io.close()` runs. */
  close(): Promise<void>;
}

/**
 * Entries kept in the stream (approximately; Redis trims in whole nodes). It bounds both the window
 * in which a dropped connection is recovered in full and how far a busy process's reader may fall
 * behind before entries are trimmed unread (it then has its clients resync from storage, see
 * `stream-gap-watch.ts`): at 1,000 messages a second (two or three broadcasts each) about 20
 * seconds, some 50–100 MB of Redis memory.
 */
const STREAM_MAX_LENGTH = 50_000;

/**
 * Connects socket.io's Redis Streams adapter (scale-out mode): broadcasts and room operations
 * (`disconnectSockets`, `fetchSockets`) reach every server process, and connection state recovery
 * works across processes because missed packets are read back from the stream.
 *
 * Redis outages must not stop a process from serving its own clients, so the publishing
 * connection fails fast instead of queueing: the adapter then skips the publish and still
 * broadcasts locally (clients on other processes catch up from storage by sequence, as after any
 * gap). The stream readers and the subscriber, on the other hand, keep node-redis's offline queue,
 * so their blocking reads simply wait for Redis to return — with a failing queue they would spin
 * (the adapter retries a failed read at once) — and they resume from the last entry they saw.
 */
export async function openSocketAdapter(options: { redisUrl: string; logger: Logger }): Promise<OpenedSocketAdapter> {
  const { logger } = options;
  const publisher: RedisClient = createClient({
    url: options.redisUrl,
    disableOfflineQueue: true,
    // Its duplicates (the stream readers) inherit this. See `withoutCommandTimers`.
    commandOptions: withoutCommandTimers,
    socket: {
      connectTimeout: 5_000,
      reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 2_000),
    },
  });
  let down = false;
  const recovered: Array<() => void> = [];
  const gapListeners: Array<(gap: StreamGap) => void> = [];
  publisher.on('error', (error: unknown) => {
    // One line per outage rather than one per reconnect attempt.
    if (!down) logger.warn('redis (socket.io adapter) unreachable; serving local clients only', { error });
    down = true;
  });
  publisher.on('ready', () => {
    if (!down) return;
    down = false;
    logger.info('redis (socket.io adapter) back');
    for (const listener of recovered) listener();
  });
  await publisher.connect();
  const guarded = guardForOutages(publisher, {
    onSilent: () => logger.warn('redis (socket.io adapter) not answering; serving local clients only'),
    onAnsweringAgain: () => {
      logger.info('redis (socket.io adapter) answers again');
      for (const listener of recovered) listener();
    },
    onGap: (gap) => {
      logger.warn('socket.io adapter fell behind the stream: broadcasts were trimmed unread', { ...gap });
      for (const listener of gapListeners) listener(gap);
    },
  });
  return {
    adapter: createAdapter(guarded, { maxLen: STREAM_MAX_LENGTH }),
    isReady: () => publisher.isReady,
    onRecovered: (listener) => recovered.push(listener),
    onStreamGap: (listener) => gapListeners.push(listener),
    async close() {
      await closeRedisClient(publisher);
    },
  };
}

/**
 * The publishing client as the adapter should see it. The adapter fires some commands without
 * awaiting them (`SET` when a session is kept for recovery, `PUBLISH` of ephemeral packets): with
 * a fail-fast client their rejections would go unhandled and end the process, so those settle
 * quietly. Its duplicates (stream readers, subscriber) get the offline queue back, the same care
 * for the commands fired at them, and a watch for entries trimmed before they were read.
 */
function guardForOutages(
  client: RedisClient,
  events: { onSilent(): void; onAnsweringAgain(): void; onGap(gap: StreamGap): void },
): RedisClient {
  const quiet =
    <A extends unknown[], R>(command: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R | null> =>
      command(...args).catch(() => null);
  const bounded = createAnswerBound(ANSWER_BOUND_MS, events);
  const awaited = new Set<PropertyKey>(['xAdd', 'xRange', 'sendCommand']);
  return new Proxy(client, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      if (property === 'duplicate') {
        return (overrides?: object) =>
          observeFireAndForget(
            watchForStreamGaps(target.duplicate({ ...overrides, disableOfflineQueue: false }), events.onGap),
          );
      }
      if (property === 'set' || property === 'publish' || property === 'sPublish') return quiet(value.bind(target));
      if (awaited.has(property)) return bounded(value.bind(target));
      return value.bind(target);
    },
  });
}

/**
 * How long the adapter's awaited commands may go unanswered. A broadcast awaits its `XADD` before
 * it reaches even this process's clients, and a fail-fast client only fails fast once the
 * connection is known to be down: a Redis that is connected but silent (stopped, overloaded, a
 * network path that drops packets without a reset) would hold every broadcast until TCP gave up,
 * minutes later. Past the bound the command is failed: the adapter then delivers locally, as
 * during an outage, and once Redis answers again the clients of every process resync from storage
 * by sequence (`onRecovered`), as after an outage.
 */
const ANSWER_BOUND_MS = 500;
/** A bound's timer this late means this thread was blocked, not that Redis was silent. */
const LATE_MS = 50;

/**
 * Fails commands unanswered after `boundMs`, and then fails new ones at once (without sending
 * them) until Redis answers one of those already sent. One timer for all: a connection's replies
 * come in order, so the oldest command still waiting is always the first to run out of time, and
 * thousands of broadcasts a second cost no timer each.
 */
function createAnswerBound(boundMs: number, events: { onSilent(): void; onAnsweringAgain(): void }) {
  interface Waiting {
    sentAt: number;
    settled: boolean;
    fail(error: Error): void;
  }
  const waiting: Waiting[] = [];
  let timer: NodeJS.Timeout | NodeJS.Immediate | null = null;
  let silent = false;
  let dueAt = 0;

  // A pause of this thread (a long GC) must not pass for a silent Redis: replies that came in time
  // are read only after the timers run, and commands queued during the pause were sent only after
  // it. So a timer that fired late looks again a little later, and the decision is taken in
  // `setImmediate`, after the event loop has read its sockets.
  const expire = () => {
    if (performance.now() - dueAt > LATE_MS) arm(LATE_MS);
    else timer = setImmediate(failExpired);
  };
  const failExpired = () => {
    timer = null;
    const now = performance.now();
    while (waiting.length > 0 && (waiting[0]!.settled || now - waiting[0]!.sentAt >= boundMs)) {
      const oldest = waiting.shift()!;
      if (oldest.settled) continue;
      oldest.settled = true;
      if (!silent) events.onSilent();
      silent = true;
      oldest.fail(new Error(`redis did not answer within ${boundMs} ms`));
    }
    if (waiting.length > 0) arm(boundMs - (now - waiting[0]!.sentAt));
  };
  const arm = (delayMs: number) => {
    dueAt = performance.now() + delayMs;
    timer = setTimeout(expire, delayMs);
    timer.unref();
  };

  return <A extends unknown[], R>(command: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      if (silent) return Promise.reject(new Error('redis is not answering'));
      return new Promise<R>((resolve, reject) => {
        const entry: Waiting = { sentAt: performance.now(), settled: false, fail: reject };
        waiting.push(entry);
        if (!timer) arm(boundMs);
        const settle = () => {
          // An answer, even a late one or an error: Redis speaks again.
          if (silent) {
            silent = false;
            events.onAnsweringAgain();
          }
          const first = !entry.settled;
          entry.settled = true;
          return first;
        };
        command(...args).then(
          (value) => settle() && resolve(value),
          (error: unknown) => settle() && reject(error),
        );
      });
    };
}

/**
 * The adapter's readers and subscriber: it subscribes and, on close, disconnects them without
 * awaiting; a subscription still pending when the server stops rejects, and unobserved that would
 * end the process with an error during a clean shutdown. Callers that await still see the result.
 */
function observeFireAndForget(client: RedisClient): RedisClient {
  const observed = new Set<PropertyKey>(['subscribe', 'sSubscribe', 'disconnect', 'destroy', 'quit', 'close']);
  return new Proxy(client, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      if (!observed.has(property)) return value.bind(target);
      return (...args: unknown[]) => {
        const result: unknown = value.apply(target, args);
        if (result instanceof Promise) result.catch(() => {});
        return result;
      };
    },
  });
}
