import { timingSafeEqual } from 'node:crypto';
import { type EventLoopUtilization, monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { AftercareError } from '../../domain/errors.js';
import type { createRouter } from './router.js';

export interface MetricsDeps {
  /** The bearer token that unlocks the endpoint. */
  token: string;
  connections(): { visitors: number; agents: number };
}

/**
 * `GET /metrics`: process memory, open connections and how busy the event loop has been, for
 * benchmarks and monitoring. Behind a bearer token because memory figures help an attacker tune a
 * denial of service.
 * - `?gc=1` collects garbage first when the process runs with `--expose-gc` (benchmarks do), so
 *   `memory.heapUsed` is what is live;
 * - `eventLoop` covers the time since the previous `?reset=1` (or since start): the delay
 *   percentiles say how long a ready socket event could wait for the loop (a synchronous fsync
 *   or GC pause shows up here, whoever measures), `utilization` the share of time it was busy.
 */
export function registerMetricsRoute(router: ReturnType<typeof createRouter>, deps: MetricsDeps): void {
  const expected = Buffer.from(`Bearer ${deps.token}`);
  // The histogram records the time between 1 ms samples; the sampling interval is taken off.
  const resolutionMs = 1;
  const delay = monitorEventLoopDelay({ resolution: resolutionMs });
  delay.enable();
  let since: EventLoopUtilization = performance.eventLoopUtilization();
  router.get('/metrics', ({ raw }) => {
    const given = Buffer.from(raw.headers.authorization ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new AftercareError('UNAUTHORIZED', 'Metrics need the bearer token');
    }
    const query = new URL(raw.url ?? '/', 'http://localhost').searchParams;
    const collect = (globalThis as { gc?: () => void }).gc;
    if (collect && query.get('gc') === '1') collect();
    const ms = (nanoseconds: number) => Math.max(0, Math.round(nanoseconds / 1e4) / 100 - resolutionMs);
    const eventLoop = {
      delayMs: { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) },
      utilization: Math.round(performance.eventLoopUtilization(since).utilization * 1000) / 1000,
    };
    if (query.get('reset') === '1') {
      delay.reset();
      since = performance.eventLoopUtilization();
    }
    return {
      status: 200,
      body: { memory: process.memoryUsage(), connections: deps.connections(), eventLoop },
    };
  });
}
