import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PresenceUnavailableError, RoutingStateMissingError } from '../../domain/routing/routing-errors.js';
import { connectTestClient, startRedisServer, type TestRedisServer } from '../../test-support/redis-server.js';
import { canRunRedisSuite } from '../../test-support/redis-suite.js';
import { bringOnline, contractOptions, newId, newTenant, T0 } from '../contract/fixtures.js';
import { runPresenceContract } from '../presence-contract.js';
import { RedisPresence } from './redis-presence.js';

type Client = Awaited<ReturnType<typeof connectTestClient>>;

if (canRunRedisSuite('Redis presence')) {
  // Two clients are two server processes: each claim races over its own connection.
  runPresenceContract('redis', async (options) => {
    const server = await startRedisServer();
    const clients = [await connectTestClient(server.url), await connectTestClient(server.url)] as const;
    return {
      presence: new RedisPresence(clients[0], options),
      peer: new RedisPresence(clients[1], options),
      close: async () => {
        for (const client of clients) client.destroy();
        await server.close();
      },
    };
  });

  describe('Redis presence', () => {
    let server: TestRedisServer;
    let client: Client;
    let presence: RedisPresence;
    beforeAll(async () => {
      server = await startRedisServer();
      client = await connectTestClient(server.url);
      presence = new RedisPresence(client, contractOptions);
    });
    afterAll(async () => {
      client.destroy();
      await server.close();
    });

    it("keeps a tenant's keys under aftercare:{tenantId}: (one cluster slot per tenant)", async () => {
      const tenantId = await newTenant(presence);
      const agentId = newId('agent');
      await bringOnline(presence, tenantId, agentId, T0);
      await presence.enqueue(tenantId, newId('conv'), T0);
      const keys = (await client.keys(`aftercare:{${tenantId}}:*`)).sort();
      const prefix = `aftercare:{${tenantId}}:`;
      expect(keys).toEqual(
        [`agent:${agentId}`, 'agents', `conns:${agentId}`, 'queue', 'routing-ready'].map((k) => prefix + k).sort(),
      );
    });

    it('still works after SCRIPT FLUSH (EVALSHA falls back to EVAL)', async () => {
      const tenantId = await newTenant(presence);
      await client.scriptFlush();
      expect(await presence.queue(tenantId)).toEqual([]);
    });

    it('while Redis is down, rejects at once; back empty, routing asks for a rebuild', async () => {
      const tenantId = await newTenant(presence);
      const agentId = newId('agent');
      await bringOnline(presence, tenantId, agentId, T0);
      await server.stop();

      const started = Date.now();
      await expect(presence.claim(tenantId, T0 + 1)).rejects.toBeInstanceOf(PresenceUnavailableError);
      await expect(presence.connect(tenantId, agentId, newId('conn'), T0 + 1)).rejects.toMatchObject({
        code: 'PRESENCE_UNAVAILABLE',
        retryable: true,
      });
      expect(Date.now() - started).toBeLessThan(1_000);

      // Redis restarts without its data; the client reconnects on its own.
      await server.restart();
      await waitUntil(() => client.isReady, 5_000);
      await expect(presence.claim(tenantId, T0 + 2)).rejects.toBeInstanceOf(RoutingStateMissingError);
      expect(await presence.get(tenantId, agentId, T0 + 2)).toMatchObject({ status: 'offline', connections: 0 });
    });
  });
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
