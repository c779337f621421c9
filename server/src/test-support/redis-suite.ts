import { describe, it } from 'vitest';
import { hasRedisServer, REDIS_SERVER_BINARY } from './redis-server.js';

// Apart from `redis-server.ts`, which the Playwright fault tests and the benches import too.
/**
 * For suites that register their own `describe`s (contract runners): answers whether Redis tests
 * can run here, and when not, registers a skipped test under `suite` that says why, so the report
 * shows what did not run instead of nothing.
 * @example
 * if (canRunRedisSuite('Redis presence')) runPresenceContract('redis', …);
 */
export function canRunRedisSuite(suite: string): boolean {
  if (hasRedisServer()) return true;
  describe(suite, () => {
    it.skip(`skipped: ${REDIS_SERVER_BINARY} is missing (apt-get install redis-server)`, () => {});
  });
  return false;
}
