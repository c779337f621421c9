import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

const entry = path.resolve(import.meta.dirname, '../../server/dist/index.js');
const METRICS_TOKEN = 'bench-metrics-token-0123456789';

/** Starts the built server in its own process (with `--expose-gc` so heap can be measured after a collection). */
export async function startBenchServer(env: Record<string, string> = {}) {
  if (!existsSync(entry)) throw new Error('server/dist/index.js is missing: run `npm run build` first');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'aftercare-bench-'));
  const child = spawn(process.execPath, ['--expose-gc', entry], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      METRICS_TOKEN,
      // The final count reads 1,000 conversations through one agent socket.
      AGENT_EVENT_RATE: '100000/100000',
      // Every simulated shopper connects from 127.0.0.1; the per-address limits would refuse them.
      VISITOR_IP_CONNECTION_RATE: '100000/100000',
      VISITOR_IP_EVENT_RATE: '100000/100000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start')), 30_000);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      clearTimeout(timer);
      resolve((JSON.parse(line) as { url: string }).url);
    });
  });
  return {
    url,
    /** Server heap in bytes after a full garbage collection. */
    async heapUsed(): Promise<number> {
      const response = await fetch(`${url}/metrics?gc=1`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      const body = (await response.json()) as { memory: { heapUsed: number } };
      return body.memory.heapUsed;
    },
    async stop(): Promise<void> {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The p-th percentile of sorted values (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
