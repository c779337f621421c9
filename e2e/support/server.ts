import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

/** Demo data the server seeds on first start (see server/src/demo/demo-data.ts). */
export const DEMO = {
  siteKey: 'demo-shop',
  agentEmail: 'agent@demo.aftercare.test',
  agentPassword: 'aftercare-demo',
} as const;

export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  dataDir: string;
  process: ChildProcess;
  /** Sends SIGTERM and waits for exit; `keepData` leaves the data directory for a restart. */
  stop(options?: { keepData?: boolean; signal?: NodeJS.Signals }): Promise<number | null>;
}

const serverEntry = path.resolve(import.meta.dirname, '../../server/dist/index.js');

/**
 * Starts the built server (`npm run build` first) on a free loopback port with its own data
 * directory, and resolves once it prints its `listening` line.
 */
export async function startServer(
  options: { dataDir?: string; env?: Record<string, string> } = {},
): Promise<RunningServer> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'aftercare-e2e-'));
  const child = spawn(process.execPath, [serverEntry], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      // Some tests send hundreds of messages from one shopper on purpose (history paging); the
      // per-connection limits have their own server test.
      VISITOR_EVENT_RATE: '10000/10000',
      AGENT_EVENT_RATE: '10000/10000',
      // Every shopper of every test connects from 127.0.0.1, which the per-address limits would
      // otherwise treat as one client; those limits have their own server test.
      VISITOR_IP_CONNECTION_RATE: '10000/10000',
      VISITOR_IP_EVENT_RATE: '100000/100000',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error('server did not start within 20 s')), 20_000);
    child.once('exit', (code) => reject(new Error(`server exited early with code ${code}`)));
    lines.on('line', (line) => {
      if (!line.startsWith('{')) return;
      const event = JSON.parse(line) as { event?: string; url?: string };
      if (event.event === 'listening' && event.url) {
        clearTimeout(timer);
        resolve(event.url);
      }
    });
  });
  return {
    url,
    dataDir,
    process: child,
    async stop({ keepData = false, signal = 'SIGTERM' } = {}) {
      const exited = new Promise<number | null>((resolve) => {
        if (child.exitCode !== null) resolve(child.exitCode);
        else child.once('exit', (code) => resolve(code));
      });
      child.kill(signal);
      const code = await exited;
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}
