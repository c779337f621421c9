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
  const respawn = (worker: Worker, code: number | null, signal: string | null) => {
    if (stopping) return;
    logger.error('worker died; starting another', { pid: worker.process.pid, code, signal });
    setTimeout(() => {
      if (!stopping) void startWorker().catch((error: unknown) => logger.error('worker did not start', { error }));
    }, RESPAWN_DELAY_MS).unref();
  };

  // One at a time: on a fresh data directory the first worker creates the schema and demo data.
  let firstReady: WorkerReady | undefined;
  for (let index = 0; index < options.workers; index++) firstReady ??= await startWorker();

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  options.onListening(`http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`, firstReady!);

  function startWorker(): Promise<WorkerReady> {
    const worker = cluster.fork();
    return new Promise((resolve, reject) => {
      const onMessage = (message: unknown) => {
        if ((message as WorkerReady | null)?.type !== 'aftercare:ready') return;
        worker.off('message', onMessage);
        worker.off('exit', onEarlyExit);
        worker.on('exit', (code, signal) => respawn(worker, code, signal));
        resolve(message as WorkerReady);
      };
      const onEarlyExit = (code: number | null) => reject(new Error(`worker exited with ${code} while starting`));
      worker.on('message', onMessage);
      worker.once('exit', onEarlyExit);
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
