import { test } from '@playwright/test';
import { type Cluster, canStartCluster, startCluster } from './cluster.js';
import type { FaultClient } from './fault-clients.js';

/**
 * The frame of a fault-test file: one cluster (two server processes on one SQLite file and one
 * Redis) started before its tests, handed to `started`, and closed after them together with every
 * client its tests `track`; skipped where `redis-server` is missing.
 * @example
 * let cluster: Cluster;
 * const { track, clients } = useCluster((started) => { cluster = started; });
 */
export function useCluster(started: (cluster: Cluster) => void) {
  const clients: FaultClient[] = [];
  let cluster: Cluster | undefined;
  test.skip(!canStartCluster(), 'needs /usr/bin/redis-server');
  test.beforeAll(async () => {
    test.setTimeout(60_000);
    cluster = await startCluster();
    started(cluster);
  });
  test.afterAll(async () => {
    for (const client of clients) client.close();
    await cluster?.close();
  });
  return {
    clients,
    track<T extends FaultClient>(client: T): T {
      clients.push(client);
      return client;
    },
  };
}
