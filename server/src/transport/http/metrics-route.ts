import { timingSafeEqual } from 'node:crypto';
import { AftercareError } from '../../domain/errors.js';
import type { createRouter } from './router.js';

export interface MetricsDeps {
  /** The bearer token that unlocks the endpoint. */
  token: string;
  connections(): { visitors: number; agents: number };
}

/**
 * `GET /metrics`: process memory and open connections, for benchmarks and monitoring. Behind a
 * bearer token because memory figures help an attacker tune a denial of service.
 * `?gc=1` collects garbage first when the process runs with `--expose-gc` (benchmarks do).
 */
export function registerMetricsRoute(router: ReturnType<typeof createRouter>, deps: MetricsDeps): void {
  const expected = Buffer.from(`Bearer ${deps.token}`);
  router.get('/metrics', ({ raw }) => {
    const given = Buffer.from(raw.headers.authorization ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new AftercareError('UNAUTHORIZED', 'Metrics need the bearer token');
    }
    const collect = (globalThis as { gc?: () => void }).gc;
    if (collect && raw.url?.includes('gc=1')) collect();
    return { status: 200, body: { memory: process.memoryUsage(), connections: deps.connections() } };
  });
}
