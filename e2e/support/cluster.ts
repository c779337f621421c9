import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { hasRedisServer, startRedisServer, type TestRedisServer } from '../../server/src/test-support/redis-server.js';
import { spawnServer } from '../../server/src/test-support/spawn-server.js';

/** Whether this machine can run a cluster: Debian's `redis-server` (`.ci/run` installs it). */
export const canStartCluster = hasRedisServer;

/** One server process of the cluster. */
export interface ClusterNode {
  url: string;
  process: ChildProcess;
  /** False once it exited (killed, or crashed: a crash fails `assertNoCrash`). */
  readonly alive: boolean;
}

/** A row of the `messages` table, as the fault tests compare it with what clients hold. */
export interface StoredMessage {
  id: string;
  conversationId: string;
  clientId: string;
  seq: number;
  authorKind: string;
  internal: boolean;
  createdAt: number;
}

export interface Cluster {
  redis: TestRedisServer;
  dataDir: string;
  nodes: ClusterNode[];
  urls(): string[];
  /** `kill -9`: no shutdown hook runs, nothing is flushed, presence entries are left to expire. */
  kill(index: number): Promise<void>;
  /** Every stored message of a conversation, by sequence, read straight from the shared SQLite file. */
  storedMessages(conversationId: string): StoredMessage[];
  /** Conversations of a customer, read from the file (to prove there is exactly one). */
  conversationsOfCustomer(customerId: string): { id: string; status: string }[];
  /** Fails when a node exited by itself (a crash), not by `kill`. */
  assertNoCrash(): void;
  /**
   * Stops every process this cluster started (SIGTERM, then SIGKILL after 5 s) and deletes its
   * files; fails when a process did not exit cleanly.
   */
  close(): Promise<void>;
}

/**
 * Several real server processes (the entry point through tsx, as `npm start` runs it) on one
 * SQLite data directory (WAL: the supported "several processes on one machine" mode) and one
 * `redis-server` on a free loopback port. Nodes start one after the other: the first one migrates
 * and seeds the demo data, the others find it done.
 */
export async function startCluster(options: { nodes?: number; env?: Record<string, string> } = {}): Promise<Cluster> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'aftercare-fault-'));
  const redis = await startRedisServer();
  const nodes: (ClusterNode & { killed: boolean })[] = [];
  let db: Database.Database | undefined;
  const cluster: Cluster = {
    redis,
    dataDir,
    nodes,
    urls: () => nodes.map((node) => node.url),
    async kill(index) {
      const node = nodes[index]!;
      node.killed = true;
      await stopProcess(node.process, 'SIGKILL');
    },
    storedMessages(conversationId) {
      db ??= openReadOnly(dataDir);
      return db
        .prepare<[string], Omit<StoredMessage, 'internal'> & { internal: number }>(
          `SELECT id, conversation_id AS conversationId, client_id AS clientId, seq, author_kind AS authorKind, internal, created_at AS createdAt
           FROM messages WHERE conversation_id = ? ORDER BY seq`,
        )
        .all(conversationId)
        .map((row) => ({ ...row, internal: row.internal === 1 }));
    },
    conversationsOfCustomer(customerId) {
      db ??= openReadOnly(dataDir);
      return db
        .prepare<[string], { id: string; status: string }>('SELECT id, status FROM conversations WHERE customer_id = ?')
        .all(customerId);
    },
    assertNoCrash() {
      const crashed = nodes.filter((node) => !node.killed && !node.alive);
      if (crashed.length > 0) {
        const codes = crashed.map((node) => `${node.url}: exit ${node.process.exitCode} ${node.process.signalCode}`);
        throw new Error(`server process crashed: ${codes.join(', ')}`);
      }
    },
    async close() {
      db?.close();
      const running = nodes.filter((node) => node.alive);
      await Promise.all(running.map((node) => stopProcess(node.process, 'SIGTERM')));
      await redis.close();
      rmSync(dataDir, { recursive: true, force: true });
      // A graceful stop ends with exit code 0; anything else is a crash on the way out.
      const failed = running.filter((node) => node.process.exitCode !== 0);
      if (failed.length > 0) {
        const codes = failed.map((node) => `${node.url}: ${node.process.exitCode ?? node.process.signalCode}`);
        throw new Error(`server process did not stop cleanly on SIGTERM: ${codes.join(', ')}`);
      }
    },
  };
  try {
    for (let index = 0; index < (options.nodes ?? 2); index++) {
      const started = await spawnServer(dataDir, {
        REDIS_URL: redis.url,
        // The fault tests send thousands of events from few addresses on purpose; limits have their own tests.
        VISITOR_EVENT_RATE: '100000/100000',
        AGENT_EVENT_RATE: '100000/100000',
        SHUTDOWN_TIMEOUT_MS: '2000',
        // Redis outages log a warning per failed call; errors are what a fault test wants to see.
        LOG_LEVEL: 'error',
        ...options.env,
      });
      const node = {
        url: started.url,
        process: started.process,
        killed: false,
        get alive() {
          return started.process.exitCode === null && started.process.signalCode === null;
        },
      };
      nodes.push(node);
      // If the test worker itself dies (a timeout in a hook), its server processes must not outlive it.
      const killOnExit = () => started.process.kill('SIGKILL');
      process.once('exit', killOnExit);
      started.process.once('exit', () => process.off('exit', killOnExit));
    }
  } catch (error) {
    await cluster.close();
    throw error;
  }
  return cluster;
}

/** Signals a process and waits for it to exit, escalating to SIGKILL after 5 s. */
async function stopProcess(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** A read-only handle on the shared file; WAL lets it read while the servers write. */
function openReadOnly(dataDir: string): Database.Database {
  const db = new Database(path.join(dataDir, 'aftercare.db'), { readonly: true });
  db.pragma('busy_timeout = 5000');
  return db;
}
