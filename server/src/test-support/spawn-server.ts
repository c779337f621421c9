import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

const entry = path.resolve(import.meta.dirname, '../index.ts');

/** The real server entry point in its own process, as `npm start` runs it (through tsx, so no build is needed). */
export async function spawnServer(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<{ url: string; process: ChildProcess; stop(): Promise<number | null> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      // Every test client connects from 127.0.0.1: the per-address limits have their own tests.
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
    process: child,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}
