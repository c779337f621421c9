/**
 * Entry point: the only module that reads the environment and builds real clients. Everything
 * else receives its dependencies from here.
 */
import cluster from 'node:cluster';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createApp } from './app.js';
import { runClusterPrimary, type WorkerReady } from './cluster/cluster-primary.js';
import { holdConnectionsUntilReady } from './cluster/cluster-worker.js';
import { type Config, ConfigError, parseConfig } from './config/config.js';
import { DEMO, seedDemo } from './demo/demo-data.js';
import { PRODUCT_IMAGE_PATH, renderProductImage, renderProductPage } from './demo/product-page.js';
import { createAdjustableClock, systemClock } from './domain/clock.js';
import { defaultPresenceOptions } from './domain/routing/presence-port.js';
import { createLogger, type Logger } from './lib/logger.js';
import { openRateLimits } from './lib/rate-limit/open-rate-limits.js';
import { openPresence } from './presence/open-presence.js';
import { openStore } from './store/open-store.js';
import { openSocketAdapter } from './transport/socket/redis-streams-adapter.js';

/** The folder holding the workspace's root package.json, found from wherever this file was built to. */
function findRepoRoot(start: string): string {
  let dir = start;
  while (!existsSync(path.join(dir, 'widget')) || !existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

async function main(): Promise<void> {
  let config: ReturnType<typeof parseConfig>;
  try {
    config = parseConfig(process.env, { repoRoot: findRepoRoot(import.meta.dirname) });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  if (config.workers > 1 && cluster.isPrimary) return runPrimary(config, logger);
  const joinPrimary = cluster.isWorker ? holdConnectionsUntilReady() : null;
  const store = await openStore(config);
  const presence = await openPresence({ redisUrl: config.redisUrl, logger });
  // Scale-out mode: broadcasts and connection state recovery across every process on this Redis.
  const socketAdapter = config.redisUrl ? await openSocketAdapter({ redisUrl: config.redisUrl, logger }) : null;
  // Tests only: a clock `POST /api/test/clock` can move forward (see README, TEST_CLOCK).
  const adjustableClock = config.testClock ? createAdjustableClock(systemClock) : undefined;
  const clock = adjustableClock ?? systemClock;
  // Per-address and sign-in budgets, shared through Redis in scale-out mode (issue 6).
  const limits = await openRateLimits({ redisUrl: config.redisUrl, logger, now: () => clock.now() });
  const demo = config.seedDemo ? await seedDemo(store, clock, config) : null;
  const app = createApp(
    {
      store,
      presence: presence.presence,
      limits: limits.limits,
      clock,
      ...(adjustableClock ? { adjustableClock } : {}),
      logger,
      pages: demo ? demoPages(demo.site.key) : {},
      ...(socketAdapter ? { socketAdapter } : {}),
    },
    { ...config, presenceHeartbeatMs: defaultPresenceOptions.connectionTtlMs / 3 },
  );
  if (joinPrimary) {
    // The primary owns the port and hands connections over; it prints the banner once all are up.
    joinPrimary(app.io);
    process.send?.({ type: 'aftercare:ready', storage: store.mode, withDemo: demo !== null } satisfies WorkerReady);
  } else {
    announceListening(await app.listen(), config, store.mode, demo !== null);
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    await app.shutdown();
    await socketAdapter?.close();
    await presence.close();
    await limits.close();
    await store.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

/** `WORKERS` > 1: this process only balances connections over worker processes running the app. */
async function runPrimary(config: Config, logger: Logger): Promise<void> {
  const primary = await runClusterPrimary({
    workers: config.workers,
    port: config.port,
    host: config.host,
    logger,
    onListening: (url, ready) => announceListening(url, config, ready.storage, ready.withDemo, config.workers),
  });
  const stop = async (signal: string) => {
    logger.info('shutting down workers', { signal });
    await primary.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

/** One machine-readable line (tests and scripts wait for it), then the human-readable banner. */
function announceListening(url: string, config: Config, storage: string, withDemo: boolean, workers = 1): void {
  process.stdout.write(`${JSON.stringify({ event: 'listening', url, storage, pid: process.pid, workers })}\n`);
  printBanner(config.port === 0 ? url : config.publicUrl, storage, withDemo);
}

/** The demo product page and its picture. */
function demoPages(siteKey: string) {
  return {
    '/demo/': () => ({ contentType: 'text/html; charset=utf-8', body: renderProductPage({ siteKey }) }),
    [PRODUCT_IMAGE_PATH]: () => ({ contentType: 'image/svg+xml', body: renderProductImage() }),
  };
}

function printBanner(base: string, storage: string, withDemo: boolean): void {
  const lines = [
    '',
    `  Aftercare is running (${storage} storage)`,
    '',
    `  Agent console:      ${base}/console/`,
    ...(withDemo
      ? [
          `  Demo product page:  ${base}/demo/`,
          `  Demo agent:         ${DEMO.agentEmail} / ${DEMO.agentPassword}`,
          `  Script tag:         <script src="${base}/widget.js" data-site="${DEMO.siteKey}" async></script>`,
        ]
      : []),
    `  Health:             ${base}/healthz`,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`Aftercare failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
