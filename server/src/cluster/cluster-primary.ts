import cluster, { type Worker } from 'node:cluster';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setupMaster } from '@socket.io/sticky';
import type { Logger } from '../lib/logger.js';

/** What a worker tells the primary once its app is built and can take connections. */
export interface WorkerReady {
  type: 'aftercare:ready';
  storage: string;
  withDemo: boolean;
}

export interface ClusterOptions {
  workers: number;
  port: number;
  host: string;
  logger: Logger;
  /** Called once, when every worker is ready and the port is bound. */
  onListening(url: string, ready: WorkerReady): void;
}

/** A worker that dies is replaced after this long (not at once: a crash loop must not spin). */
const RESPAWN_DELAY_MS = 1_000;

/**
 * Several server processes on one machine behind one port (`WORKERS`), for shops that outgrow one
 * process's CPU. The primary owns the port and hands each connection to a worker with sticky
 * sessions (`@socket.io/sticky`): a long-polling client's requests all carry its session id and
 * must reach the worker that holds it; a websocket needs one worker for its lifetime anyway.
 * The workers share storage and, through Redis, presence and broadcasts (the config demands
 * `REDIS_URL`). A worker that dies is replaced; its clients reconnect to the others meanwhile
 * and catch up from storage.
 */
export async function runClusterPrimary(options: ClusterOptions): Promise<{ stop(): Promise<void> }> {
  const { logger } = options;
  // The sticky balancer passes the first bytes of each connection as a Buffer: JSON would mangle it.
  cluster.setupPrimary({ serialization: 'advanced' });
  const http = createServer();
  setupMaster(http, { loadBalancingMethod: 'least-connection' });

  let stopping = false;
  /** Replaces a worker that died (running, or while starting as a replacement) until we stop. */
  const replace = (code: number | null, signal: string | null) => {
    if (stopping) return;
    logger.error('worker died; starting another', { code, signal });
    setTimeout(() => {
      if (!stopping) startWorker({ replacement: true }).catch(() => {}); // its own exit schedules the next try
    }, RESPAWN_DELAY_MS).unref();
  };

  // One at a time: on a fresh data directory the first worker creates the schema and demo data.
  const firstReady = await startWorker({ replacement: false });
  for (let index = 1; index < options.workers; index++) await startWorker({ replacement: false });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  options.onListening(`http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`, firstReady);

  /** Forks a worker; resolves once its app is up. A worker of the initial start that fails fails the start. */
  function startWorker({ replacement }: { replacement: boolean }): Promise<WorkerReady> {
    const worker = cluster.fork() as Worker & { clientsCount?: number };
    // The balancer picks the worker with the fewest connections and sees a worker from the moment
    // it is forked; until the app in it is up, it must never look like the least busy one.
    worker.clientsCount = Number.POSITIVE_INFINITY;
    return new Promise((resolve, reject) => {
      let ready = false;
      worker.on('message', (message: unknown) => {
        if (ready || (message as WorkerReady | null)?.type !== 'aftercare:ready') return;
        ready = true;
        worker.clientsCount = 0;
        resolve(message as WorkerReady);
      });
      worker.once('exit', (code, signal) => {
        if (!ready) reject(new Error(`worker exited with ${code ?? signal} while starting`));
        if (ready || replacement) replace(code, signal);
      });
    });
  }

  return {
    /** Stops taking connections and lets each worker shut down gracefully (SIGTERM, as one process would). */
    async stop() {
      stopping = true;
      http.close();
      const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined);
      await Promise.all(
        workers.map(
          (worker) =>
            new Promise<void>((resolve) => {
              if (worker.isDead()) return resolve();
              worker.once('exit', () => resolve());
              worker.process.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}
