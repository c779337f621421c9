import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';

const builtEntry = path.resolve(import.meta.dirname, '../../server/dist/index.js');

/**
 * The node flags `npm start` runs the server with (the root package.json), so the bench measures
 * the server as it is deployed: its young-generation size decides how often major collections
 * pause it (`server/docs/scale-out.md`, "Memory").
 */
export function productionNodeFlags(): string[] {
  const manifest = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const command = /\bnode ((?:--\S+ )*)server\/dist\/index\.js/.exec(manifest.scripts.start);
  if (!command) throw new Error('the root "start" script no longer runs `node … server/dist/index.js`');
  return command[1]!.trim().split(' ').filter(Boolean);
}
const METRICS_TOKEN = 'bench-metrics-token-0123456789';

export interface EventLoopStats {
  delayMs: { p50: number; p99: number; max: number };
  utilization: number;
}

export interface LoadServer {
  url: string;
  pid: number;
  /** Server heap in bytes after a full garbage collection (`GET /metrics?gc=1`, needs `--expose-gc`). */
  heapUsed(): Promise<number>;
  /** Event-loop delay percentiles (ms) and utilization since the previous call, then resets them. */
  eventLoop(): Promise<EventLoopStats>;
  /** Open sockets as the server counts them. */
  connections(): Promise<{ visitors: number; agents: number }>;
  /** CPU seconds (user + system) the process has used so far, from /proc. */
  cpuSeconds(): number;
  /** SIGTERM (the server flushes pending appends and closes gracefully) and waits for exit. */
  stop(): Promise<number | null>;
}

/**
 * Starts the built server in its own process on `dataDir` (several servers may share one: SQLite
 * in WAL mode), with the production node flags plus `--expose-gc` so heap can be read after a
 * collection. `nodeFlags` adds flags such as `--cpu-prof` for profiling.
 */
export async function startLoadServer(options: {
  dataDir: string;
  env?: Record<string, string>;
  nodeFlags?: string[];
  /** Another build of the server to run (A/B comparisons); default `server/dist/index.js`. */
  entry?: string;
  /** Appends the server's standard output (e.g. `--trace-gc` lines) to this file. */
  logFile?: string;
}): Promise<LoadServer> {
  const entry = options.entry ?? builtEntry;
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build -w server\` first`);
  const child: ChildProcess = spawn(
    process.execPath,
    ['--expose-gc', ...productionNodeFlags(), ...(options.nodeFlags ?? []), entry],
    {
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: options.dataDir,
        LOG_LEVEL: 'warn',
        METRICS_TOKEN,
        AGENT_EVENT_RATE: '100000/100000',
        // Every simulated shopper connects from 127.0.0.1; the per-address limits would refuse them.
        VISITOR_IP_CONNECTION_RATE: '1000000/1000000',
        VISITOR_IP_EVENT_RATE: '1000000/1000000',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start')), 30_000);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (options.logFile) appendFileSync(options.logFile, `${child.pid} ${line}\n`);
      if (!line.startsWith('{"event":"listening"')) return;
      clearTimeout(timer);
      resolve((JSON.parse(line) as { url: string }).url);
    });
  });
  const metrics = async (query: string) => {
    const response = await fetch(`${url}/metrics${query}`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    return (await response.json()) as {
      memory: { heapUsed: number };
      connections: { visitors: number; agents: number };
      eventLoop: EventLoopStats;
    };
  };
  return {
    url,
    pid: child.pid!,
    heapUsed: async () => (await metrics('?gc=1')).memory.heapUsed,
    connections: async () => (await metrics('')).connections,
    eventLoop: async () => (await metrics('?reset=1')).eventLoop,
    cpuSeconds: () => processCpuSeconds(child.pid!),
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** utime + stime of a process (fields 14 and 15 of /proc/PID/stat, in clock ticks of 1/100 s). */
export function processCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}
