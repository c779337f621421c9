/**
 * Load benchmark (issue 6): how many shoppers one server process holds and at what heap cost, and
 * the persisted-message rate and visitor → agent delivery latency, for (a) one server process and
 * (b) two server processes on one SQLite file (WAL) and one Redis (socket.io's Redis adapter).
 *
 * The servers are the built entry point (`server/dist/index.js`) in their own processes, on a fresh
 * data directory; the clients are lean WebSocket clients (`lean-socket.ts`) in forked processes
 * (`load-worker.ts`): idle shoppers, sending shoppers, and agents each in their own, so the numbers
 * are the server's. Loopback only. Bounded in time and count; stops by itself and kills every process
 * it started (servers, Redis, workers), also on Ctrl-C or when it exceeds its time limit.
 *
 *   npm run build -w server && npm run bench:load -w e2e -- [--mode one|two|both] [--visitors 19900]
 *     [--senders 1000] [--agents 20] [--rate 1000] [--seconds 20] [--server-env KEY=VALUE]…
 *     [--server-flag=--cpu-prof]… (with "=": the value starts with dashes) [--server-log FILE (the servers' standard output, e.g. with --trace-gc)]
 *     [--server-entry path/to/other/build/index.js (A/B comparisons)]
 *     [--timeline FILE (each message's send time and first-agent latency, to locate the tail; both modes: FILE.one, FILE.two)]
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { hasRedisServer, startRedisServer, type TestRedisServer } from '../../server/src/test-support/redis-server.js';
import { DEMO } from '../support/server.js';
import { type EventLoopStats, type LoadServer, productionNodeFlags, startLoadServer } from './load-servers.js';
import type { Latencies, LoadCommand, LoadReply } from './load-worker.js';

const { values } = parseArgs({
  options: {
    mode: { type: 'string', default: 'both' },
    // The container's hard limit on open files is 20,000 per process: 19,900 shoppers + agents +
    // the server's own files fit under it.
    visitors: { type: 'string', default: '19900' },
    senders: { type: 'string', default: '1000' },
    agents: { type: 'string', default: '20' },
    rate: { type: 'string', default: '1000' },
    seconds: { type: 'string', default: '20' },
    'idle-workers': { type: 'string', default: '2' },
    concurrency: { type: 'string', default: '50' },
    'server-env': { type: 'string', multiple: true, default: [] },
    'server-flag': { type: 'string', multiple: true, default: [] },
    'server-log': { type: 'string' },
    timeline: { type: 'string' },
    'server-entry': { type: 'string' },
    'time-limit': { type: 'string', default: '600' },
  },
});
const options = {
  visitors: Number(values.visitors),
  senders: Number(values.senders),
  agents: Number(values.agents),
  rate: Number(values.rate),
  seconds: Number(values.seconds),
  idleWorkers: Number(values['idle-workers']),
  concurrency: Number(values.concurrency),
  serverEnv: Object.fromEntries(
    values['server-env'].map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
  ),
  serverFlags: values['server-flag'],
};
if (options.senders > options.visitors) throw new Error('--senders cannot exceed --visitors');
const modes = values.mode === 'both' ? (['one', 'two'] as const) : ([values.mode as 'one' | 'two'] as const);
if (modes.includes('two') && !hasRedisServer()) throw new Error('mode "two" needs /usr/bin/redis-server');

/** Everything started, so any exit path can stop it. */
const started = { servers: [] as LoadServer[], workers: [] as ChildProcess[], redis: null as TestRedisServer | null };
const dataDirs: string[] = [];
async function stopEverything(): Promise<void> {
  for (const worker of started.workers) if (worker.exitCode === null) worker.kill('SIGKILL');
  started.workers = [];
  await Promise.all(started.servers.map((server) => server.stop()));
  started.servers = [];
  await started.redis?.close();
  started.redis = null;
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}
const timeLimit = setTimeout(() => {
  console.error(`load bench exceeded its ${values['time-limit']} s limit; stopping`);
  void stopEverything().then(() => process.exit(1));
}, Number(values['time-limit']) * 1000);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void stopEverything().then(() => process.exit(130)));
}

const loadAtStart = loadavg()[0]!;
const results: ModeResult[] = [];
try {
  for (const mode of modes) results.push(await runMode(mode));
} finally {
  clearTimeout(timeLimit);
  await stopEverything();
}
console.log(JSON.stringify({ options, results }, null, 2));
printSummary(results, loadAtStart, loadavg()[0]!);
process.exitCode = results.every((result) => result.lost === 0 && result.duplicates === 0) ? 0 : 1;

interface ModeResult {
  mode: 'one' | 'two';
  servers: number;
  visitorsHeld: number;
  agentsHeld: number;
  connectSeconds: number;
  connectFailures: number;
  firstConnectError: string | null;
  heapPerConnectionKB: number;
  heapMB: { before: number; loaded: number; afterTraffic: number };
  sent: number;
  acked: number;
  stored: number;
  persistedPerSecond: number;
  sendWindowSeconds: number;
  ackMs: Latencies;
  deliveryMs: Latencies;
  firstAgentMs: Latencies;
  clockSkewMs: number;
  lost: number;
  lostDetail: { failedSends: number; ackedNotStored: number; missingAgentDeliveries: number };
  duplicates: number;
  serverCpuPercent: number;
  /** Server CPU while only holding the connections, before the traffic. */
  serverIdleCpuPercent: number;
  /** Server CPU (all threads) per acked message during the traffic window, delivery included. */
  serverCpuMsPerMessage: number;
  /** Per server, over the traffic window: how long ready work waited for the event loop. */
  eventLoop: EventLoopStats[];
  load: number;
}

async function runMode(mode: 'one' | 'two'): Promise<ModeResult> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'aftercare-load-'));
  dataDirs.push(dataDir);
  const env: Record<string, string> = { ...options.serverEnv };
  if (mode === 'two') {
    started.redis = await startRedisServer();
    env.REDIS_URL = started.redis.url;
  }
  // One after the other: the first seeds the demo data, the second finds it.
  const servers: LoadServer[] = [];
  for (let i = 0; i < (mode === 'two' ? 2 : 1); i++) {
    const server = await startLoadServer({
      dataDir,
      env,
      nodeFlags: options.serverFlags,
      ...(values['server-log'] ? { logFile: values['server-log'] } : {}),
      ...(values['server-entry'] ? { entry: path.resolve(values['server-entry']) } : {}),
    });
    servers.push(server);
    started.servers.push(server);
  }
  const urls = servers.map((server) => server.url);
  const heapOf = async () => (await Promise.all(servers.map((server) => server.heapUsed()))).reduce((a, b) => a + b, 0);
  const heapBefore = await heapOf();

  const agentsWorker = startWorker(timelineFile(mode));
  const sendersWorker = startWorker();
  const idleWorkers = Array.from({ length: options.idleWorkers }, () => startWorker());
  const skew = (await clockOffset(agentsWorker)) - (await clockOffset(sendersWorker));

  const cookie = await signIn(urls[0]!);
  const connected: Extract<LoadReply, { type: 'connected' }>[] = [];
  connected.push(
    await ask(agentsWorker, {
      type: 'agents',
      urls,
      count: options.agents,
      cookie,
      total: options.rate * options.seconds,
    }),
  );
  connected.push(
    await ask(sendersWorker, { type: 'senders', urls, count: options.senders, concurrency: options.concurrency }),
  );
  const idleCount = options.visitors - options.senders;
  const connectStarted = performance.now();
  connected.push(
    ...(await Promise.all(
      idleWorkers.map((worker, i) =>
        ask(worker, {
          type: 'idle',
          urls,
          count: Math.floor(idleCount / idleWorkers.length) + (i < idleCount % idleWorkers.length ? 1 : 0),
          concurrency: options.concurrency,
        }),
      ),
    )),
  );
  const connectSeconds = (performance.now() - connectStarted) / 1000;
  // Let the handshakes' leftovers (session:ready answers, timers) settle before the heap is read.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const heapLoaded = await heapOf();
  const held = (await Promise.all(servers.map((server) => server.connections()))).reduce(
    (sum, count) => ({ visitors: sum.visitors + count.visitors, agents: sum.agents + count.agents }),
    { visitors: 0, agents: 0 },
  );

  // What holding the connections costs with no traffic (pings, timers), over 5 s.
  const idleCpuBefore = servers.map((server) => server.cpuSeconds());
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  const idleCpuPercent = Math.round(
    (servers.reduce((sum, server, i) => sum + server.cpuSeconds() - idleCpuBefore[i]!, 0) / 5) * 100,
  );
  await Promise.all(servers.map((server) => server.eventLoop()));
  const cpuBefore = servers.map((server) => server.cpuSeconds());
  const sent = await ask(sendersWorker, { type: 'send', rate: options.rate, seconds: options.seconds });
  const cpuSeconds = servers.reduce((sum, server, i) => sum + server.cpuSeconds() - cpuBefore[i]!, 0);
  const eventLoops = await Promise.all(servers.map((server) => server.eventLoop()));
  const failed = new Set(sent.failed);
  const acked = sent.sent - failed.size;

  // Wait for the last broadcasts while they still arrive; what has not come 5 s after the last one is lost.
  let deliveries = await ask(agentsWorker, { type: 'deliveries' });
  const arrived = (reply: typeof deliveries) => reply.received.reduce((a, b) => a + b, 0);
  for (let quietSince = Date.now(); Date.now() - quietSince < 5_000 && deliveries.received.some((n) => n < acked); ) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const before = arrived(deliveries);
    deliveries = await ask(agentsWorker, { type: 'deliveries' });
    if (arrived(deliveries) > before) quietSince = Date.now();
  }
  let missingAgentDeliveries = 0;
  for (const encoded of deliveries.seen) {
    const bits = Buffer.from(encoded, 'base64');
    for (let i = 0; i < sent.sent; i++)
      if (!failed.has(i) && !(bits[i >> 3]! & (1 << (i & 7)))) missingAgentDeliveries++;
  }
  const heapAfterTraffic = await heapOf();

  // Stop the servers (they flush and close the database), then read what was stored.
  for (const worker of [agentsWorker, sendersWorker, ...idleWorkers]) worker.kill('SIGKILL');
  started.workers = [];
  await Promise.all(servers.map((server) => server.stop()));
  started.servers = [];
  const db = new Database(path.join(dataDir, 'aftercare.db'), { readonly: true });
  const storedIds = db
    .prepare<[], { client_id: string }>("SELECT client_id FROM messages WHERE client_id LIKE 'load-%'")
    .all()
    .map((row) => Number(row.client_id.slice(5)));
  db.close();
  const stored = new Set(storedIds);
  let ackedNotStored = 0;
  for (let i = 0; i < sent.sent; i++) if (!failed.has(i) && !stored.has(i)) ackedNotStored++;
  await started.redis?.close();
  started.redis = null;

  const lost = failed.size + ackedNotStored + missingAgentDeliveries;
  const shift = (latencies: Latencies): Latencies => ({
    p50: round(latencies.p50 - skew),
    p95: round(latencies.p95 - skew),
    p99: round(latencies.p99 - skew),
    max: round(latencies.max - skew),
  });
  const mb = (bytes: number) => round(bytes / 1024 / 1024);
  return {
    mode,
    servers: servers.length,
    visitorsHeld: held.visitors,
    agentsHeld: held.agents,
    connectSeconds: round(connectSeconds),
    connectFailures: connected.reduce((sum, reply) => sum + reply.failed, 0),
    firstConnectError: connected.find((reply) => reply.firstError)?.firstError ?? null,
    heapPerConnectionKB: round((heapLoaded - heapBefore) / (held.visitors + held.agents) / 1024),
    heapMB: { before: mb(heapBefore), loaded: mb(heapLoaded), afterTraffic: mb(heapAfterTraffic) },
    sent: sent.sent,
    acked,
    stored: storedIds.length,
    persistedPerSecond: Math.round(acked / sent.elapsedSeconds),
    sendWindowSeconds: round(sent.windowSeconds),
    ackMs: sent.ackMs,
    deliveryMs: shift(deliveries.everyMs),
    firstAgentMs: shift(deliveries.firstMs),
    clockSkewMs: Number(skew.toFixed(3)),
    lost,
    lostDetail: { failedSends: failed.size, ackedNotStored, missingAgentDeliveries },
    duplicates: deliveries.duplicates + (storedIds.length - stored.size),
    serverCpuPercent: Math.round((cpuSeconds / sent.elapsedSeconds) * 100),
    serverIdleCpuPercent: idleCpuPercent,
    serverCpuMsPerMessage: Number(((cpuSeconds * 1000) / Math.max(1, acked)).toFixed(2)),
    eventLoop: eventLoops,
    load: round(loadavg()[0]!),
  };
}

/** `--timeline FILE`: with both modes, `tl.txt` becomes `tl.one.txt` and `tl.two.txt`. */
function timelineFile(mode: 'one' | 'two'): string | undefined {
  if (!values.timeline) return undefined;
  const file = path.resolve(values.timeline);
  if (modes.length === 1) return file;
  const extension = path.extname(file);
  return `${file.slice(0, file.length - extension.length)}.${mode}${extension}`;
}

/** A client process; the one given a timeline file writes each message's first-agent latency there. */
function startWorker(timeline?: string): ChildProcess {
  // Inherits tsx's loader flags from this process, so the worker runs from TypeScript source.
  const worker = fork(path.join(import.meta.dirname, 'load-worker.ts'), [], {
    env: timeline ? { ...process.env, LOAD_TIMELINE: timeline } : process.env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  started.workers.push(worker);
  return worker;
}

/** Sends a command to a worker and resolves with its reply (workers answer one command at a time). */
function ask<C extends LoadCommand>(worker: ChildProcess, command: C): Promise<ReplyTo<C>> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`load worker exited with ${code} during ${command.type}`));
    worker.once('exit', onExit);
    worker.once('message', (reply: LoadReply) => {
      worker.off('exit', onExit);
      resolve(reply as ReplyTo<C>);
    });
    worker.send(command);
  });
}

type ReplyTo<C extends LoadCommand> = C['type'] extends 'clock'
  ? Extract<LoadReply, { type: 'clock' }>
  : C['type'] extends 'send'
    ? Extract<LoadReply, { type: 'sent' }>
    : C['type'] extends 'deliveries'
      ? Extract<LoadReply, { type: 'deliveries' }>
      : C['type'] extends 'close'
        ? Extract<LoadReply, { type: 'closed' }>
        : Extract<LoadReply, { type: 'connected' }>;

/**
 * The worker's clock minus ours, from the round trip with the least delay (NTP-style). Both read
 * the same system clock, so this is only a check that cross-process timing is sound (~0).
 */
async function clockOffset(worker: ChildProcess): Promise<number> {
  let best = { rtt: Number.POSITIVE_INFINITY, offset: 0 };
  for (let i = 0; i < 20; i++) {
    const sentAt = performance.timeOrigin + performance.now();
    const { now } = await ask(worker, { type: 'clock' });
    const receivedAt = performance.timeOrigin + performance.now();
    if (receivedAt - sentAt < best.rtt) best = { rtt: receivedAt - sentAt, offset: now - (sentAt + receivedAt) / 2 };
  }
  return best.offset;
}

async function signIn(url: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO.agentEmail, password: DEMO.agentPassword }),
  });
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

function round(value: number): number {
  return Number(value.toFixed(1));
}

/** A compact block to paste into the README (and for the lead's re-measure on a quiet machine). */
function printSummary(list: ModeResult[], loadBefore: number, loadAfter: number): void {
  const row = (result: ModeResult) =>
    [
      result.mode === 'one' ? '1 process       ' : '2 processes+Redis',
      `${result.visitorsHeld.toLocaleString('en')} visitors + ${result.agentsHeld} agents`,
      `${result.heapPerConnectionKB} KB/conn`,
      `${result.persistedPerSecond} msg/s`,
      `delivery p50 ${result.deliveryMs.p50} p95 ${result.deliveryMs.p95} p99 ${result.deliveryMs.p99} max ${result.deliveryMs.max} ms`,
      `(first agent p99 ${result.firstAgentMs.p99}, ack p99 ${result.ackMs.p99})`,
      `lost ${result.lost} dup ${result.duplicates}`,
      `server CPU ${result.serverCpuPercent}% (${result.serverCpuMsPerMessage} ms/msg; idle ${result.serverIdleCpuPercent}%)`,
      `event loop delay p99 ${result.eventLoop.map((loop) => loop.delayMs.p99).join('/')} ms`,
    ].join(' | ');
  console.log(
    [
      '',
      '--- load bench summary ---',
      `${new Date().toISOString()} · ${cpus().length} × ${cpus()[0]?.model.trim()} · node ${process.version} · ` +
        `load average ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)}`,
      `offered ${options.rate} msg/s × ${options.seconds} s from ${options.senders} shoppers; ` +
        `server env ${JSON.stringify(options.serverEnv)} flags (npm start) ${productionNodeFlags().join(' ')} + ${JSON.stringify(options.serverFlags)}`,
      ...list.map(row),
      '--------------------------',
    ].join('\n'),
  );
}
