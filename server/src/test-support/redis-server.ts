import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from 'redis';
import { presenceClientOptions } from '../presence/redis/redis-presence.js';

/** Debian's package puts it here; tests that need Redis skip when it is missing. */
export const REDIS_SERVER_BINARY = '/usr/bin/redis-server';

export function hasRedisServer(): boolean {
  return existsSync(REDIS_SERVER_BINARY);
}

/** A connected client as the entry point would build it; its errors are expected while Redis is down. */
export async function connectTestClient(url: string) {
  const client = createClient({ url, ...presenceClientOptions });
  client.on('error', () => {});
  await client.connect();
  return client;
}

export interface TestRedisServer {
  url: string;
  port: number;
  /** Stops the server (SIGTERM, then waits for exit). Data is not persisted, so a restart starts empty. */
  stop(): Promise<void>;
  /** Starts it again on the same port (after `stop`), as when Redis restarts under a running app. */
  restart(): Promise<void>;
  /** Freezes the process (SIGSTOP): connections stay open and nothing answers, as with a hung Redis. */
  pause(): void;
  /** Lets a paused server go on (SIGCONT); it then answers what it was sent meanwhile. */
  resume(): void;
  /** Stops it and deletes its temp dir. */
  close(): Promise<void>;
}

/**
 * A real `redis-server` on a free loopback port, in its own temp dir, without persistence. Resolves
 * once it answers, and checks that the answering server is our own process (INFO, not just PING).
 */
export async function startRedisServer(): Promise<TestRedisServer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'aftercare-redis-'));
  let port = 0;
  let child: ChildProcess | undefined;
  // Another process may take the free port between probing and binding; try a few.
  for (let attempt = 0; attempt < 3 && !child; attempt++) {
    port = await freePort();
    child = await launch(port, dir).catch(() => undefined);
  }
  if (!child) throw new Error('redis-server did not start');

  const stop = async () => {
    const running = child;
    child = undefined;
    if (running && running.exitCode === null) {
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGCONT'); // a paused server would not act on SIGTERM
      running.kill('SIGTERM');
      await exited;
    }
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop,
    async restart() {
      await stop();
      child = await launch(port, dir);
    },
    pause: () => void child?.kill('SIGSTOP'),
    resume: () => void child?.kill('SIGCONT'),
    async close() {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function launch(port: number, dir: string): Promise<ChildProcess> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir];
  const child = spawn(REDIS_SERVER_BINARY, args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise<never>((_, reject) => {
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
    child.once('error', reject);
  });
  try {
    await Promise.race([waitForOwnServer(port, child.pid, 10_000), exited]);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  exited.catch(() => undefined);
  return child;
}

/** Waits until our own child answers: with a port race, another Redis could be the one listening. */
async function waitForOwnServer(port: number, pid: number | undefined, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const answeringPid = await serverPid(port);
    if (answeringPid !== null && answeringPid === pid) return;
    if (answeringPid !== null) throw new Error(`port ${port} is taken by another redis-server`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`redis-server on port ${port} did not answer within ${timeoutMs} ms`);
}

/** Asks over raw TCP (inline command, no client needed) for the answering server's process id. */
function serverPid(port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let answer = '';
    const done = (pid: number | null) => {
      socket.destroy();
      resolve(pid);
    };
    socket.setTimeout(500, () => done(null));
    socket.once('error', () => done(null));
    socket.once('connect', () => socket.write('INFO server\r\n'));
    socket.on('data', (chunk) => {
      answer += chunk.toString();
      if (answer.startsWith('-')) return done(null); // still loading
      const match = /process_id:(\d+)\r\n/.exec(answer);
      if (match) done(Number(match[1]));
    });
  });
}

/** A port nobody listens on right now: bind port 0, read it, release it. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
