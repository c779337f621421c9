import { createClient } from 'redis';
import { defaultPresenceOptions, type PresencePort } from '../domain/routing/presence-port.js';
import { closeRedisClient } from '../lib/close-redis-client.js';
import type { Logger } from '../lib/logger.js';
import { MemoryPresence } from './memory/memory-presence.js';
import { presenceClientOptions, RedisPresence } from './redis/redis-presence.js';

export interface OpenedPresence {
  presence: PresencePort;
  /** Closes the Redis connection, if any. */
  close(): Promise<void>;
}

/**
 * Presence for the configured mode: in process memory (one process), or Redis when a URL is given,
 * so several server processes agree on who is online, their load and the waiting line.
 */
export async function openPresence(options: { redisUrl: string | null; logger: Logger }): Promise<OpenedPresence> {
  if (!options.redisUrl) return { presence: new MemoryPresence(defaultPresenceOptions), close: async () => {} };
  const client = createClient({ url: options.redisUrl, ...presenceClientOptions });
  // node-redis throws on an 'error' event nobody listens to; the client reconnects by itself.
  // One line per outage, not one per reconnect attempt.
  let down = false;
  client.on('error', (error: unknown) => {
    if (!down) options.logger.warn('redis (presence) unreachable; reconnecting', { error });
    down = true;
  });
  client.on('ready', () => {
    if (down) options.logger.info('redis (presence) back');
    down = false;
  });
  await client.connect();
  return {
    presence: new RedisPresence(client, defaultPresenceOptions),
    async close() {
      await closeRedisClient(client);
    },
  };
}
