import type { Namespace, Server } from 'socket.io';
import type { Logger } from '../../lib/logger.js';
import { withTimeout } from '../../lib/with-timeout.js';
import type { OpenedSocketAdapter } from './redis-streams-adapter.js';

export interface ClusterResync {
  /**
   * Tells the other processes this one is leaving on purpose (graceful shutdown) and stops.
   * Resolves once every other process has noted it, or after `GOODBYE_WAIT_MS`: await it before
   * `io.close()`, which drops this process from their count.
   */
  leave(): Promise<void>;
  stop(): void;
}

/** Process-to-process events (never sent to clients). */
const RESYNC_REQUESTED = 'aftercare:resync';
const LEAVING = 'aftercare:leaving';
/** Clients whose transports are closed per turn, so a big process does not reconnect everyone at once. */
const CLOSE_BATCH = 500;
/** A second request within this window is the same fault seen twice (every process reports an outage). */
const QUIET_MS = 5_000;
/**
 * How long a leaving process waits for the others to note its goodbye. They answer within
 * milliseconds; one that is itself shutting down may have gone after the goodbye's recipients
 * were counted and never answers, and a shutdown must not wait on it for long.
 */
const GOODBYE_WAIT_MS = 1_000;
/**
 * A leaving process says goodbye last, just before it closes, so the others see it drop from their
 * count within a check or two. A goodbye not matched by then was offset by a process joining at
 * the same moment (the count did not move) and must not excuse a crash later on.
 */
const GOODBYE_VALID_MS = 10_000;

/**
 * Scale-out mode: broadcasts between processes travel through Redis, and three faults cost clients
 * live events that nothing makes them fetch again, because they stay connected:
 * - a Redis outage, or a Redis that stops answering: publishes fail fast and are dropped (on
 *   purpose: each process keeps serving its own clients), so clients of other processes miss them;
 * - a process killed between storing a message and publishing it: the sender's retry is answered
 *   from storage and, by design, not announced twice;
 * - this process's stream reader falling further behind than the stream keeps (overload, a long
 *   pause): the entries trimmed before it read them never reach its clients.
 * Clients resync from storage by sequence after every reconnect (and consoles announce their status
 * again), so on any of these this process closes its clients' transports: they reconnect (here or
 * to another process), catch up, and are live again. When Redis is back for this process (its
 * connection returned, or it answers again) it also asks the others to do the same: their clients
 * missed its publishes, even if their own connections never dropped. A process leaving by graceful
 * shutdown drained its work first and says so, and costs nobody a reconnect.
 */
export function startClusterResync(options: {
  io: Server;
  adapter: Pick<OpenedSocketAdapter, 'onRecovered' | 'onStreamGap'>;
  /** A namespace every process serves: its adapter counts the processes and carries the requests. */
  namespace: string;
  intervalMs: number;
  logger: Logger;
  /** Tests shorten it; see `GOODBYE_VALID_MS`. */
  goodbyeValidMs?: number;
}): ClusterResync {
  const namespace = options.io.of(options.namespace) as Namespace;
  const counting = namespace.adapter as unknown as { serverCount(): Promise<number> };
  const goodbyeValidMs = options.goodbyeValidMs ?? GOODBYE_VALID_MS;
  let processes: number | null = null;
  /** When each goodbye not yet matched by a drop in the count arrived, oldest first. */
  const goodbyes: number[] = [];
  let lastResyncAt = Number.NEGATIVE_INFINITY;
  let checking = false;

  const resync = (reason: string) => {
    if (performance.now() - lastResyncAt < QUIET_MS) return;
    lastResyncAt = performance.now();
    options.logger.warn('clients reconnect to resync: live events may have been lost', { reason });
    closeClientTransports(options.io);
  };

  options.adapter.onRecovered(() => {
    resync('redis is back');
    namespace.serverSideEmit(RESYNC_REQUESTED);
  });
  namespace.on(RESYNC_REQUESTED, () => resync('another process was cut off from redis'));
  // Only this process missed those entries: its clients resync, the others' need not.
  options.adapter.onStreamGap(() => resync('this process fell behind the redis stream'));
  namespace.on(LEAVING, (noted?: () => void) => {
    goodbyes.push(performance.now());
    noted?.();
  });

  const check = async () => {
    if (checking) return;
    checking = true;
    try {
      const count = await counting.serverCount();
      const now = performance.now();
      while (goodbyes.length > 0 && now - goodbyes[0]! > goodbyeValidMs) goodbyes.shift();
      if (processes !== null && count < processes) {
        const left = processes - count;
        const saidGoodbye = goodbyes.splice(0, left).length;
        if (left > saidGoodbye) resync('a process left without saying goodbye');
      }
      processes = count;
    } catch {
      // Redis is away: `onRecovered` covers it; the count is read again once it answers.
      processes = null;
    } finally {
      checking = false;
    }
  };
  const timer = setInterval(() => void check(), options.intervalMs);
  timer.unref();
  void check();
  return {
    async leave() {
      clearInterval(timer);
      try {
        await sayGoodbye(namespace);
      } catch (error) {
        // Also when another process left at the same moment: no harm then.
        options.logger.info('not every process noted this one is leaving; their clients may reconnect', { error });
      }
    },
    stop: () => clearInterval(timer),
  };
}

/**
 * The goodbye, acknowledged by every other process. Without the acknowledgement a process could
 * see this one's count drop (its subscriber connection closed) before the goodbye itself arrived,
 * and take a graceful exit for a crash. Sent through the adapter rather than
 * `namespace.serverSideEmitWithAck`, whose count of processes rejects unobserved while Redis is away.
 */
function sayGoodbye(namespace: Namespace): Promise<void> {
  const adapter = namespace.adapter as unknown as { serverSideEmit(packet: unknown[]): Promise<void> };
  const noted = new Promise<void>((resolve, reject) => {
    const answered = (error: Error | null) => (error ? reject(error) : resolve());
    adapter.serverSideEmit([LEAVING, answered]).catch(answered);
  });
  return withTimeout(noted, GOODBYE_WAIT_MS, 'not every process');
}

/**
 * Closes every client's transport after its pending packets are written (an ack just sent still
 * arrives), `batch` clients per turn; closing the transport rather than the socket makes clients
 * reconnect by themselves (here or to another process). Also used on shutdown, all at once.
 */
export function closeClientTransports(io: Server, batch = CLOSE_BATCH): void {
  const engine = io.engine as unknown as { clients: Record<string, { close(): void }> };
  const clients = Object.values(engine.clients);
  const closeBatch = (from: number) => {
    for (const client of clients.slice(from, from + batch)) client.close();
    if (from + batch < clients.length) setTimeout(() => closeBatch(from + batch), 20).unref();
  };
  closeBatch(0);
}
