import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type App, createApp } from '../app.js';
import { DEMO, seedDemo } from '../demo/demo-data.js';
import { type AdjustableClock, type Clock, systemClock } from '../domain/clock.js';
import type { PresencePort } from '../domain/routing/presence-port.js';
import type { Store } from '../domain/store.js';
import { silentLogger } from '../lib/logger.js';
import type { RateLimitStore } from '../lib/rate-limit/rate-limit.js';
import { MemoryPresence } from '../presence/memory/memory-presence.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import type { OpenedSocketAdapter } from '../transport/socket/redis-streams-adapter.js';

export interface TestServer {
  url: string;
  app: App;
  store: Store;
  dataDir: string;
  /** Shuts the app down and closes the store; removes the data directory unless `keepData`. */
  close(options?: { keepData?: boolean }): Promise<void>;
}

/**
 * A real server on a free loopback port over a fresh SQLite data directory, seeded with the demo
 * site and agent. Everything is real: HTTP, socket.io, domain, storage.
 */
export async function startTestServer(
  options: {
    dataDir?: string;
    clock?: Clock;
    /** Also exposes `POST /api/test/clock` moving this clock (pass the same object as `clock`). */
    adjustableClock?: AdjustableClock;
    visitorEventRate?: { burst: number; perSecond: number };
    visitorIpConnectionRate?: { burst: number; perSecond: number };
    visitorIpEventRate?: { burst: number; perSecond: number };
    trustProxy?: boolean;
    attachmentSweepMs?: number;
    followUpCheckMs?: number;
    /** How often escalations are scanned for (tests drive the clock and scan often). */
    escalationScanMs?: number;
    /** Scale-out tests: presence in Redis and socket.io's Redis adapter, shared with other apps. */
    presence?: PresencePort;
    socketAdapter?: OpenedSocketAdapter;
    /** Rate limits shared with other apps (`openRateLimits` with a Redis URL); default this app's memory. */
    limits?: RateLimitStore;
  } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'aftercare-test-'));
  const store = openSqliteStore({ dataDir });
  const clock = options.clock ?? systemClock;
  await seedDemo(store, clock, { publicUrl: 'http://localhost:3000' });
  const app = createApp(
    {
      store,
      clock,
      logger: silentLogger,
      presence: options.presence ?? new MemoryPresence(),
      ...(options.socketAdapter ? { socketAdapter: options.socketAdapter } : {}),
      ...(options.limits ? { limits: options.limits } : {}),
      ...(options.adjustableClock ? { adjustableClock: options.adjustableClock } : {}),
    },
    {
      port: 0,
      host: '127.0.0.1',
      publicUrl: 'http://localhost:3000',
      sessionTtlMs: 3600_000,
      maxFrameBytes: 4 * 1024 * 1024,
      shutdownTimeoutMs: 5_000,
      widgetDistDir: path.join(dataDir, 'no-widget'),
      consoleDistDir: path.join(dataDir, 'no-console'),
      metricsToken: 'test-metrics-token-0123456789',
      presenceHeartbeatMs: 20_000,
      // Tests fire hundreds of events per connection on purpose; the limit itself has its own test.
      visitorEventRate: options.visitorEventRate ?? { burst: 100_000, perSecond: 100_000 },
      agentEventRate: { burst: 100_000, perSecond: 100_000 },
      // Every test client connects from 127.0.0.1, so the per-address budgets are generous too.
      visitorIpConnectionRate: options.visitorIpConnectionRate ?? { burst: 100_000, perSecond: 100_000 },
      visitorIpEventRate: options.visitorIpEventRate ?? { burst: 100_000, perSecond: 100_000 },
      trustProxy: options.trustProxy ?? false,
      ...(options.attachmentSweepMs === undefined ? {} : { attachmentSweepMs: options.attachmentSweepMs }),
      ...(options.escalationScanMs === undefined ? {} : { escalationScanMs: options.escalationScanMs }),
      ...(options.followUpCheckMs === undefined ? {} : { followUpCheckMs: options.followUpCheckMs }),
    },
  );
  const url = await app.listen();
  return {
    url,
    app,
    store,
    dataDir,
    async close({ keepData = false } = {}) {
      await app.shutdown();
      await store.close();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export { DEMO };
