import { availableParallelism } from 'node:os';
import path from 'node:path';

/** Server configuration, read once from the environment by `parseConfig` and passed down. */
export interface Config {
  /** TCP port; 0 picks a free one (tests). */
  port: number;
  host: string;
  /** Where the embedded store keeps its SQLite file. */
  dataDir: string;
  /** When set, storage is MongoDB through mongoose instead of the embedded SQLite file. */
  mongodbUri: string | null;
  /** When set, multi-process state lives in Redis (used by scale-out mode). */
  redisUrl: string | null;
  /** URL at which browsers reach this server; used in printed links and cookie flags. */
  publicUrl: string;
  /** Create the demo site, agent and product page data on first start. */
  seedDemo: boolean;
  sessionTtlMs: number;
  /** Largest socket.io frame accepted; larger frames close the connection. */
  maxFrameBytes: number;
  /** How long SIGTERM waits for in-flight writes before closing anyway. */
  shutdownTimeoutMs: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Event budget of one widget connection: a burst, refilled per second. */
  visitorEventRate: { burst: number; perSecond: number };
  /** Event budget of one console connection. */
  agentEventRate: { burst: number; perSecond: number };
  /** New `/visitor` connections one client address may open: a burst, refilled per second. */
  visitorIpConnectionRate: { burst: number; perSecond: number };
  /** Events all `/visitor` connections of one client address may send together. */
  visitorIpEventRate: { burst: number; perSecond: number };
  /** Behind a reverse proxy: take the client address from `X-Forwarded-For` (its first entry). */
  trustProxy: boolean;
  /** Bearer token that unlocks `GET /metrics` (memory, connections); the endpoint is off when unset. */
  metricsToken: string | null;
  /** Folders holding the built widget and console (served as static files). */
  widgetDistDir: string;
  consoleDistDir: string;
  /** How often each process looks for chats and tickets due to escalate to supervisors. */
  escalationScanMs: number;
  /** Tests only: `POST /api/test/clock` may move the server's clock forward. Never in production. */
  testClock: boolean;
  /**
   * Server processes on this machine behind one port (node's cluster module with sticky sessions);
   * more than one needs `REDIS_URL`, so the processes share presence and broadcasts.
   */
  workers: number;
}

/** One documented environment variable. The README's configuration table is generated from the same facts. */
interface Setting<T> {
  env: string;
  fallback: T | ((partial: Record<string, unknown>) => T);
  parse: (raw: string) => T;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const integer =
  (min: number, max: number) =>
  (raw: string): number => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new Error(`expected a whole number from ${min} to ${max}`);
    }
    return value;
  };

const bool = (raw: string): boolean => {
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new Error('expected true or false');
};

const urlWithScheme =
  (...schemes: string[]) =>
  (raw: string): string => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new Error('expected a URL');
    }
    if (!schemes.includes(url.protocol)) throw new Error(`expected a ${schemes.join(' or ')} URL`);
    return raw.replace(/\/+$/, '');
  };

/** `BURST/PER_SECOND`, e.g. `40/5`: up to 40 events at once, 5 more each second. */
const rate = (raw: string): { burst: number; perSecond: number } => {
  const match = /^(\d+)\/(\d+)$/.exec(raw);
  const burst = Number(match?.[1]);
  const perSecond = Number(match?.[2]);
  if (!match || burst < 1 || perSecond < 1) throw new Error('expected BURST/PER_SECOND, e.g. 40/5');
  return { burst, perSecond };
};

const oneOf =
  <T extends string>(...values: T[]) =>
  (raw: string): T => {
    if (!(values as string[]).includes(raw)) throw new Error(`expected one of ${values.join(', ')}`);
    return raw as T;
  };

function settingsFor(repoRoot: string): { [K in keyof Config]: Setting<Config[K]> } {
  return {
    port: { env: 'PORT', fallback: 3000, parse: integer(0, 65535) },
    host: { env: 'HOST', fallback: '127.0.0.1', parse: (raw) => raw },
    dataDir: { env: 'DATA_DIR', fallback: path.resolve('data'), parse: (raw) => path.resolve(raw) },
    mongodbUri: { env: 'MONGODB_URI', fallback: null, parse: urlWithScheme('mongodb:', 'mongodb+srv:') },
    redisUrl: { env: 'REDIS_URL', fallback: null, parse: urlWithScheme('redis:', 'rediss:') },
    publicUrl: {
      env: 'PUBLIC_URL',
      fallback: (partial) => `http://localhost:${partial.port === 0 ? 3000 : partial.port}`,
      parse: urlWithScheme('http:', 'https:'),
    },
    seedDemo: { env: 'SEED_DEMO', fallback: true, parse: bool },
    sessionTtlMs: {
      env: 'SESSION_TTL_HOURS',
      fallback: 7 * 24 * 3600_000,
      parse: (raw) => integer(1, 24 * 365)(raw) * 3600_000,
    },
    maxFrameBytes: { env: 'MAX_FRAME_BYTES', fallback: 4 * 1024 * 1024, parse: integer(64 * 1024, 64 * 1024 * 1024) },
    shutdownTimeoutMs: { env: 'SHUTDOWN_TIMEOUT_MS', fallback: 10_000, parse: integer(0, 600_000) },
    visitorEventRate: { env: 'VISITOR_EVENT_RATE', fallback: { burst: 40, perSecond: 5 }, parse: rate },
    agentEventRate: { env: 'AGENT_EVENT_RATE', fallback: { burst: 200, perSecond: 50 }, parse: rate },
    visitorIpConnectionRate: {
      env: 'VISITOR_IP_CONNECTION_RATE',
      fallback: { burst: 30, perSecond: 1 },
      parse: rate,
    },
    visitorIpEventRate: { env: 'VISITOR_IP_EVENT_RATE', fallback: { burst: 200, perSecond: 20 }, parse: rate },
    trustProxy: { env: 'TRUST_PROXY', fallback: false, parse: bool },
    metricsToken: {
      env: 'METRICS_TOKEN',
      fallback: null,
      parse: (raw) => {
        if (raw.length < 16) throw new Error('expected at least 16 characters');
        return raw;
      },
    },
    logLevel: { env: 'LOG_LEVEL', fallback: 'info', parse: oneOf('debug', 'info', 'warn', 'error') },
    widgetDistDir: {
      env: 'WIDGET_DIST_DIR',
      fallback: path.join(repoRoot, 'widget/dist'),
      parse: (raw) => path.resolve(raw),
    },
    consoleDistDir: {
      env: 'CONSOLE_DIST_DIR',
      fallback: path.join(repoRoot, 'console/dist'),
      parse: (raw) => path.resolve(raw),
    },
    escalationScanMs: { env: 'ESCALATION_SCAN_MS', fallback: 60_000, parse: integer(100, 3_600_000) },
    testClock: { env: 'TEST_CLOCK', fallback: false, parse: bool },
    workers: {
      env: 'WORKERS',
      fallback: 1,
      parse: (raw) => (raw === 'auto' ? availableParallelism() : integer(1, 64)(raw)),
    },
  };
}

/**
 * Reads and validates the configuration. Every bad value is reported at once, naming the variable,
 * so a misconfigured deployment fails at start with a message instead of misbehaving later.
 * @throws ConfigError listing every invalid variable.
 */
export function parseConfig(env: Record<string, string | undefined>, options: { repoRoot: string }): Config {
  const settings = settingsFor(options.repoRoot);
  const result: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, setting] of Object.entries(settings) as [keyof Config, Setting<unknown>][]) {
    const raw = env[setting.env]?.trim();
    if (raw === undefined || raw === '') {
      result[key] = typeof setting.fallback === 'function' ? setting.fallback(result) : setting.fallback;
      continue;
    }
    try {
      result[key] = setting.parse(raw);
    } catch (error) {
      problems.push(`${setting.env}=${JSON.stringify(raw)}: ${(error as Error).message}`);
    }
  }
  if ((result.workers as number) > 1 && !result.redisUrl) {
    problems.push(`WORKERS=${result.workers}: several processes need REDIS_URL to share presence and broadcasts`);
  }
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  return result as unknown as Config;
}

/** The environment variables `parseConfig` reads, for documentation and `--help`. */
export const CONFIG_VARIABLES = Object.values(settingsFor('.')).map((setting) => setting.env);
